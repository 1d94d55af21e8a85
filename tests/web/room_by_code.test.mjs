// A player who types the room code on the home page (instead of opening the join link) gets a
// socket that names the room, as a proxy in front of several servers needs to find the room's
// server. The server here is node A of such a group: its codes are 7 characters starting with A,
// and a code of another node, whose server is gone, is answered in words.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hostRoom, person, phone, projector, screenshot, waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser(['--node-id', 'A']);

async function joinByTyping(player, code, nickname) {
  await player.page.goto(`${world.server.base}/`);
  await waitForScreen(player.page, 'join');
  await player.page.fill('#code', code.toLowerCase());
  await player.page.fill('#nickname', nickname);
  await player.page.click('#join-button');
}

test('a code typed on the home page moves the socket to the room', async () => {
  const host = await person(world.browser, projector, 'host');
  const code = await hostRoom(host, world.server.base, { questions: 2 });
  assert.match(code, /^A[A-Z0-9]{6}$/);
  const ada = await person(world.browser, phone, 'Ada');
  const sockets = [];
  ada.page.on('websocket', (ws) => sockets.push(ws.url()));
  await joinByTyping(ada, code, 'Ada');
  await waitForScreen(ada.page, 'lobby');
  // The page's first socket named no room; the join went over one that names it.
  assert.equal(new URL(sockets[0]).searchParams.get('room'), null, sockets.join(' '));
  assert.equal(new URL(sockets.at(-1)).searchParams.get('room'), code, sockets.join(' '));
  await host.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();
});

test("a room whose server has stopped is said so in words", async () => {
  const ben = await person(world.browser, phone, 'Ben');
  await joinByTyping(ben, 'B234567', 'Ben');
  const error = ben.page.locator('#join-error');
  await error.filter({ hasText: /server has stopped/ }).waitFor();
  await screenshot(ben.page, 'phone-room-server-gone');
  assert.equal(await ben.page.evaluate(() => window.rapidfire.state.seat), null);
});
