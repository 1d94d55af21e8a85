// The "Host a game" form: every create_room setting. A field left empty takes the server's
// default for the kind (GAME.md), so only what the host typed is sent. A public room (listed
// among the open rooms) may have a short title, its label.
import { byId, show } from './dom.js';

// The defaults that differ by kind, shown in the checkboxes when the kind changes.
const LEADERBOARD_DEFAULT = { quiz: true, interview: false, solo: false };

export function initSetup() {
  const kind = byId('kind');
  const update = () => {
    const k = kind.value;
    show('solo-settings', k === 'solo');
    byId('show-leaderboard').checked = LEADERBOARD_DEFAULT[k];
    byId('streak-bonus').checked = true;
    // Offer only the modes the kind takes.
    for (const option of byId('mode').options) {
      const allowed = { quiz: ['', 'choice', 'judge'], interview: ['', 'choice', 'judge'], solo: ['', 'choice', 'self', 'review'] }[k];
      option.hidden = !allowed.includes(option.value);
      option.disabled = option.hidden;
    }
    if (byId('mode').selectedOptions[0] && byId('mode').selectedOptions[0].disabled) byId('mode').value = '';
  };
  kind.addEventListener('change', update);
  update();
  // A solo run cannot be listed; the title is asked only of a listed room.
  const listed = () => {
    show('public-settings', kind.value !== 'solo');
    show('label-row', byId('public-room').checked && kind.value !== 'solo');
  };
  byId('public-room').addEventListener('change', listed);
  kind.addEventListener('change', listed);
  listed();
}

function number(id, error) {
  const raw = byId(id).value.trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) {
    error.push(`${byId(id).labels[0].textContent}: a whole number, please.`);
    return undefined;
  }
  return n;
}

export function readSettings() {
  const errors = [];
  const kind = byId('kind').value;
  const nickname = byId('host-name').value.trim() || 'Host';
  const settings = {
    questions: number('questions', errors),
    seconds: number('seconds', errors),
    capacity: number('capacity', errors),
    reveal_seconds: number('reveal-seconds', errors),
    streak_bonus: byId('streak-bonus').checked,
    show_leaderboard: byId('show-leaderboard').checked,
  };
  const mode = byId('mode').value;
  // A review is a self-graded solo run of the runner's due questions first.
  if (mode === 'review') {
    settings.mode = 'self';
    settings.review = true;
  } else if (mode) {
    settings.mode = mode;
  }
  if (kind !== 'solo') settings.judging_seconds = number('judging-seconds', errors);
  if (kind === 'solo') {
    settings.clock = byId('clock').value;
    if (settings.clock === 'total') settings.total_seconds = number('total-seconds', errors);
    // A solo room seats exactly one.
    delete settings.capacity;
  }
  const topics = byId('topics').value.split(',').map((t) => t.trim()).filter(Boolean);
  if (topics.length) settings.topics = topics;
  const password = byId('password-setting').value;
  if (password && kind !== 'solo') settings.password = password;
  if (kind !== 'solo' && byId('public-room').checked) {
    settings.public = true;
    const label = byId('room-label').value.trim();
    if ([...label].length > 40) errors.push('Title in the list: at most 40 characters.');
    else if (label) settings.label = label;
  }
  for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
  return { kind, nickname, settings, error: errors.join(' ') };
}
