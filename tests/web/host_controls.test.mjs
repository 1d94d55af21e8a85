// The host's controls in the browser, in a real choice quiz: lock and unlock the lobby (a late
// joiner is refused in words while locked), pause and continue (the phones' countdown stops and
// runs again), add time (the deadline the phones count to moves later by exactly that), skip,
// end the game behind its confirmation (cancel keeps playing), then a rematch that brings the
// same seats back. Long question times: the host drives the game, nothing waits for a clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerChoice, bankAnswers, hostRoom, joinPhones, person, phone, projector, screenOf, screenshot,
  waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

const countdownOf = (page, id = 'countdown') => page.locator(`#${id}`);

async function deadlineOf(page, id) {
  return Number(await countdownOf(page, id).getAttribute('data-deadline'));
}

async function barOf(page) {
  return page.evaluate(() => {
    const bar = document.getElementById('countdown');
    return { value: bar.value, seconds: Number(bar.getAttribute('aria-valuenow')),
      text: document.getElementById('countdown-text').textContent };
  });
}

async function seatOf(page) {
  return page.evaluate(() => window.rapidfire.state.seat.player);
}

async function waitForQuestion(page, number) {
  await waitForScreen(page, 'question');
  await page.locator('#question-number').filter({ hasText: `Question ${number} of` }).waitFor();
}

// Ends the game from the host's question screen: the first press only asks.
async function endGame(host, players) {
  await host.page.click('#end-button');
  await host.page.locator('dialog#end-dialog').waitFor({ state: 'visible' });
  await host.page.click('#end-confirm');
  await host.page.locator('dialog#end-dialog').waitFor({ state: 'hidden' });
  await waitForScreen(host.page, 'host-over', 20000);
  for (const p of players) {
    await waitForScreen(p.page, 'over', 20000);
    await p.page.locator('#over-reason').filter({ hasText: /host ended the game/i }).waitFor();
  }
}

test('the host locks, pauses, adds time, skips, ends after confirming and rematches', async () => {
  const host = await person(world.browser, projector, 'host');
  const code = await hostRoom(host, world.server.base,
    { questions: 4, seconds: 60, 'reveal-seconds': 0 });
  const players = await joinPhones(world.browser, world.server.base, host, code, ['Ada', 'Ben']);

  // Locked: a late joiner is refused with a sentence and stays on the join form.
  const lock = host.page.locator('#lock-button');
  await lock.click();
  await host.page.locator('#lock-button[aria-pressed="true"]').filter({ hasText: /unlock/i })
    .waitFor();
  const late = await person(world.browser, phone, 'Cy');
  await late.page.goto(`${world.server.base}/join/${code}`);
  await waitForScreen(late.page, 'join');
  await late.page.fill('#nickname', 'Cy');
  await late.page.click('#join-button');
  await late.page.locator('#join-error').filter({ hasText: /locked/i }).waitFor();
  assert.equal(await screenOf(late.page), 'join');
  await screenshot(late.page, 'phone-room-locked');
  // Unlocked: the same form gets in.
  await lock.click();
  await host.page.locator('#lock-button[aria-pressed="false"]').filter({ hasText: /^\s*lock/i })
    .waitFor();
  await late.page.click('#join-button');
  await waitForScreen(late.page, 'lobby');
  players.push(late);
  await host.page.locator('#player-count').filter({ hasText: /^\s*3\s*$/ }).waitFor();
  const seats = [];
  for (const p of players) seats.push(await seatOf(p.page));

  await host.page.click('#start-button');
  await waitForScreen(host.page, 'host-question');
  for (const p of players) await waitForQuestion(p.page, 1);

  // Pause: every phone shows the paused screen and its countdown stands still.
  await host.page.click('#pause-button');
  await host.page.locator('#pause-button[aria-pressed="true"]').waitFor();
  for (const p of players) {
    await waitForScreen(p.page, 'paused');
    assert.match(await p.page.textContent('#paused-title'), /host paused/i);
  }
  await host.page.locator('#host-countdown-text').filter({ hasText: /paused/ }).waitFor();
  const frozen = await barOf(players[0].page);
  assert.match(frozen.text, /paused/);
  await screenshot(players[0].page, 'phone-paused');
  // A stopped clock stays where it stopped, however long one looks at it.
  await players[0].page.waitForTimeout(1200);
  assert.deepEqual(await barOf(players[0].page), frozen);

  // Continue: the question is back and its countdown runs down from where it stopped.
  await host.page.click('#pause-button');
  await host.page.locator('#pause-button[aria-pressed="false"]').waitFor();
  for (const p of players) await waitForScreen(p.page, 'question');
  await players[0].page.waitForFunction(
    (before) => document.getElementById('countdown').value < before, frozen.value - 5,
    { timeout: 15000 });
  assert.doesNotMatch((await barOf(players[0].page)).text, /paused/);

  // +15 s: the deadline every screen counts to moves later by exactly 15 s.
  const hostBefore = await deadlineOf(host.page, 'host-countdown');
  const before = [];
  for (const p of players) before.push(await deadlineOf(p.page, 'countdown'));
  const secondsBefore = (await barOf(players[0].page)).seconds;
  await host.page.click('#extend-button');
  await host.page.locator('#host-question-status').filter({ hasText: /time added/i }).waitFor();
  for (const [i, p] of players.entries()) {
    await p.page.locator('#answer-status').filter({ hasText: /added time/i }).waitFor();
    assert.equal(await deadlineOf(p.page, 'countdown') - before[i], 15000, `${p.name}'s deadline`);
  }
  assert.equal(await deadlineOf(host.page, 'host-countdown') - hostBefore, 15000);
  assert.ok((await barOf(players[0].page)).seconds > secondsBefore, 'more seconds left');

  // Ada answers; the host skips the others' wait: the question closes and is revealed.
  await answerChoice(players[0], answers, true);
  assert.equal(await screenOf(host.page), 'host-question');
  await host.page.click('#skip-button');
  await waitForScreen(host.page, 'host-reveal');
  for (const [i, p] of players.entries()) {
    await waitForScreen(p.page, 'result');
    const verdict = await p.page.getAttribute('#result-verdict', 'data-verdict');
    if (i === 0) assert.equal(verdict, 'correct');
    else assert.equal(verdict, 'none', `${p.name} did not answer`);
  }
  // No reveal timer: the host moves on.
  await host.page.click('#next-button');
  await waitForScreen(host.page, 'host-question');
  for (const p of players) await waitForQuestion(p.page, 2);

  // End game: the first press asks; "Keep playing" keeps the question open for everyone.
  await host.page.click('#end-button');
  const dialog = host.page.locator('dialog#end-dialog');
  await dialog.waitFor({ state: 'visible' });
  await screenshot(host.page, 'projector-end-confirm');
  await host.page.click('#end-cancel');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await screenOf(host.page), 'host-question');
  for (const p of players) assert.equal(await screenOf(p.page), 'question');
  // Still a running game: an answer is taken.
  await players[1].page.keyboard.press('1');
  await players[1].page.locator('#answer-status').filter({ hasText: /answer in/i }).waitFor();
  await host.page.locator('#answered').filter({ hasText: /^1\// }).waitFor();
  await endGame(host, players);
  await screenshot(players[0].page, 'phone-ended-by-host');

  // Rematch: the same three seats are back in the lobby of a new game, and it plays.
  await host.page.click('#rematch-button');
  await waitForScreen(host.page, 'host-lobby');
  await host.page.locator('#player-count').filter({ hasText: /^\s*3\s*$/ }).waitFor();
  const listed = await host.page.locator('#players li .nick').allTextContents();
  assert.deepEqual([...listed].sort(), ['Ada', 'Ben', 'Cy']);
  for (const [i, p] of players.entries()) {
    await waitForScreen(p.page, 'lobby');
    assert.equal((await p.page.textContent('#lobby-name')).trim(), p.name);
    assert.equal(await seatOf(p.page), seats[i], `${p.name} keeps the seat`);
  }
  await host.page.click('#start-button');
  await waitForScreen(host.page, 'host-question');
  for (const p of players) await waitForQuestion(p.page, 1);
  await endGame(host, players);

  for (const p of [host, ...players]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});
