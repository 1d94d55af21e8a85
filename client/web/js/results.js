// The results of a finished game (CSV or JSON), fetched with the host token in the
// Authorization header (README, "Results after the game"); the token never goes in a URL.
import { download } from './summary.js';

async function getJson(path, token) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

// The newest game of this room (a rematch is a game of its own).
export async function latestGame(code, token) {
  const { games } = await getJson('/api/games?limit=20', token);
  const mine = (games || []).filter((g) => g.code === code);
  if (!mine.length) throw new Error('not recorded');
  return mine.reduce((a, b) => (b.id > a.id ? b : a));
}

export async function downloadResults(code, token, format) {
  const game = await latestGame(code, token);
  const response = await fetch(`/api/games/${game.id}/results.${format}`,
    { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new Error(`${response.status}`);
  const blob = await response.blob();
  download(`rapidfire-${code}-game-${game.id}.${format}`, blob);
  return game.id;
}
