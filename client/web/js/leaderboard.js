// The solo leaderboard of the run just played (GET /api/solo/leaderboard, anyone may read it):
// each player's best counted run in the same configuration, under their latest nickname.
import { el, clear } from './dom.js';

export async function soloLeaderboard(settings, limit = 10) {
  const query = new URLSearchParams({ mode: settings.mode, clock: settings.clock, questions: String(settings.questions), limit: String(limit) });
  if (settings.clock === 'total') query.set('total_seconds', String(settings.total_seconds));
  else query.set('seconds', String(settings.seconds));
  for (const topic of settings.topics || []) query.append('topic', topic);
  const response = await fetch(`/api/solo/leaderboard?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

export function fillSoloBoard(list, board, nickname) {
  clear(list);
  for (const run of board.runs || []) {
    list.append(el('li', { class: run.nickname === nickname ? 'me' : null, data: { rank: run.rank, points: run.points } },
      el('span', { class: 'rank' }, `${run.rank}.`),
      el('span', { class: 'nick' }, run.nickname),
      el('span', { class: 'points' }, `${run.points}`)));
  }
  if (!list.children.length) list.append(el('li', {}, 'No counted runs yet.'));
}
