// The browser client in front of two servers behind HAProxy (the shipped configuration, on
// loopback): the host's page makes a room on one of them; a phone that opens the join link
// through the proxy reaches that server, comes back to it after a dropped socket, and says in
// words when that server has stopped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  hostRoom, joinRoom, launchBrowser, person, phone, projector, screenshot, startCluster,
} from './support.mjs';

let cluster;
let browser;
before(async () => {
  cluster = await startCluster(['A', 'B']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await cluster?.stop();
});

test("a phone reaches its room's server through the proxy, resumes there, and hears when it stops", async () => {
  const host = await person(browser, projector, 'host');
  const code = await hostRoom(host, cluster.base, { questions: 2, seconds: 60 });
  assert.match(code, /^[AB][A-Z0-9]{6}$/);
  const ada = await person(browser, phone, 'Ada');
  const sockets = [];
  ada.page.on('websocket', (ws) => sockets.push(ws.url()));
  await joinRoom(ada, cluster.base, code, 'Ada');
  await host.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();

  // A dropped socket: the page comes back, through the proxy, to the room's server.
  await ada.page.evaluate(() => window.rapidfire.conn.drop());
  await ada.page.waitForFunction(() => {
    const { conn, state } = window.rapidfire;
    return conn.open && state.seat && !state.resuming;
  }, null, { timeout: 15000 });
  assert.ok(sockets.length >= 2, sockets.join(' '));
  for (const url of sockets) assert.equal(new URL(url).searchParams.get('room'), code, url);
  await host.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();

  // The room's server stops dead: its players are told, not left reconnecting.
  cluster.servers.find((s) => s.node === code[0]).kill('SIGKILL');
  await ada.page.locator('#join-error').filter({ hasText: /server has stopped/ })
    .waitFor({ timeout: 20000 });
  await screenshot(ada.page, 'phone-room-server-stopped');
  assert.equal(await ada.page.evaluate(() => window.rapidfire.state.seat), null);
});
