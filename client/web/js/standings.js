// Leaderboards and the podium, shared by the player and host screens.
import { el, clear } from './dom.js';

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
