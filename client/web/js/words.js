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
  already_queued: 'You are already waiting for a partner.',
  not_queued: 'You are no longer waiting for a partner.',
  queue_full: 'Too many people are waiting for a partner right now. Try again in a minute.',
  unknown_topic: 'The question bank has no such topic.',
  already_sent: 'You have already sent your feedback.',
};

// The same codes said for what was asked: finding a partner, feedback, the open rooms.
const BY_REQUEST = {
  match_join: {
    rate_limited: 'You asked for a partner too often. Wait a minute, then try again.',
    server_draining: 'This server is restarting. Try again in a moment.',
    invalid_settings: 'These topics hold fewer than two questions, one for each turn: tick another topic too, or none for any topic.',
    already_in_room: 'This page already has a seat in a room: leave it first.',
  },
  match_confirm: {
    wrong_state: 'There is no partner to confirm any more.',
    not_queued: 'The proposal has lapsed: you are no longer waiting for a partner.',
  },
  match_leave: {
    not_queued: 'You had already left the queue.',
  },
  feedback: {
    wrong_state: 'Feedback is closed: the time for it is over.',
    out_of_range: 'A rating is out of range: rate each area from 1 to 5.',
    too_long: 'A text is too long: at most 1000 characters each.',
  },
};

export function errorText(msg) {
  const special = BY_REQUEST[msg.request] && BY_REQUEST[msg.request][msg.code];
  if (special) return special;
  const base = ERRORS[msg.code] || msg.message || msg.code || 'Something went wrong.';
  if (msg.code === 'invalid_settings' && msg.field) return `${base} (${msg.field}: ${msg.message})`;
  return base;
}

// Why a player is out of the matching queue (match_left.reason).
export const MATCH_LEFT = {
  left: 'You left the queue.',
  declined: 'You declined that partner and left the queue. Look again when you are ready.',
  no_show: 'You did not confirm in time, so you left the queue. Look again when you are ready.',
};

// Why a waiting player is back at the front of the queue (match_status.requeued).
export const REQUEUED = {
  partner_declined: 'Your partner declined; you are first in line again.',
  partner_no_show: 'Your partner did not confirm; you are first in line again.',
  partner_gone: 'Your partner\'s connection dropped; you are first in line again.',
};

export const MATCH_ROLE = {
  interviewer: 'Interviewer: you ask first',
  candidate: 'Candidate: you answer first',
};

export const LEVEL = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

export const KIND = { quiz: 'Quiz', interview: 'Mock interview', solo: 'Solo run' };

// "3 min 5 s" / "45 s": a time left, rounded up to the second.
export function timeLeft(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m ? `${m} min${s ? ` ${s} s` : ''}` : `${s} s`;
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

// A choice's number as players see it: 1 for the first.
export const choiceLabel = (i) => String(i + 1);

// The right choices of a reveal, every one of them (a question may have several; an older
// server sends only the first).
export function correctChoices(reveal) {
  if (Array.isArray(reveal.correct_choices)) return reveal.correct_choices;
  return reveal.correct_choice !== undefined ? [reveal.correct_choice] : [];
}

// "2 · Paris" for each right choice of a reveal that the question shows.
export function rightChoices(reveal, question) {
  if (!question) return [];
  return correctChoices(reveal).filter((i) => i >= 0 && i < question.choices.length)
    .map((i) => `${choiceLabel(i)} · ${question.choices[i]}`);
}
