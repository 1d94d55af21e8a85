// The same page over TLS (an https:// page, a wss:// socket, an https:// join link and QR code),
// and a host who removes a player: the phone says so and the room goes on.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeQr, hostRoom, joinRoom, launchBrowser, person, phone, projector, screenshotDir,
  selfSignedCertificate, startServer, waitForScreen,
} from './support.mjs';

let server;
let browser;
let folder;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rapidfire-web-tls-'));
  server = await startServer([], await selfSignedCertificate(folder));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('over TLS a phone joins by the https:// link, and a removed player is told', async () => {
  assert.match(server.base, /^https:/);
  // The test's certificate is its own: the browser is told to accept it.
  const trusting = { ignoreHTTPSErrors: true };
  const host = await person(browser, projector, 'host', trusting);
  const code = await hostRoom(host, server.base, { questions: 1, seconds: 60 });
  const link = (await host.page.textContent('#join-link')).trim();
  assert.equal(link, `${server.base}/join/${code}`);
  const qr = join(screenshotDir, `qr-tls-${code}.png`);
  await host.page.locator('img#qr').screenshot({ path: qr });
  assert.equal(await decodeQr(qr), link);

  const ada = await person(browser, phone, 'Ada', trusting);
  const ben = await person(browser, phone, 'Ben', trusting);
  await joinRoom(ada, server.base, code, 'Ada');
  await joinRoom(ben, server.base, code, 'Ben');
  await host.page.locator('#player-count').filter({ hasText: /^\s*2\s*$/ }).waitFor();

  // Remove Ben: his phone says he was removed; Ada's room goes on without him.
  await host.page.locator('#players li').filter({ hasText: 'Ben' }).getByRole('button').click();
  await waitForScreen(ben.page, 'kicked');
  await host.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();
  await host.page.click('#start-button');
  await waitForScreen(ada.page, 'question');
  for (const p of [host, ada, ben]) assert.deepEqual(p.errors, [], `${p.name}: no script error`);
});
