// Everyone's standings during a game, on the host's projector: a room of 120 players (bots
// speaking the protocol from one page, so the test needs no 120 browser contexts) where the
// top 10 leaves most of the class out. The host pages through every rank, and each line
// matches the rank and points the server told that player in their own `result`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostRoom, person, projector, screenshot, waitForScreen, withServerAndBrowser } from './support.mjs';

const world = withServerAndBrowser();
const BOTS = 120;
const ANSWERING = 60;  // the rest leave the question unanswered: 0 points, ranked last

// Opens `count` WebSockets from a page of the server's origin; each joins `code` and keeps what
// the server tells it. The first `answering` bots answer every question with choice (i % 4).
function startBots(page, base, code, count, answering) {
  return page.evaluate(({ url, code, count, answering }) => {
    const bots = [];
    window.bots = bots;
    return Promise.all(Array.from({ length: count }, (_, i) => new Promise((resolve, reject) => {
      const bot = { nickname: `bot${String(i + 1).padStart(3, '0')}`, player: null, results: {}, accepted: 0 };
      bots.push(bot);
      const ws = new WebSocket(url);
      ws.onopen = () => ws.send(JSON.stringify({ type: 'join', code, nickname: bot.nickname }));
      ws.onerror = () => reject(new Error(`${bot.nickname}: socket error`));
      ws.onmessage = (event) => {
        const msg = JSON.parse(event.data);
        if (msg.type === 'joined') { bot.player = msg.player; resolve(); }
        if (msg.type === 'error') bot.error = msg.code;
        if (msg.type === 'question' && i < answering) {
          ws.send(JSON.stringify({ type: 'answer', question: msg.question, choice: i % 4 }));
        }
        if (msg.type === 'answer_accepted') bot.accepted += 1;
        if (msg.type === 'result') bot.results[msg.question] = { rank: msg.rank, total: msg.total };
      };
    })));
  }, { url: `${base.replace(/^http/, 'ws')}/ws`, code, count, answering });
}

// What the bots were told about `question`, by player id.
function botResults(page, question) {
  return page.evaluate((question) => Object.fromEntries(window.bots
    .filter((b) => b.results[question])
    .map((b) => [b.player, b.results[question]])), question);
}

async function shownRanks(page) {
  return page.locator('#live-standings li').evaluateAll((rows) => rows.map((li) => ({
    player: Number(li.dataset.player), rank: Number(li.dataset.rank), points: Number(li.dataset.points),
  })));
}

test('the host pages through everyone\'s ranks mid-game, and each matches the player\'s own result', async () => {
  const host = await person(world.browser, projector, 'host');
  const code = await hostRoom(host, world.server.base, { questions: 2, seconds: 60, 'reveal-seconds': 0 });
  const crowd = await person(world.browser, projector, 'crowd');
  await crowd.page.goto(`${world.server.base}/healthz`);
  await startBots(crowd.page, world.server.base, code, BOTS, ANSWERING);
  await host.page.locator('#player-count').filter({ hasText: new RegExp(`^\\s*${BOTS}\\s*$`) }).waitFor();

  await host.page.click('#start-button');
  await waitForScreen(host.page, 'host-question');
  await host.page.locator('#answered').filter({ hasText: new RegExp(`^${ANSWERING}/`) }).waitFor();
  await host.page.click('#skip-button');
  await waitForScreen(host.page, 'host-reveal');
  await host.page.locator('#host-standings li').nth(9).waitFor();
  assert.match(await host.page.textContent('#host-standings-note'), new RegExp(`Top 10 of ${BOTS} players`));
  await crowd.page.waitForFunction((n) => window.bots.filter((b) => b.results[0]).length === n, BOTS);
  const told = await botResults(crowd.page, 0);

  // The first page: ranks 1 to 100, best first, the same leaders as the top 10.
  const button = host.page.locator('#live-standings-button');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.focus();
  await host.page.keyboard.press('Enter');
  await host.page.locator('#live-standings li').nth(99).waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.match(await host.page.textContent('#live-standings-status'), new RegExp(`Ranks 1–100 of ${BOTS}, after 1 question\\.`));
  const first = await shownRanks(host.page);
  assert.equal(first.length, 100);
  const top = await host.page.locator('#host-standings li').evaluateAll((rows) => rows.map((li) => Number(li.dataset.player)));
  assert.deepEqual(first.slice(0, 10).map((r) => r.player), top);
  assert.ok(await host.page.locator('#live-standings-next').isVisible());
  assert.ok(await host.page.locator('#live-standings-prev').isHidden());
  await screenshot(host.page, 'projector-live-standings');

  // The second page: ranks 101 to 120.
  await host.page.click('#live-standings-next');
  await host.page.locator('#live-standings-status').filter({ hasText: `Ranks 101–${BOTS} of ${BOTS}` }).waitFor();
  const second = await shownRanks(host.page);
  assert.equal(second.length, BOTS - 100);
  assert.ok(await host.page.locator('#live-standings-next').isHidden());
  assert.ok(await host.page.locator('#live-standings-prev').isVisible());

  // Every player once, in rank order, with the rank and points the server gave them.
  const all = [...first, ...second];
  assert.deepEqual(all.map((r) => r.rank), Array.from({ length: BOTS }, (_, i) => i + 1));
  assert.equal(new Set(all.map((r) => r.player)).size, BOTS);
  for (const row of all) {
    assert.deepEqual({ rank: row.rank, points: row.points }, { rank: told[row.player].rank, points: told[row.player].total },
      `player ${row.player}`);
  }
  for (let i = 1; i < all.length; ++i) assert.ok(all[i].points <= all[i - 1].points);
  assert.ok(all[0].points > 0);
  assert.equal(all[BOTS - 1].points, 0);

  await host.page.click('#live-standings-prev');
  await host.page.locator('#live-standings-status').filter({ hasText: `Ranks 1–100 of ${BOTS}` }).waitFor();

  // The next question's reveal closes the list: its ranks are out of date.
  await host.page.click('#next-button');
  await waitForScreen(host.page, 'host-question');
  await host.page.click('#skip-button');
  await waitForScreen(host.page, 'host-reveal');
  assert.ok(await host.page.locator('#live-standings-section').isHidden());
  assert.equal(await button.getAttribute('aria-expanded'), 'false');

  const errors = await crowd.page.evaluate(() => window.bots.filter((b) => b.error).map((b) => `${b.nickname}: ${b.error}`));
  assert.deepEqual(errors, []);
  assert.deepEqual(host.errors, []);
  assert.deepEqual(host.dialogs, []);
});
