// Sentences for people: error codes and verdicts in words.

const ERRORS = {
  room_not_found: 'No open room has that code. Check the code and try again.',
  room_server_gone: "The room's server has stopped, and the room with it. Ask the host for a new code.",
  server_draining: 'This server is restarting. Try again in a moment.',
  room_locked: 'The host has locked this room: no new players can join.',
  room_full: 'The room is full.',
  wrong_password: 'This room needs a password. Type the password the host gave you.',
  nickname_taken: 'Someone in the room already has that name. Choose another one.',
  invalid_nickname: 'Names are 1 to 24 characters, with no control characters.',
  bad_resume_token: 'Your seat in this room has gone. Join again.',
  already_in_room: 'This page already has a seat in a room.',
  invalid_settings: 'A setting is out of range.',
  server_full: 'The server is full. Try again in a moment.',
  rate_limited: 'Too many messages at once. Slow down a little.',
  wrong_state: 'Not possible right now.',
  too_late: 'Too late: the question had closed.',
  already_answered: 'You had already answered.',
  unknown_question: 'That question is no longer open.',
  invalid_answer: 'That answer does not fit the question.',
  not_host: 'Only the host can do that.',
  bad_host_token: 'This page no longer holds the host seat.',
  too_long: 'That text is too long.',
  out_of_range: 'A value is out of range.',
};

export function errorText(msg) {
  const base = ERRORS[msg.code] || msg.message || msg.code || 'Something went wrong.';
  if (msg.code === 'invalid_settings' && msg.field) return `${base} (${msg.field}: ${msg.message})`;
  return base;
}

export const VERDICT_TEXT = {
  correct: 'Correct',
  partial: 'Partly right',
  wrong: 'Wrong',
  none: 'No answer',
};

export const END_REASON = {
  completed: 'Every question was played.',
  ended_by_host: 'The host ended the game.',
  host_gone: 'The host left, so the game ended.',
  time_up: 'Time is up.',
};

export function ordinal(n) {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] || s[v] || s[0]}`;
}

export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
