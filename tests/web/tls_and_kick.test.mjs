// The same page over TLS (an https:// page, a wss:// socket, an https:// join link and QR code),
// and a host who removes a player: the phone says so and the room goes on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  decodeQr, hostRoom, joinRoom, person, phone, projector, screenshotDir, selfSignedCertificate,
  waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser([], selfSignedCertificate);

test('over TLS a phone joins by the https:// link, and a removed player is told', async () => {
  assert.match(world.server.base, /^https:/);
  // The test's certificate is its own: the browser is told to accept it.
  const trusting = { ignoreHTTPSErrors: true };
  const host = await person(world.browser, projector, 'host', trusting);
  const code = await hostRoom(host, world.server.base, { questions: 1, seconds: 60 });
  const link = (await host.page.textContent('#join-link')).trim();
  assert.equal(link, `${world.server.base}/join/${code}`);
  const qr = join(screenshotDir, `qr-tls-${code}.png`);
  await host.page.locator('img#qr').screenshot({ path: qr });
  assert.equal(await decodeQr(qr), link);

  const ada = await person(world.browser, phone, 'Ada', trusting);
  const ben = await person(world.browser, phone, 'Ben', trusting);
  await joinRoom(ada, world.server.base, code, 'Ada');
  await joinRoom(ben, world.server.base, code, 'Ben');
  await host.page.locator('#player-count').filter({ hasText: /^\s*2\s*$/ }).waitFor();

  // Remove Ben: his phone says he was removed; Ada's room goes on without him.
  await host.page.locator('#players li').filter({ hasText: 'Ben' }).getByRole('button').click();
  await waitForScreen(ben.page, 'kicked');
  await host.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();
  await host.page.click('#start-button');
  await waitForScreen(ada.page, 'question');
  for (const p of [host, ada, ben]) assert.deepEqual(p.errors, [], `${p.name}: no script error`);
});
