// A classroom quiz in the browser: a host on a projector and three phones play a choice game to
// the podium; a player and the host reload mid-game and keep their seats; a nickname made of
// HTML stays text; the QR code reads back as the join link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  answerChoice, bankAnswers, decodeQr, hostRoom, joinPhones, person, projector, screenshot,
  screenshotDir, waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();

test('three phones play a choice quiz to the podium; every screen agrees with the record', async () => {
  const host = await person(world.browser, projector, 'host');
  const code = await hostRoom(host, world.server.base,
    { questions: 2, seconds: 30, 'reveal-seconds': 2 });

  // The QR code on the projector reads back as the join link the page shows.
  const link = (await host.page.textContent('#join-link')).trim();
  assert.equal(link, `${world.server.base}/join/${code}`);
  const qr = join(screenshotDir, `qr-${code}.png`);
  await host.page.locator('img#qr').screenshot({ path: qr });
  assert.equal(await decodeQr(qr), link);

  const players = await joinPhones(world.browser, world.server.base, host, code, ['Ada', 'Ben', '<svg onload=alert(1)>']);
  // The HTML nickname is shown as text and runs nothing.
  const listed = await host.page.locator('#players li').allTextContents();
  assert.ok(listed.some((t) => t.includes('<svg onload=alert(1)>')), listed.join(' | '));
  assert.equal(await host.page.locator('#players svg').count(), 0);
  await screenshot(host.page, 'projector-lobby');
  await screenshot(players[0].page, 'phone-lobby');

  await host.page.click('#start-button');
  await waitForScreen(host.page, 'host-question');
  // Question 1: Ada and the HTML nickname right, Ben wrong; Ben reloads first and keeps his seat.
  await waitForScreen(players[1].page, 'question');
  // Four long choices on a 360-pixel phone: wrapped, never wider than the screen.
  const sideways = await players[1].page.evaluate(
    () => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
  assert.equal(sideways, 0, 'no sideways scrolling');
  await screenshot(players[1].page, 'phone-question');
  await screenshot(host.page, 'projector-question');
  await players[1].page.reload();
  await answerChoice(players[1], answers, false);
  await answerChoice(players[0], answers, true);
  await answerChoice(players[2], answers, true);
  await waitForScreen(host.page, 'host-reveal');
  const bars = host.page.locator('.bar[data-choice]');
  assert.equal(await bars.count(), 4);
  const counts = await bars.evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), 3);
  assert.equal(await host.page.locator('.bar.correct').count(), 1);
  await screenshot(host.page, 'projector-reveal');
  for (const p of players) {
    await waitForScreen(p.page, 'result');
    const verdict = await p.page.getAttribute('#result-verdict', 'data-verdict') ??
      (await p.page.textContent('#result-verdict')).trim();
    assert.match(verdict, p === players[1] ? /wrong/i : /correct/i);
  }
  await screenshot(players[0].page, 'phone-result');

  // Question 2: the host reloads the projector page first and runs the game on from there.
  await host.page.reload();
  await waitForScreen(host.page, 'host-question', 20000);
  for (const p of players) await answerChoice(p, answers, true);

  await waitForScreen(host.page, 'host-over', 20000);
  await screenshot(host.page, 'projector-podium');
  const podium = await host.page.locator('#podium li').allTextContents();
  assert.ok(podium.length >= 3, podium.join(' | '));

  // Every phone's final line agrees with the record the server kept.
  const games = await (await fetch(`${world.server.base}/api/games`)).json();
  const game = games.games.find((g) => g.code === code);
  assert.ok(game, `game ${code} is on record`);
  const token = await host.page.evaluate(() => {
    for (const value of Object.values(localStorage)) {
      try {
        const seat = JSON.parse(value);
        if (seat && (seat.host_token || seat.hostToken)) return seat.host_token || seat.hostToken;
      } catch { /* not ours */ }
    }
    return null;
  });
  assert.ok(token, 'the host page keeps its host token');
  const record = await (await fetch(`${world.server.base}/api/games/${game.id}/results.json`,
    { headers: { Authorization: `Bearer ${token}` } })).json();
  for (const p of players) {
    await waitForScreen(p.page, 'over');
    const line = p.page.locator('#final-line');
    const points = Number(await line.getAttribute('data-points'));
    const rank = Number(await line.getAttribute('data-rank'));
    const row = record.results.find((r) => r.nickname === p.name);
    assert.ok(row, `${p.name} is in the record`);
    assert.equal(points, row.points, `${p.name}'s points`);
    assert.equal(rank, row.rank, `${p.name}'s rank`);
    assert.ok(podium.some((t) => t.includes(p.name)), `${p.name} is on the podium`);
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
  // Ben reloaded and answered wrong once, right once: his seat kept its points (not a new seat).
  assert.equal(record.results.length, 3);
  // Everyone's results, on demand, agree with the record too.
  await host.page.click('#full-standings-button');
  const rows = host.page.locator('table#full-standings tr[data-points]');
  await rows.nth(2).waitFor();
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.points)));
  assert.deepEqual(shown, record.results.map((r) => r.points));
  // The host downloads the results as CSV, the token in a header, never in the address.
  const [download] = await Promise.all([
    host.page.waitForEvent('download'), host.page.click('#download-csv')]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  assert.match(text.split('\n')[0], /rank.*nickname.*points/i);
  for (const p of players) assert.ok(text.includes(p.name.includes(',') ? `"${p.name}"` : p.name));
  assert.ok(!download.url().includes(token), 'the host token is not in a URL');
  assert.deepEqual(host.dialogs, []);
  await screenshot(players[2].page, 'phone-over');
});
