// A phone whose network drops mid-question (not a reload: the page stays open and its socket
// is cut) says it is offline, comes back by itself when the network does, and is back on the
// live question with its seat and points. A phone held sideways plays without sideways
// scrolling.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerChoice, bankAnswers, hostRoom, joinRoom, person, phone, projector, screenshot,
  waitForScreen, withServerAndBrowser,
} from './support.mjs';

const world = withServerAndBrowser();
const answers = bankAnswers();
const landscape = { width: phone.height, height: phone.width };

// Routes the page's WebSockets through the test so it can cut them: while `network.down`, a
// new socket is closed at once, as a phone without a network sees it.
async function cuttableNetwork(page) {
  const network = { down: false, sockets: [], refused: 0, urls: [] };
  await page.routeWebSocket(/\/ws(\?|$)/, (ws) => {
    network.urls.push(ws.url());
    if (network.down) {
      network.refused += 1;
      ws.close();
      return;
    }
    network.sockets.push(ws.connectToServer());
  });
  network.cut = () => {
    network.down = true;
    for (const server of network.sockets.splice(0)) server.close();
  };
  return network;
}

test('a phone whose network drops mid-question comes back on it with its seat and points', async () => {
  const host = await person(world.browser, projector, 'host');
  const code = await hostRoom(host, world.server.base,
    { questions: 2, seconds: 60, 'reveal-seconds': 0 });
  const ada = await person(world.browser, phone, 'Ada');
  const network = await cuttableNetwork(ada.page);
  await joinRoom(ada, world.server.base, code, 'Ada');
  const ben = await person(world.browser, landscape, 'Ben');
  await joinRoom(ben, world.server.base, code, 'Ben');
  await host.page.locator('#player-count').filter({ hasText: /^\s*2\s*$/ }).waitFor();
  await host.page.click('#start-button');

  // Question 1: both right; Ben's phone is sideways and nothing scrolls sideways.
  await waitForScreen(ben.page, 'question');
  const sideways = await ben.page.evaluate(
    () => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
  assert.equal(sideways, 0, 'no sideways scrolling in landscape');
  await screenshot(ben.page, 'phone-landscape-question');
  await answerChoice(ada, answers, true);
  await answerChoice(ben, answers, true);
  await waitForScreen(ada.page, 'result');
  const before = Number(await ada.page.textContent('#result-total'));
  assert.ok(before > 0);
  await host.page.click('#next-button');

  // Question 2 opens; Ada's network drops before she answers.
  await waitForScreen(ada.page, 'question');
  const question = (await ada.page.textContent('#question-text')).trim();
  network.cut();
  await ada.page.locator('#connection-status').filter({ hasText: /offline|reconnecting/i }).waitFor();
  // The host sees one player connected while she is away.
  await host.page.locator('#answered').filter({ hasText: /^0\/1$/ }).waitFor();
  // Her phone keeps trying; let it fail twice, then the network comes back.
  while (network.refused < 2) await new Promise((r) => setTimeout(r, 50));
  network.down = false;
  await ada.page.locator('#connection-status').filter({ hasText: /^$/ }).waitFor({ state: 'attached', timeout: 20000 });

  // Every socket since she joined names her room, so a proxy in front of several servers sends
  // each one to the room's server.
  assert.ok(network.urls.length >= 3, network.urls.join(' '));
  for (const url of network.urls) assert.equal(new URL(url).searchParams.get('room'), code, url);

  // Back on the same question, with the same seat: her answer counts and adds to her points.
  await waitForScreen(ada.page, 'question');
  assert.equal((await ada.page.textContent('#question-text')).trim(), question);
  await host.page.locator('#answered').filter({ hasText: /^0\/2$/ }).waitFor();
  await answerChoice(ada, answers, true);
  await answerChoice(ben, answers, false);
  await waitForScreen(ada.page, 'result');
  const after = Number(await ada.page.textContent('#result-total'));
  assert.ok(after > before, `${after} > ${before}`);
  assert.equal(Number(await ada.page.textContent('#result-rank')), 1);
  await host.page.click('#next-button');
  await waitForScreen(ada.page, 'over');
  assert.equal(Number(await ada.page.getAttribute('#final-line', 'data-points')), after);
  // One seat each: the dropped connection did not make a second Ada.
  await waitForScreen(host.page, 'host-over');
  const ranked = await host.page.locator('#host-final-standings li').allTextContents();
  assert.equal(ranked.length, 2, ranked.join(' | '));
  assert.equal(ranked.filter((t) => t.includes('Ada')).length, 1);

  for (const p of [host, ada, ben]) {
    assert.deepEqual(p.dialogs, [], `${p.name}: no dialog opened`);
    assert.deepEqual(p.errors, [], `${p.name}: no script error`);
  }
});
