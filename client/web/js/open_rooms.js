// "Open rooms": the public rooms waiting in their lobby (list_rooms, answered by room_list),
// filtered by kind and topic, refreshed by hand and every few seconds while the screen is
// shown (never more than once a second). Choosing one opens the join form with its code, and
// with the password field when the room needs one.
import { byId, el, clear, setText } from './dom.js';
import { currentScreen, onScreenChange } from './screens.js';
import { knownTopics, onTopics } from './topics.js';
import { errorText, KIND, plural } from './words.js';

const EVERY_MS = 5000;    // the automatic refresh while the list is shown
const AT_MOST_MS = 1000;  // never asked more often than this, whatever is pressed

const SVG = 'http://www.w3.org/2000/svg';

// A padlock drawn as SVG (the page carries no icon font); the word next to it says the same.
function lockIcon() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'lock-icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M4 7V5a4 4 0 0 1 8 0v2h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1zm2 0h4V5a2 2 0 0 0-4 0v2z');
  svg.append(path);
  return svg;
}

function setTextIfNew(id, text) {
  const node = byId(id);
  if (node.textContent !== text) node.textContent = text;
}

export class OpenRooms {
  // choose(room): what picking a room does (app.js opens the join form).
  constructor(ctx, choose) {
    this.ctx = ctx;
    this.choose = choose;
    this.timer = null;
    this.lastAsked = 0;
    this.listed = false;     // a list came since the screen was shown
    this.topics = new Set(); // topics seen in the lists
    this.bind();
    this.fillTopics();
  }

  get shown() { return currentScreen() === 'rooms'; }

  bind() {
    const { conn } = this.ctx;
    byId('rooms-filters').addEventListener('submit', (event) => {
      event.preventDefault();
      this.refresh();
    });
    byId('rooms-kind').addEventListener('change', () => this.refresh());
    byId('rooms-topic').addEventListener('change', () => this.refresh());
    conn.on('room_list', (msg) => { if (this.shown) this.render(msg); });
    conn.on('open', () => { if (this.shown) this.refresh(); });
    onScreenChange((name) => {
      if (name === 'rooms') {
        this.listed = false;
        this.refresh();
      } else {
        this.stop();
      }
    });
    onTopics(() => this.fillTopics());
    // A hidden tab asks nothing; it catches up when it is shown again.
    document.addEventListener('visibilitychange', () => {
      if (!this.shown) return;
      if (document.hidden) this.stop(); else this.refresh();
    });
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  // Asks now, or as soon as a second has passed since the last time.
  refresh() {
    this.stop();
    if (!this.shown) return;
    const wait = this.lastAsked + AT_MOST_MS - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => this.refresh(), wait);
      return;
    }
    this.lastAsked = Date.now();
    const msg = { type: 'list_rooms' };
    const kind = byId('rooms-kind').value;
    const topic = byId('rooms-topic').value;
    if (kind) msg.kind = kind;
    if (topic) msg.topic = topic;
    if (this.ctx.send(msg)) {
      if (!this.listed) setTextIfNew('rooms-status', 'Looking for open rooms…');
    } else {
      // The socket's 'open' asks again.
      setTextIfNew('rooms-status', 'Not connected: the list comes as soon as the connection is back.');
      this.ctx.conn.nudge();
    }
    if (!document.hidden) this.timer = setTimeout(() => this.refresh(), EVERY_MS);
  }

  fillTopics() {
    const select = byId('rooms-topic');
    const chosen = select.value;
    const topics = [...new Set([...this.topics, ...knownTopics(), ...(chosen ? [chosen] : [])])]
      .sort((a, b) => a.localeCompare(b));
    const current = Array.from(select.options).slice(1).map((o) => o.value);
    if (current.join('\n') === topics.join('\n')) return;
    while (select.options.length > 1) select.remove(1);
    for (const topic of topics) select.append(el('option', { value: topic }, topic));
    select.value = chosen;
  }

  render(msg) {
    this.listed = true;
    for (const room of msg.rooms) for (const t of room.topics || []) this.topics.add(t);
    this.fillTopics();
    // The list is drawn anew; a keyboard user's focus stays on the room it was on.
    const focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest('#rooms-list li') : null;
    const focusCode = focused ? focused.dataset.code : null;
    const list = clear(byId('rooms-list'));
    for (const room of msg.rooms) list.append(this.card(room));
    if (focusCode) {
      const again = list.querySelector(`li[data-code="${CSS.escape(focusCode)}"] button`);
      (again || byId('rooms-refresh')).focus({ preventScroll: true });
    }
    let text;
    if (msg.total === 0) {
      text = byId('rooms-kind').value || byId('rooms-topic').value
        ? 'No open room fits these filters right now.'
        : 'No open rooms right now.';
    } else {
      text = plural(msg.total, 'open room', 'open rooms');
      if (msg.total > msg.rooms.length) text += `: the ${msg.rooms.length} with the most players are shown`;
      text += '.';
    }
    setTextIfNew('rooms-status', text);
    const at = new Date(msg.as_of - this.ctx.conn.offset);
    setText('rooms-updated', `Updated at ${at.toLocaleTimeString()}; the list refreshes every few seconds.`);
  }

  card(room) {
    const label = room.label || 'untitled';
    const players = `${room.players} / ${room.capacity} players`;
    return el('li', { class: 'room-card', data: { code: room.code, kind: room.kind, password: room.password } },
      el('div', { class: 'room-head' },
        el('h2', { class: `room-label${room.label ? '' : ' untitled'}` }, label),
        room.password ? el('span', { class: 'room-lock' }, lockIcon(), 'Password') : null),
      el('p', { class: 'room-meta' },
        el('span', { class: 'room-kind' }, KIND[room.kind] || room.kind), ' · ',
        el('span', { class: 'room-players' }, players)),
      el('p', { class: 'room-topics' }, `Topics: ${room.topics && room.topics.length ? room.topics.join(', ') : 'all'}`),
      el('p', { class: 'room-host' }, `Host: ${room.host} · room `, el('span', { class: 'code-inline' }, room.code)),
      el('button', {
        type: 'button', class: 'primary room-join',
        'aria-label': `Join ${label}, room ${room.code}${room.password ? ', needs a password' : ''}`,
        on: { click: () => this.choose(room) },
      }, 'Join'));
  }

  error(msg) {
    if (msg.code === 'unknown_topic') {
      byId('rooms-topic').value = '';
      setText('rooms-status', 'The question bank has no such topic: showing every topic.');
      this.refresh();
      return;
    }
    setText('rooms-status', errorText(msg));
  }
}
