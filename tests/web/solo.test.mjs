// A solo run in the browser: choice questions on one clock, then a second run with the same
// settings that is compared with the first (the personal best belongs to this browser's
// identity).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bankAnswers, correctTile, hostRoom, person, phone, screenshot, waitForScreen,
  withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

async function run(player, rightAnswers) {
  await hostRoom(player, world.server.base,
    { kind: 'solo', 'host-name': 'Sol', questions: 2, clock: 'total', 'total-seconds': 120 });
  for (const right of rightAnswers) {
    await waitForScreen(player.page, 'question', 20000);
    const correct = await correctTile(player.page, answers);
    await player.page.keyboard.press(String((right ? correct : (correct + 1) % 4) + 1));
    await player.page.locator('#answer-status').filter({ hasText: /answer in/i })
      .waitFor({ state: 'attached' });
  }
  await waitForScreen(player.page, 'over', 30000);
  const best = player.page.locator('#personal-best');
  await best.filter({ hasText: /\S/ }).waitFor({ timeout: 10000 });
  return (await best.textContent()).trim();
}

test('a solo run shows a personal best, and the next run is compared with it', async () => {
  const player = await person(world.browser, phone, 'Sol');
  const first = await run(player, [true, true]);
  assert.match(first, /first run.*best/i);
  await screenshot(player.page, 'phone-solo-best');
  const second = await run(player, [false, false]);
  assert.match(second, /best/i);
  assert.doesNotMatch(second, /first run/i);  // compared with the first run
  assert.notEqual(second, first);
  assert.deepEqual(player.errors, []);
});
