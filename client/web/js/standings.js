// Leaderboards, the podium and the full results table, shared by the player and host screens.
import { el, clear } from './dom.js';
import { seconds } from './words.js';

export function fillStandings(list, standings, me) {
  clear(list);
  for (const s of standings) {
    list.append(el('li', { class: s.player === me ? 'me' : null, data: { player: s.player, rank: s.rank, points: s.points } },
      el('span', { class: 'rank' }, `${s.rank}.`),
      el('span', { class: 'nick' }, s.nickname),
      el('span', { class: 'points' }, `${s.points}`)));
  }
}

const PLACES = ['gold', 'silver', 'bronze'];

export function fillPodium(list, standings) {
  clear(list);
  for (const s of standings.slice(0, 3)) {
    list.append(el('li', { class: `place ${PLACES[s.rank - 1] || ''}`, data: { rank: s.rank, points: s.points } },
      el('span', { class: 'place-rank' }, `${s.rank}`),
      el('span', { class: 'nick' }, s.nickname),
      el('span', { class: 'points' }, `${s.points} points`)));
  }
  if (standings.length === 0) list.append(el('li', { class: 'empty' }, 'Nobody was ranked.'));
}

// Every player of a finished game, one table row each, from the record's `results`.
export function fillResultsTable(table, results) {
  const body = clear(table.tBodies[0]);
  for (const r of results) {
    body.append(el('tr', { data: { player: r.player, rank: r.rank, points: r.points } },
      el('td', { class: 'rank' }, `${r.rank}`),
      el('th', { scope: 'row', class: 'nick' }, r.nickname),
      el('td', { class: 'num' }, `${r.points}`),
      el('td', { class: 'num' }, `${r.correct}`),
      el('td', { class: 'num' }, `${r.partial}`),
      el('td', { class: 'num' }, `${r.wrong}`),
      el('td', { class: 'num' }, `${r.unanswered}`),
      el('td', { class: 'num' }, seconds(r.time_ms))));
  }
}
