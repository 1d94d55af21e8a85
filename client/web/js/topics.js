// The topics of the server's question bank, for the forms that ask for topics: read once from
// GET /api/topics (memory only on the server: no record needed). Until that answer comes, or
// if it never does, the page knows the topics it has seen in the open rooms, in the matching
// queue's counts and in what the server accepted.

const MOST = 200;
const listeners = [];
const known = new Set();
let asked = false;

function changed() {
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
  if (added) changed();
}

// The server said the bank has no such topic.
export function forgetTopic(topic) {
  if (known.delete(topic)) changed();
}

// Asks the server for the bank's topics, once per page.
export async function loadBankTopics() {
  if (asked) return;
  asked = true;
  try {
    const response = await fetch('/api/topics', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const body = await response.json();
    learnTopics((body.topics || []).map((t) => t.topic));
  } catch {
    asked = false;  // offline: try again next time a form opens
  }
}

export const onTopics = (fn) => listeners.push(fn);
