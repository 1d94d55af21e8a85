// Questions that bring their own choices, from a bank file the test writes: the phones show
// exactly those choices in the author's order (five of them, numbered on past four), either of
// two correct choices scores, the projector marks every correct bar, and the question's
// feedback shows with the answer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import {
  hostRoom, joinPhones, person, projector, screenshot, waitForAnswerIn, waitForOpenQuestion,
  waitForScreen, withServerAndBrowser,
} from './support.mjs';

const QUESTIONS = [
  {
    id: 'several', topics: ['regularization'], text: 'Which of these are regularization methods?',
    choices: ['Dropout', 'Larger batches', 'Weight decay', 'More epochs', 'None of the above'],
    correct_choices: [0, 2], feedback: 'Both limit what the network can memorise.',
  },
  {
    id: 'true-false', topics: ['evaluation'],
    text: 'Accuracy is a good metric for heavily imbalanced classes.',
    choices: ['True', 'False'], correct_choices: [1], seconds: 30,
  },
];

const folder = mkdtempSync(join(tmpdir(), 'rapidfire-web-bank-'));
const bankFile = join(folder, 'own-choices.json');
writeFileSync(bankFile, JSON.stringify({ title: 'Own choices', questions: QUESTIONS }));
after(() => rmSync(folder, { recursive: true, force: true }));

const world = withServerAndBrowser(['--bank', bankFile]);

// The keys each player presses for each question (1 for the first choice).
const PICKS = { several: { Ada: '1', Ben: '3' }, 'true-false': { Ada: '2', Ben: '1' } };
const RIGHT = { several: { Ada: 'correct', Ben: 'correct' }, 'true-false': { Ada: 'correct', Ben: 'wrong' } };

test('own choices are shown as written, any correct one scores, and the reveal shows all', async () => {
  const host = await person(world.browser, projector, 'host');
  const code = await hostRoom(host, world.server.base,
    { questions: 2, seconds: 20, 'reveal-seconds': 0 });
  const players = await joinPhones(world.browser, world.server.base, host, code, ['Ada', 'Ben']);
  await host.page.click('#start-button');

  for (let round = 0; round < QUESTIONS.length; ++round) {
    await waitForScreen(host.page, 'host-question');
    await host.page.locator('#host-question-number')
      .filter({ hasText: `Question ${round + 1} of 2` }).waitFor();
    const text = (await host.page.textContent('#host-question-text')).trim();
    const question = QUESTIONS.find((q) => q.text === text);
    assert.ok(question, `"${text}" is one of the bank's`);
    for (const p of players) {
      await waitForOpenQuestion(p);
      const tiles = p.page.locator('button.choice .choice-text');
      assert.deepEqual(await tiles.allTextContents(), question.choices, 'the choices as written');
      const labels = await p.page.locator('button.choice .choice-label').allTextContents();
      assert.deepEqual(labels, question.choices.map((_, i) => String(i + 1)));
      if (question.id === 'several' && p === players[0]) await screenshot(p.page, 'phone-own-choices');
      // The true-or-false question brings its own 30 s; the room's is 20 s.
      const left = Number((await p.page.textContent('#countdown-text')).match(/\d+/)[0]);
      if (question.seconds) assert.ok(left > 20 && left <= question.seconds, `${left} s left`);
      else assert.ok(left <= 20, `${left} s left`);
      await p.page.keyboard.press(PICKS[question.id][p.name]);
      await waitForAnswerIn(p);
    }

    await waitForScreen(host.page, 'host-reveal');
    const correct = await host.page.locator('.bar.correct')
      .evaluateAll((els) => els.map((e) => Number(e.dataset.choice)));
    assert.deepEqual(correct, question.correct_choices, 'every correct bar is marked');
    assert.equal(await host.page.locator('.bar[data-choice]').count(), question.choices.length);
    assert.equal((await host.page.textContent('#host-reveal-feedback')).trim(), question.feedback ?? '');
    if (question.id === 'several') await screenshot(host.page, 'projector-reveal-several-correct');
    for (const p of players) {
      await waitForScreen(p.page, 'result');
      assert.equal(await p.page.getAttribute('#result-verdict', 'data-verdict'), RIGHT[question.id][p.name],
        `${p.name} on ${question.id}`);
      const answer = await p.page.textContent('#result-answer');
      for (const i of question.correct_choices) assert.ok(answer.includes(question.choices[i]), answer);
      assert.equal((await p.page.textContent('#result-feedback')).trim(), question.feedback ?? '');
    }
    await host.page.click('#next-button');
  }
  await waitForScreen(host.page, 'host-over', 20000);
  for (const p of [host, ...players]) {
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(p.errors, []);
  }
});
