// "Open rooms": a public room created with a title shows up in the list on another phone, with
// its kind, topics, players and host, and is joined from there; a passworded one shows the
// lock and the join form asks for its password. The list filters by kind and topic, refreshes
// by itself while shown, and never asks more than once a second however often Refresh is pressed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hostRoom, person, phone, projector, screenshot, waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();

// Every list_rooms the page sends, with the page's own clock, counted before the page loads.
async function countListRequests(p) {
  await p.context.addInitScript(() => {
    window.listRoomsSent = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      if (typeof data === 'string' && data.includes('"list_rooms"')) window.listRoomsSent.push(performance.now());
      return send.call(this, data);
    };
  });
}

async function openRooms(p) {
  await p.page.goto(`${world.server.base}/`);
  await waitForScreen(p.page, 'join');
  await p.page.click('#rooms-link');
  await waitForScreen(p.page, 'rooms');
}

const card = (p, code) => p.page.locator(`#rooms-list li[data-code="${code}"]`);

test('a public room with a title is listed and joined from "Open rooms"', async () => {
  const host = await person(world.browser, projector, 'host');
  const label = 'Friday evaluation drills';
  const code = await hostRoom(host, world.server.base, {
    'host-name': 'Ms Rivera', topics: 'evaluation', questions: 2, 'public-room': true, 'room-label': label,
  });
  await host.page.locator('#lobby-listed').filter({ hasText: `as "${label}"` }).waitFor();

  const zoe = await person(world.browser, phone, 'Zoe');
  await countListRequests(zoe);
  await openRooms(zoe);
  const room = card(zoe, code);
  await room.waitFor({ timeout: 15000 });
  assert.equal((await room.locator('.room-label').textContent()).trim(), label);
  assert.equal((await room.locator('.room-kind').textContent()).trim(), 'Quiz');
  assert.equal((await room.locator('.room-players').textContent()).trim(), '0 / 500 players');
  assert.match(await room.locator('.room-topics').textContent(), /evaluation/);
  assert.match(await room.locator('.room-host').textContent(), /Ms Rivera/);
  assert.equal(await room.locator('.room-lock').count(), 0, 'no password, no lock');
  await screenshot(zoe.page, 'phone-open-rooms');

  // Refresh pressed five times at once: the page still asks at most once a second.
  for (let i = 0; i < 5; ++i) await zoe.page.click('#rooms-refresh');
  await zoe.page.waitForFunction(() => window.listRoomsSent.length >= 3, null, { timeout: 10000 });
  const sent = await zoe.page.evaluate(() => window.listRoomsSent);
  for (let i = 1; i < sent.length; ++i) {
    assert.ok(sent[i] - sent[i - 1] >= 990, `list_rooms ${sent[i] - sent[i - 1]} ms after the one before`);
  }

  await room.locator('button.room-join').click();
  await waitForScreen(zoe.page, 'join');
  assert.equal(await zoe.page.inputValue('#code'), code);
  assert.ok(!(await zoe.page.isVisible('#password-row')), 'no password asked');
  assert.equal(await zoe.page.evaluate(() => document.activeElement.id), 'nickname');
  await zoe.page.fill('#nickname', 'Zoe');
  await zoe.page.click('#join-button');
  await waitForScreen(zoe.page, 'lobby');
  await host.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();

  // Back on the list, the room counts its player.
  await openRooms(zoe);
  await card(zoe, code).locator('.room-players').filter({ hasText: '1 / 500 players' }).waitFor({ timeout: 15000 });
  for (const p of [host, zoe]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});

test('a passworded room shows the lock and asks for the password; filters by kind and topic', async () => {
  const quizHost = await person(world.browser, projector, 'quiz host');
  const quiz = await hostRoom(quizHost, world.server.base,
    { topics: 'evaluation', 'public-room': true, 'room-label': 'Evaluation quiz' });
  const max = await person(world.browser, phone, 'Max');
  await openRooms(max);
  await card(max, quiz).waitFor({ timeout: 15000 });

  // Created while the list is on screen: it shows up without pressing anything.
  const iris = await person(world.browser, projector, 'Iris');
  const interview = await hostRoom(iris, world.server.base,
    { kind: 'interview', 'host-name': 'Iris', topics: 'regularization', 'public-room': true,
      'password-setting': 'sesame' });
  const locked = card(max, interview);
  await locked.waitFor({ timeout: 15000 });
  assert.equal((await locked.locator('.room-label').textContent()).trim(), 'untitled');
  assert.ok(await locked.locator('.room-lock').isVisible(), 'a lock mark');
  assert.match(await locked.locator('.room-lock').textContent(), /Password/);
  assert.equal((await locked.locator('.room-kind').textContent()).trim(), 'Mock interview');
  assert.doesNotMatch(await locked.textContent(), /sesame/);
  await screenshot(max.page, 'phone-open-rooms-locked');

  // By kind: only the interview; by topic: only the room with questions on it (a room of
  // every topic would be listed too).
  await max.page.selectOption('#rooms-kind', 'interview');
  await card(max, quiz).waitFor({ state: 'detached', timeout: 10000 });
  assert.ok(await locked.isVisible());
  await max.page.selectOption('#rooms-kind', '');
  await max.page.selectOption('#rooms-topic', 'evaluation');
  await locked.waitFor({ state: 'detached', timeout: 10000 });
  await card(max, quiz).waitFor({ timeout: 10000 });
  await max.page.selectOption('#rooms-topic', '');
  await locked.waitFor({ timeout: 10000 });

  await locked.locator('button.room-join').click();
  await waitForScreen(max.page, 'join');
  assert.equal(await max.page.inputValue('#code'), interview);
  assert.ok(await max.page.isVisible('#password-row'), 'the password is asked for');
  await max.page.fill('#nickname', 'Max');
  await max.page.fill('#password', 'sesame');
  await screenshot(max.page, 'phone-open-rooms-join-password');
  await max.page.click('#join-button');
  await waitForScreen(max.page, 'lobby');
  await iris.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();
  for (const p of [quizHost, max, iris]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});

test('the host form offers the listing and its title, not for a solo run', async () => {
  const host = await person(world.browser, phone, 'host');
  await host.page.goto(`${world.server.base}/#host`);
  await waitForScreen(host.page, 'host-setup');
  assert.ok(!(await host.page.isVisible('#room-label')), 'the title only for a listed room');
  await host.page.check('#public-room');
  assert.ok(await host.page.isVisible('#room-label'));
  assert.equal(await host.page.getAttribute('#room-label', 'maxlength'), '40');
  await screenshot(host.page, 'phone-host-setup-public');
  await host.page.selectOption('#kind', 'solo');
  assert.ok(!(await host.page.isVisible('#public-room')), 'a solo run is never listed');
  assert.deepEqual(host.errors, []);
});
