// "Find a partner" on two phones: both ask for the same topic, see the queue, confirm the
// proposal before its countdown runs out, and play both turns of the matched interview (each
// interviewer marks the answer in the judge panel; the roles swap by themselves, and a reload
// in between takes the seat back). Then they rate each other, and each sees the other's
// feedback on the page and in the summary's Markdown. Also: a declined proposal sends the
// other side back to the front of the queue, said in words.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bankAnswers, bankTopics, person, phone, screenshot, typeAnswer, waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

// The pause between the two turns is the server's (15 s); this is well above it.
const SWAP_MS = 45000;

async function lookForPartner(p, { topic, role = 'either', level = '', shot = '', typed = false }) {
  await p.page.goto(`${world.server.base}/`);
  await waitForScreen(p.page, 'join');
  await p.page.click('#match-link');
  await waitForScreen(p.page, 'match');
  await p.page.fill('#match-name', p.name);
  if (topic && typed) {
    // A topic may be typed too: Enter adds and ticks it.
    await p.page.fill('#match-topic-add', topic);
    await p.page.press('#match-topic-add', 'Enter');
    assert.ok(await p.page.locator(`#match-topics input.topic[value="${topic}"]`).isChecked());
  } else if (topic) {
    // The bank's topics come from /api/topics: every one is a checkbox.
    const boxes = p.page.locator('#match-topics input.topic');
    await p.page.locator(`#match-topics input.topic[value="${topic}"]`).check();
    assert.equal(await boxes.count(), bankTopics().size);
  }
  if (level) await p.page.selectOption('#match-level', level);
  await p.page.selectOption('#match-role', role);
  if (shot) await screenshot(p.page, shot);
  await p.page.click('#match-find');
}

// One turn of one question: the candidate answers, the interviewer (who sees the reference)
// marks it with a comment, and the candidate's summary follows. Returns the question.
async function turn(interviewer, candidate, answer, mark, comment) {
  await waitForScreen(interviewer.page, 'host-question', SWAP_MS);
  await waitForScreen(candidate.page, 'question', SWAP_MS);
  const question = (await candidate.page.textContent('#question-text')).trim();
  const reference = answers.get(question);
  assert.ok(reference, `the question "${question}" is in the bundled bank`);
  await interviewer.page.locator('#host-reference').filter({ hasText: reference.slice(0, 30) }).waitFor();
  await typeAnswer(candidate, answer(reference));
  await waitForScreen(interviewer.page, 'host-judge');
  const group = interviewer.page.locator('#judge-groups .group').first();
  await group.locator('.judge-comment').fill(comment);
  await group.locator(`.mark-${mark}`).click();
  await interviewer.page.locator(`#judge-groups .group[data-verdict="${mark}"]`).waitFor({ state: 'attached' });
  return question;
}

// Rates the first area by a click on its box, the second with the arrow keys (from "not
// rated", three steps: 3), writes both texts and sends.
async function giveFeedback(p, first, wentWell, workOn) {
  const areas = p.page.locator('#feedback-areas fieldset.rating');
  assert.ok(await areas.count() >= 2, 'at least two areas to rate');
  await areas.nth(0).locator(`label:text-is("${first}")`).click();
  await areas.nth(1).locator('input[value=""]').focus();
  for (let i = 0; i < 3; ++i) await p.page.keyboard.press('ArrowRight');
  assert.ok(await areas.nth(1).locator('input[value="3"]').isChecked(), 'the arrow keys rate');
  await p.page.fill('#went-well', wentWell);
  await p.page.fill('#work-on', workOn);
  await p.page.click('#feedback-send');
  // Sent; the second to send gets the partner's at once, which closes the form.
  await p.page.locator('#feedback-status').filter({ hasText: /^(Sent|Both feedbacks)/ }).waitFor();
  return {
    first: (await areas.nth(0).locator('legend').textContent()).trim(),
    second: (await areas.nth(1).locator('legend').textContent()).trim(),
  };
}

async function markdownOf(p) {
  const [download] = await Promise.all([
    p.page.waitForEvent('download'), p.page.click('#pair-summary-download')]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('two phones find each other, play both turns and exchange feedback', async () => {
  const ana = await person(world.browser, phone, 'Ana');
  const ben = await person(world.browser, phone, 'Ben');
  const topic = 'model-selection';  // two questions in the bundled bank: one per turn

  await lookForPartner(ana, { topic, role: 'interviewer', level: 'intermediate', shot: 'phone-match-form' });
  await waitForScreen(ana.page, 'match-waiting');
  await ana.page.locator('#match-position').filter({ hasText: 'You are first in line.' }).waitFor();
  await ana.page.locator(`#match-topic-counts li[data-topic="${topic}"]`).waitFor();
  await ana.page.locator('#match-wider').filter({ hasText: /level away/ }).waitFor();
  await screenshot(ana.page, 'phone-match-waiting');

  await lookForPartner(ben, { topic, role: 'candidate', level: 'intermediate', typed: true });
  await waitForScreen(ana.page, 'match-proposed');
  await waitForScreen(ben.page, 'match-proposed');
  assert.equal((await ana.page.textContent('#proposal-partner')).trim(), 'Ben');
  assert.match(await ana.page.textContent('#proposal-role'), /Interviewer/);
  assert.match(await ben.page.textContent('#proposal-role'), /Candidate/);
  assert.equal((await ben.page.textContent('#proposal-topics')).trim(), topic);
  const left = Number(await ben.page.getAttribute('#proposal-countdown', 'aria-valuenow'));
  assert.ok(left > 0 && left <= 20, `a countdown to confirm_by: ${left} s`);
  await screenshot(ben.page, 'phone-match-proposed');

  await ana.page.click('#match-confirm');
  await ana.page.locator('#proposal-status').filter({ hasText: 'Waiting for Ben to confirm' }).waitFor();
  // The proposal puts the focus on Confirm: Enter confirms from the keyboard.
  assert.equal(await ben.page.evaluate(() => document.activeElement.id), 'match-confirm');
  await ben.page.keyboard.press('Enter');

  // Turn 1: Ana interviews Ben.
  const first = await turn(ana, ben, (reference) => reference, 'correct', 'Clear and complete.');
  const code = await ben.page.evaluate(() => window.rapidfire.state.code);
  assert.match(code, /^[A-Z0-9]{6,7}$/);
  assert.equal(new URL(ben.page.url()).searchParams.get('room'), code);
  const seat = await ben.page.evaluate((c) => JSON.parse(localStorage.getItem(`rapidfire.seat.${c}`)), code);
  assert.equal(seat.pair.partner, 'Ana');
  assert.equal(seat.pair.firstRole, 'candidate');
  await waitForScreen(ben.page, 'over', 20000);
  await ben.page.locator('#summary').filter({ hasText: first }).waitFor();
  await ben.page.locator('#over-pair-note').filter({ hasText: 'you interview Ana' }).waitFor();
  await waitForScreen(ana.page, 'host-over', 20000);
  await ana.page.locator('#host-pair-note').filter({ hasText: 'Ben interviews you' }).waitFor();
  assert.ok(!(await ana.page.isVisible('#rematch-button')), 'no rematch between the turns');
  assert.ok(!(await ana.page.isVisible('#swap-button')));
  await screenshot(ana.page, 'phone-match-turn1-over');

  // A reload between the turns takes Ben's seat back.
  await ben.page.reload();
  await ben.page.waitForFunction(() => window.rapidfire.state.seat && window.rapidfire.state.seat.pair
    && window.rapidfire.state.seat.pair.partner === 'Ana', null, { timeout: 15000 });

  // Turn 2, by itself: Ben interviews Ana, who gives half an answer.
  const comment = 'Say when the simple model wins.';
  const second = await turn(ben, ana, () => 'It depends on the data, I think.', 'partial', comment);
  assert.notEqual(second, first, 'the second turn asks another question');

  // Feedback, both ways.
  await waitForScreen(ana.page, 'feedback', 30000);
  await waitForScreen(ben.page, 'feedback', 30000);
  assert.equal((await ana.page.textContent('#feedback-title')).trim(), 'Feedback for Ben');
  await screenshot(ana.page, 'phone-feedback-form');
  const anaSays = { well: 'You defined the term before the example.', on: 'Name the trade-off out loud.' };
  const benSays = { well: 'You asked what the model was for.', on: 'Say when you are unsure.' };
  const areas = await giveFeedback(ana, '4', anaSays.well, anaSays.on);
  await ana.page.locator('#feedback-status').filter({ hasText: "Ben's feedback appears here" }).waitFor();
  await giveFeedback(ben, '5', benSays.well, benSays.on);

  for (const [me, partner, theirs] of [[ana, 'Ben', benSays], [ben, 'Ana', anaSays]]) {
    const section = me.page.locator('#partner-feedback');
    await section.filter({ hasText: theirs.well }).waitFor();
    assert.equal((await me.page.textContent('#partner-feedback-title')).trim(), `${partner}'s feedback for you`);
    const text = await section.textContent();
    assert.ok(text.includes(theirs.on), text);
    assert.ok(text.includes(`${areas.second}3 of 5`), text);
    const summary = await me.page.locator('#pair-summary').textContent();
    assert.match(summary, /Interview summary: Ana/);
    assert.match(summary, /Interview summary: Ben/);
    assert.ok(summary.includes(anaSays.well) && summary.includes(benSays.well), summary);
  }
  assert.match(await ana.page.textContent('#partner-feedback'), new RegExp(`${areas.first}5 of 5`));
  assert.match(await ben.page.textContent('#partner-feedback'), new RegExp(`${areas.first}4 of 5`));
  assert.ok(!(await ana.page.isVisible('#feedback-form')), 'the form closes after the exchange');
  await screenshot(ana.page, 'phone-feedback-exchanged');

  // The summary as Markdown: both turns and both feedbacks.
  const { name, text } = await markdownOf(ben);
  assert.equal(name, `interview-${code}.md`);
  assert.match(text, /^# Interview summary: Ben$/m);
  assert.match(text, /^# Interview summary: Ana$/m);
  assert.ok(text.includes(first) && text.includes(second), text);
  assert.ok(text.includes(comment), text);
  assert.match(text, /^# Feedback$/m);
  assert.match(text, /^## Ben's feedback for Ana$/m);
  assert.match(text, /^## Ana's feedback for Ben$/m);
  assert.ok(text.includes(`**Went well:** ${anaSays.well}`), text);
  assert.ok(text.includes(`**Work on:** ${benSays.on}`), text);
  assert.ok(text.includes(`- ${areas.first}: 4 of 5`), text);
  assert.ok(text.includes(`- ${areas.first}: 5 of 5`), text);

  for (const p of [ana, ben]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});

test('a declined proposal puts the partner first in line again, in words', async () => {
  const cy = await person(world.browser, phone, 'Cy');
  const dee = await person(world.browser, phone, 'Dee');
  await lookForPartner(dee, {});
  await waitForScreen(dee.page, 'match-waiting');
  await lookForPartner(cy, {});
  await waitForScreen(cy.page, 'match-proposed');
  await waitForScreen(dee.page, 'match-proposed');
  await cy.page.click('#match-decline');

  await waitForScreen(cy.page, 'match');
  await cy.page.locator('#match-note').filter({ hasText: 'You declined that partner' }).waitFor();
  await waitForScreen(dee.page, 'match-waiting');
  await dee.page.locator('#match-requeued')
    .filter({ hasText: 'Your partner declined; you are first in line again.' }).waitFor();
  await dee.page.locator('#match-position').filter({ hasText: 'You are first in line.' }).waitFor();
  await screenshot(dee.page, 'phone-match-requeued');

  await dee.page.click('#match-leave');
  await waitForScreen(dee.page, 'match');
  await dee.page.locator('#match-note').filter({ hasText: 'You left the queue.' }).waitFor();
  for (const p of [cy, dee]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});
