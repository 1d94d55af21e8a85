// Remembered seats, one per room, so a reload or a dropped network takes the seat back with
// `resume` instead of asking for a new one. Key: rapidfire.seat.CODE -> {token, role, nickname,
// hostToken?, kind}. localStorage is per origin, so a token only goes back to the server it
// came from.

const PREFIX = 'rapidfire.seat.';

export function loadSeat(code) {
  if (!code) return null;
  try {
    const seat = JSON.parse(localStorage.getItem(PREFIX + code.toUpperCase()) || 'null');
    return seat && typeof seat.token === 'string' ? seat : null;
  } catch {
    return null;
  }
}

export function saveSeat(code, seat) {
  try {
    localStorage.setItem(PREFIX + code.toUpperCase(), JSON.stringify(seat));
  } catch {
    // Private mode or a full store: the game still works, a reload just cannot resume.
  }
}

export function forgetSeat(code) {
  try {
    localStorage.removeItem(PREFIX + code.toUpperCase());
  } catch {
    // nothing to forget
  }
}

export function rememberedNickname() {
  try { return localStorage.getItem('rapidfire.nickname') || ''; } catch { return ''; }
}

export function rememberNickname(nickname) {
  try { localStorage.setItem('rapidfire.nickname', nickname); } catch { /* optional */ }
}
