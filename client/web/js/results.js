// The results of a finished game, fetched with the host token in the Authorization header
// (README, "Results after the game"); the token never goes in a URL. One lookup serves both
// the downloads (CSV or JSON) and the full standings on the host's game-over screen.
import { download } from './summary.js';

// A refused or failed request: `status` is the HTTP status (0: the server was not reached),
// `detail` the server's own words when it gave some.
export class ResultsError extends Error {
  constructor(status, detail = '') {
    super(status ? `${status}${detail ? ` ${detail}` : ''}` : 'network');
    this.status = status;
    this.detail = detail;
  }
}

async function authorized(path, token) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    throw new ResultsError(0);
  }
  if (!response.ok) {
    let detail = '';
    try { detail = String((await response.json()).error || ''); } catch { /* not JSON */ }
    throw new ResultsError(response.status, detail);
  }
  return response;
}

// The newest game of this room, that is its latest round (a rematch is a game of its own,
// with the next `round`). The host token lists that host's games only.
export async function latestGame(code, token) {
  const { games } = await (await authorized('/api/games?limit=20', token)).json();
  const mine = (games || []).filter((g) => g.code === code);
  if (!mine.length) throw new ResultsError(404, 'not recorded');
  return mine.reduce((a, b) => (b.id > a.id ? b : a));
}

// The one lookup: the room's game, then its results in `format` ('csv' or 'json').
export async function fetchResults(code, token, format) {
  const game = await latestGame(code, token);
  const response = await authorized(`/api/games/${game.id}/results.${format}`, token);
  return { game, response };
}

export async function downloadResults(code, token, format) {
  const { game, response } = await fetchResults(code, token, format);
  const blob = await response.blob();
  download(`rapidfire-${code}-game-${game.id}.${format}`, blob);
  return game.id;
}

// The whole record (results.json): {game, record}, record.results a row per player.
export async function fetchRecord(code, token) {
  const { game, response } = await fetchResults(code, token, 'json');
  return { game, record: await response.json() };
}

// A failed lookup in words, for the host.
export function resultsErrorText(error) {
  const status = error instanceof ResultsError ? error.status : -1;
  if (status === 0) return 'The server could not be reached. Check the connection and try again.';
  if (status === 404) return 'The server kept no record of this game (it keeps one only when started with --data-dir).';
  if (status === 401 || status === 403) return 'The server did not accept this page\'s host token for this game.';
  if (status > 0) return `The server could not give the results (error ${status}).`;
  return 'The results could not be read.';
}
