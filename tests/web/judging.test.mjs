// Free text in the browser: a judge-mode quiz where the host marks grouped answers with partial
// credit and a comment, and a mock interview that ends with the candidate's summary as a page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bankAnswers, hostRoom, joinRoom, person, phone, projector, screenshot, typeAnswer,
  waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

test('a judge marks grouped free-text answers, one group partial with a comment', async () => {
  const host = await person(world.browser, projector, 'host');
  const code =
    await hostRoom(host, world.server.base, { mode: 'judge', questions: 1, seconds: 60 });
  const names = ['Ada', 'Ben', 'Cy'];
  const players = [];
  for (const name of names) {
    const p = await person(world.browser, phone, name);
    await joinRoom(p, world.server.base, code, name);
    players.push(p);
  }
  await host.page.locator('#player-count').filter({ hasText: /^\s*3\s*$/ }).waitFor();
  await host.page.click('#start-button');
  await waitForScreen(players[0].page, 'question');
  const question = (await players[0].page.textContent('#question-text')).trim();
  const reference = answers.get(question);
  assert.ok(reference);
  // Ada and Cy give the same answer in other case and spacing: one group. Ben's is HTML.
  await typeAnswer(players[0], reference);
  await typeAnswer(players[2], `  ${reference.toUpperCase()} `);
  await typeAnswer(players[1], '<img src=x onerror=alert(1)>');

  await waitForScreen(host.page, 'host-judge');
  const groups = host.page.locator('#judge-groups .group');
  assert.equal(await groups.count(), 2);
  const texts = await groups.locator('.group-answer').allTextContents();
  assert.ok(texts.includes('<img src=x onerror=alert(1)>'), texts.join(' | '));
  assert.equal(await host.page.locator('#judge-groups img').count(), 0);
  await screenshot(host.page, 'projector-judge');
  // The reference's group partial with a comment, Ben's wrong.
  const adas = groups.filter({ hasText: 'Ada' });
  await adas.locator('.judge-comment').fill('Right idea; say what it measures.');
  await adas.locator('.mark-partial').click();
  await groups.filter({ hasText: 'Ben' }).locator('.mark-wrong').click();

  for (const [i, verdict] of [[0, 'partial'], [1, 'wrong'], [2, 'partial']]) {
    const p = players[i];
    await waitForScreen(p.page, 'result');
    const shown = await p.page.getAttribute('#result-verdict', 'data-verdict') ??
      (await p.page.textContent('#result-verdict')).trim();
    assert.match(shown, new RegExp(verdict, 'i'), `${names[i]}'s verdict`);
  }
  assert.match(await players[0].page.textContent('#result-comment'), /say what it measures/);
  await screenshot(players[0].page, 'phone-partial');
  for (const p of [host, ...players]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});

test('an interview ends with the candidate\'s summary rendered as a page', async () => {
  const interviewer = await person(world.browser, projector, 'interviewer');
  const code = await hostRoom(interviewer, world.server.base,
    { kind: 'interview', questions: 1, seconds: 60, 'host-name': 'Iris' });
  const candidate = await person(world.browser, phone, 'Cam');
  await joinRoom(candidate, world.server.base, code, 'Cam');
  await interviewer.page.locator('#player-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();
  await interviewer.page.click('#start-button');
  await waitForScreen(interviewer.page, 'host-question');
  // The interviewer sees the reference answer while the candidate answers.
  const question = (await candidate.page.textContent('#question-text')).trim();
  const reference = answers.get(question);
  await interviewer.page.locator('#host-reference')
    .filter({ hasText: reference.slice(0, 30) }).waitFor();
  await typeAnswer(candidate, reference);
  await waitForScreen(interviewer.page, 'host-judge');
  const group = interviewer.page.locator('#judge-groups .group').first();
  await group.locator('.judge-comment').fill('Clear and complete.');
  await group.locator('.mark-correct').click();

  await waitForScreen(candidate.page, 'over', 20000);
  const summary = candidate.page.locator('#summary');
  await summary.filter({ hasText: question }).waitFor();
  const text = await summary.textContent();
  assert.match(text, /Clear and complete\./);
  assert.doesNotMatch(text, /^#|\n#/);  // a page, not raw Markdown
  assert.ok(await candidate.page.locator('#summary-download').isVisible());
  await screenshot(candidate.page, 'phone-interview-summary');
  await waitForScreen(interviewer.page, 'host-over', 20000);
  await screenshot(interviewer.page, 'projector-interview-over');
});
