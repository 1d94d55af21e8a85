// A mock interview in the browser, then its rematch with the roles swapped: each interviewer
// sees the reference answer while the candidate answers and marks it in the judge panel; each
// candidate gets a summary page, and the second one downloads as Markdown.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bankAnswers, hostRoom, joinRoom, person, phone, projector, screenshot, typeAnswer,
  waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

// One interview question: the interviewer sees the reference while the candidate answers, marks
// the answer with a comment, and the candidate's summary page follows. Returns the question.
async function interview(interviewer, candidate, answer, mark, comment) {
  await interviewer.page.click('#start-button');
  await waitForScreen(interviewer.page, 'host-question');
  await waitForScreen(candidate.page, 'question');
  const question = (await candidate.page.textContent('#question-text')).trim();
  const reference = answers.get(question);
  assert.ok(reference, `the question "${question}" is in the bundled bank`);
  assert.equal((await interviewer.page.textContent('#host-question-text')).trim(), question);
  await interviewer.page.locator('#host-reference')
    .filter({ hasText: reference.slice(0, 30) }).waitFor();
  // The candidate's page holds no reference while the question is open.
  assert.ok(!(await candidate.page.locator('main[data-screen="question"]').textContent())
    .includes(reference));
  await typeAnswer(candidate, answer(reference));

  await waitForScreen(interviewer.page, 'host-judge');
  assert.equal((await interviewer.page.textContent('#judge-reference')).trim(), reference);
  const group = interviewer.page.locator('#judge-groups .group').first();
  await group.locator('.judge-comment').fill(comment);
  await group.locator(`.mark-${mark}`).click();
  // The mark is confirmed, perhaps on a panel the reveal has already replaced.
  await interviewer.page.locator(`#judge-groups .group[data-verdict="${mark}"]`)
    .waitFor({ state: 'attached' });

  await waitForScreen(candidate.page, 'over', 20000);
  const summary = candidate.page.locator('#summary');
  await summary.filter({ hasText: question }).waitFor();
  const text = await summary.textContent();
  assert.match(text, new RegExp(`Interview summary: ${candidate.name}`));
  assert.ok(text.includes(comment), text);
  assert.ok(text.includes(reference.slice(0, 30)), 'the summary holds the reference');
  await waitForScreen(interviewer.page, 'host-over', 20000);
  await interviewer.page.locator('#host-summaries')
    .filter({ hasText: `Interview summary: ${candidate.name}` }).waitFor();
  return question;
}

test('an interview, then its rematch with the roles swapped, each with a summary', async () => {
  const iris = await person(world.browser, projector, 'Iris');
  const code = await hostRoom(iris, world.server.base,
    { kind: 'interview', questions: 1, seconds: 60, 'host-name': 'Iris' });
  const cam = await person(world.browser, phone, 'Cam');
  await joinRoom(cam, world.server.base, code, 'Cam');
  await iris.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();

  // Round 1: Iris interviews Cam.
  await interview(iris, cam, (reference) => reference, 'correct', 'Clear and complete.');
  await screenshot(cam.page, 'phone-interview-round1-summary');

  // Rematch with the roles swapped: Cam's page becomes the interviewer's, Iris's a candidate's.
  const swap = iris.page.locator('#swap-button');
  assert.ok(await swap.isVisible(), 'an interview offers the swap');
  await swap.click();
  await waitForScreen(cam.page, 'host-lobby');
  await waitForScreen(iris.page, 'lobby');
  assert.equal((await iris.page.textContent('#lobby-name')).trim(), 'Iris');
  await iris.page.locator('#lobby-info').filter({ hasText: /Cam/ }).waitFor();
  await cam.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();
  assert.deepEqual(await cam.page.locator('#players li .nick').allTextContents(), ['Iris']);
  assert.equal(await cam.page.evaluate(() => window.rapidfire.state.seat.role), 'host');
  assert.equal(await iris.page.evaluate(() => window.rapidfire.state.seat.role), 'player');

  // Round 2: Cam interviews Iris, who gives a half answer.
  const comment = 'Name the trade-off too.';
  const question = await interview(cam, iris, () => 'I am not sure, something about the data.',
    'partial', comment);
  await screenshot(iris.page, 'projector-interview-round2-summary');
  await screenshot(cam.page, 'phone-interviewer-over');
  const result = iris.page.locator('#summary');
  assert.doesNotMatch(await result.textContent(), /Interview summary: Cam/);

  // The candidate downloads the summary as Markdown, made in the page.
  const [download] = await Promise.all([
    iris.page.waitForEvent('download'), iris.page.click('#summary-download')]);
  assert.equal(download.suggestedFilename(), `interview-${code}.md`);
  const chunks = await (await download.createReadStream()).toArray();
  const markdown = Buffer.concat(chunks).toString('utf8');
  assert.match(markdown, /^# Interview summary: Iris$/m);
  assert.ok(markdown.includes(question), markdown);
  assert.ok(markdown.includes(comment), markdown);
  assert.match(markdown, /\*\*Mark:\*\* partly right/);

  for (const p of [iris, cam]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});
