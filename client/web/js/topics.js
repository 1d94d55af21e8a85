// The topics of the server's question bank that this page has seen: in the open rooms, in the
// matching queue's counts, and those the server accepted in a match_join. The protocol has no
// message that lists the bank's topics, so the page learns them as it goes and keeps them in
// localStorage (rapidfire.topics) for next time.

const KEY = 'rapidfire.topics';
const MOST = 200;
const listeners = [];

function load() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return new Set(Array.isArray(list) ? list.filter((t) => typeof t === 'string' && t) : []);
  } catch {
    return new Set();
  }
}

const known = load();

function save() {
  try {
    localStorage.setItem(KEY, JSON.stringify([...known]));
  } catch {
    // no storage: the list lasts as long as the page
  }
  for (const fn of listeners) fn();
}

export const knownTopics = () => [...known].sort((a, b) => a.localeCompare(b));

export function learnTopics(topics) {
  let added = false;
  for (const topic of topics || []) {
    if (typeof topic !== 'string' || !topic || known.has(topic) || known.size >= MOST) continue;
    known.add(topic);
    added = true;
  }
  if (added) save();
}

// The server said the bank has no such topic (any more).
export function forgetTopic(topic) {
  if (known.delete(topic)) save();
}

export const onTopics = (fn) => listeners.push(fn);
