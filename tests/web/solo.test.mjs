// A solo run in the browser: choice questions on one clock, then a second run with the same
// settings that is compared with the first (the personal best belongs to this browser's
// identity). Then self-graded runs on a clock per question: the runner types an answer, sees
// the reference and grades it, and the points follow the grades.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerChoice, bankAnswers, bankTopics, hostRoom, person, phone, screenshot, waitForScreen,
  withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

async function run(player, rightAnswers) {
  await hostRoom(player, world.server.base,
    { kind: 'solo', 'host-name': 'Sol', questions: 2, clock: 'total', 'total-seconds': 120 });
  for (const right of rightAnswers) {
    await answerChoice(player, answers, right);
  }
  await waitForScreen(player.page, 'over', 30000);
  const best = player.page.locator('#personal-best');
  await best.filter({ hasText: /\S/ }).waitFor({ timeout: 10000 });
  return (await best.textContent()).trim();
}

// The "What to study" section of the game-over screen: each topic missed, how many, the
// questions and the checklist area (every bundled topic has one). Returns the question numbers
// listed.
async function studyList(page) {
  const study = page.locator('#study');
  await study.waitFor();
  assert.equal((await page.textContent('#study-title')).trim(), 'What to study');
  assert.match(await page.textContent('#study-areas'),
    /^Checklist areas to review: (Algorithms|Evaluation|Optimization|Practical)(, \w+)*\.$/);
  const topics = study.locator('.study-topic');
  assert.ok(await topics.count() >= 1, 'at least one topic');
  const listed = new Set();
  for (const topic of await topics.all()) {
    const missed = Number(await topic.getAttribute('data-missed'));
    const name = await topic.getAttribute('data-topic');
    assert.ok(bankTopics().has(name), `"${name}" is a topic of the bank`);
    assert.equal((await topic.locator('h3').textContent()).trim(), `${name} · ${missed} missed`);
    const questions = topic.locator('.study-questions li');
    assert.equal(await questions.count(), missed);
    for (const li of await questions.all()) {
      assert.ok(answers.has((await li.textContent()).trim()), 'a question of the bank, as text');
      listed.add(Number(await li.getAttribute('value')));
    }
    assert.match(await topic.locator('.study-checklist').textContent(),
      /^See the checklist: (Algorithms|Evaluation|Optimization|Practical) — Can you .+\?$/);
  }
  // Nothing wider than the phone: long questions wrap.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  return [...listed].sort((a, b) => a - b);
}

test('a solo run shows a personal best, and the next run is compared with it', async () => {
  const player = await person(world.browser, phone, 'Sol');
  const first = await run(player, [true, true]);
  assert.match(first, /first run.*best/i);
  assert.equal(await player.page.locator('#study').isVisible(), false, 'nothing missed, nothing to study');
  await screenshot(player.page, 'phone-solo-best');
  const second = await run(player, [false, false]);
  assert.match(second, /best/i);
  assert.doesNotMatch(second, /first run/i);  // compared with the first run
  assert.notEqual(second, first);
  // Both missed: both are in the study list, under their topics.
  assert.deepEqual(await studyList(player.page), [1, 2]);
  await screenshot(player.page, 'phone-solo-study');
  assert.deepEqual(player.dialogs, []);
  assert.deepEqual(player.errors, []);
});

// What each self grade counts as (GAME.md: good and easy correct, hard partial, again wrong).
const VERDICT_OF_GRADE = { again: 'wrong', hard: 'partial', good: 'correct', easy: 'correct' };

// A self-graded run: each question answered (the reference, or a guess), then graded. Returns
// the final points, the points of each question as the results said, and the personal best.
async function selfRun(player, grades) {
  await hostRoom(player, world.server.base, {
    kind: 'solo', mode: 'self', clock: 'per_question', seconds: 60, questions: grades.length,
    'host-name': 'Sol',
  });
  const points = [];
  const streaks = [];
  let total = null;
  for (const [i, grade] of grades.entries()) {
    await waitForScreen(player.page, 'question', 20000);
    await player.page.locator('#question-number')
      .filter({ hasText: `Question ${i + 1} of ${grades.length}` }).waitFor();
    assert.equal(await player.page.locator('button.choice').count(), 0, 'a text box, no tiles');
    const question = (await player.page.textContent('#question-text')).trim();
    const reference = answers.get(question);
    assert.ok(reference, `the question "${question}" is in the bundled bank`);
    const mine = VERDICT_OF_GRADE[grade] === 'correct' ? reference : 'No idea, a guess.';
    await player.page.fill('#answer-text', mine);
    await player.page.click('#answer-send');
    // The only answer closes the question: the reference comes with the grade buttons.
    await waitForScreen(player.page, 'reveal');
    await player.page.locator('#grade').waitFor();
    assert.equal((await player.page.textContent('#reveal-reference')).trim(), reference);
    assert.ok((await player.page.textContent('#reveal-own')).includes(mine));
    if (i === 0) await screenshot(player.page, `phone-self-grade-${grade}`);
    await player.page.click(`.grade-button[data-grade="${grade}"]`);
    await waitForScreen(player.page, 'result');
    assert.equal(await player.page.getAttribute('#result-verdict', 'data-verdict'),
      VERDICT_OF_GRADE[grade], `graded ${grade}`);
    assert.match(await player.page.textContent('#result-headline'),
      new RegExp(`you graded it ${grade}`));
    points.push(Number(await player.page.textContent('#result-points')));
    streaks.push(Number(await player.page.textContent('#result-streak')));
    total = Number(await player.page.textContent('#result-total'));
  }
  await waitForScreen(player.page, 'over', 30000);
  const line = player.page.locator('#final-line');
  await line.filter({ hasText: /finished/ }).waitFor();
  const final = Number(await line.getAttribute('data-points'));
  assert.equal(final, total, 'the final points are the last result\'s total');
  assert.equal(final, points.reduce((a, b) => a + b, 0), 'the final points add up');
  const best = player.page.locator('#personal-best');
  await best.filter({ hasText: /\S/ }).waitFor({ timeout: 10000 });
  return {
    final, points, streaks, line: await line.textContent(), best: (await best.textContent()).trim(),
  };
}

test('a self-graded solo run on a clock per question scores what the runner graded', async () => {
  const player = await person(world.browser, phone, 'Sol');
  // Graded right twice: points for both, and the second extends the streak.
  const right = await selfRun(player, ['good', 'easy']);
  assert.ok(right.points.every((p) => p > 0), right.points.join(', '));
  assert.deepEqual(right.streaks, [1, 2]);
  assert.match(right.line, /2 correct, 0 wrong/);
  assert.match(right.best, /first run.*best/i);
  assert.ok(right.best.includes(String(right.final)), right.best);
  await screenshot(player.page, 'phone-solo-self-best');
  // Graded wrong, then partly right: nothing, then half points; the best stays the first run.
  const low = await selfRun(player, ['again', 'hard']);
  assert.equal(low.points[0], 0);
  assert.deepEqual(low.streaks, [0, 0]);
  assert.ok(low.points[1] > 0 && low.points[1] <= 500, low.points.join(', '));
  assert.match(low.line, /0 correct, 1 partly right, 1 wrong/);
  assert.ok(low.final < right.final);
  assert.match(low.best, /best is still/i);
  assert.ok(low.best.includes(`${right.final} points`), low.best);
  assert.deepEqual(player.dialogs, []);
  assert.deepEqual(player.errors, []);
});

test('a review run in the browser asks new questions in the bank\'s order and says when each comes back', async () => {
  const player = await person(world.browser, phone, 'Rev');  // a fresh identity: nothing due yet
  await hostRoom(player, world.server.base, {
    kind: 'solo', mode: 'review', clock: 'per_question', seconds: 60, questions: 2,
    'host-name': 'Rev',
  });
  const inBankOrder = [...answers.keys()];
  const seen = [];
  for (const [i, grade] of ['again', 'easy'].entries()) {
    await waitForScreen(player.page, 'question', 20000);
    await player.page.locator('#question-number')
      .filter({ hasText: `Question ${i + 1} of 2` }).waitFor();
    seen.push((await player.page.textContent('#question-text')).trim());
    await player.page.fill('#answer-text', 'what I remember');
    await player.page.click('#answer-send');
    await waitForScreen(player.page, 'reveal');
    await player.page.click(`.grade-button[data-grade="${grade}"]`);
    await waitForScreen(player.page, 'result');
    const review = player.page.locator('#result-review');
    await review.waitFor();
    const text = (await review.textContent()).trim();
    if (grade === 'again') assert.equal(text, 'Back for review tomorrow.');
    else assert.match(text, /^Back for review in \d+ days\.$/);
    if (i === 0) await screenshot(player.page, 'phone-review-result');
  }
  assert.deepEqual(seen, inBankOrder.slice(0, 2));
  await waitForScreen(player.page, 'over', 30000);
  assert.deepEqual(player.errors, []);
});
