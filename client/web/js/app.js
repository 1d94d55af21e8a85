// The page's entry point: reads the room from the URL, owns the connection and the seat, and
// routes each server message to the player or host screens. Finding a partner, the open rooms
// and a matched pair's feedback live in their own modules, which listen for their messages.
import { Connection, serverUrl } from './connection.js';
import { byId, setText, show } from './dom.js';
import { showScreen, currentScreen } from './screens.js';
import { loadSeat, saveSeat, forgetSeat, rememberedNickname, rememberNickname } from './seats.js';
import { identity } from './identity.js';
import { errorText } from './words.js';
import { Player } from './player.js';
import { Host } from './host.js';
import { readSettings, initSetup } from './setup.js';
import { Matching } from './matching.js';
import { FeedbackForm } from './feedback.js';
import { OpenRooms } from './open_rooms.js';

const conn = new Connection(serverUrl());

// What this page holds: the seat (if any) and what the room told us about itself.
const state = {
  code: null,        // room code of the seat, or the one the URL names
  seat: null,        // {token, role, nickname, hostToken?, kind, player?}
  kind: null,
  settings: {},
  pending: null,     // a join/create/resume waiting for the socket
  password: '',
  matched: null,     // the last match_found: {code, partner, firstRole, topics}
};

const ctx = {
  conn,
  state,
  send: (msg) => conn.send(msg),
  hostSend: (type, extra = {}) => conn.send({ type, host_token: state.seat && state.seat.hostToken, ...extra }),
  notice,
  leave,
  pairNote: () => matching.pairNote(),
  pairStarted: () => feedback.reset(),
};

let lastCreate = null;  // sent again on another server when this one is shutting down

const player = new Player(ctx);
const host = new Host(ctx);
const matching = new Matching(ctx);
const feedback = new FeedbackForm(ctx);
const openRooms = new OpenRooms(ctx, joinOpenRoom);

function roomFromUrl() {
  const match = location.pathname.match(/\/join\/([A-Za-z0-9]{4,8})\/?$/);
  if (match) return match[1].toUpperCase();
  const room = new URLSearchParams(location.search).get('room');
  return room ? room.trim().toUpperCase() : null;
}

// Keep the room in the address bar so a reload finds the seat again.
function setUrlRoom(code) {
  const url = new URL(location.href);
  if (code && url.pathname.startsWith('/join/')) return;
  if (!code) url.pathname = url.pathname.startsWith('/join/') ? '/' : url.pathname;
  if (code) {
    url.searchParams.set('room', code);
    url.hash = '';
  } else {
    url.searchParams.delete('room');
  }
  history.replaceState(null, '', url);
}

function notice(text) {
  const node = byId('notice');
  setText(node, text);
  show(node, !!text);
}

function isHostView() {
  return state.seat && state.seat.role === 'host' && state.kind !== 'solo';
}

// ---- sending: join, create, resume --------------------------------------------------------

function request(msg) {
  state.pending = msg;
  // A join or resume goes to the room's server; a new room may start on any.
  const room = msg.type === 'join' ? msg.code : msg.type === 'resume' ? state.code : conn.room;
  if (conn.moveTo(room)) return;
  if (conn.open) flush();
  else conn.nudge();
}

function flush() {
  if (!state.pending) return;
  const msg = state.pending;
  state.pending = null;
  conn.send(msg);
}

function resume(code, seat) {
  state.code = code;
  state.resuming = true;
  request({ type: 'resume', token: seat.token });
}

conn.on('open', () => {
  if (state.seat) {
    // A dropped socket: take the seat back before anything else.
    resume(state.code, state.seat);
    return;
  }
  flush();
});

conn.on('status', (status) => {
  const words = { connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline: reconnecting…', online: '' };
  setText('connection-status', words[status] || '');
  document.body.classList.toggle('offline', status !== 'online');
});

// ---- the join form -----------------------------------------------------------------------

function showJoin(message) {
  state.seat = null;
  host.reset();
  player.reset();
  if (state.code) byId('code').value = state.code;
  if (!byId('nickname').value) byId('nickname').value = rememberedNickname();
  setText('join-error', message || '');
  setText('room-badge', '');
  showScreen('join');
}

byId('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = byId('code').value.replace(/\s+/g, '').toUpperCase();
  const nickname = byId('nickname').value.trim();
  if (!code) { setText('join-error', 'Type the room code the host shows.'); byId('code').focus(); return; }
  if (!nickname) { setText('join-error', 'Type your name.'); byId('nickname').focus(); return; }
  setText('join-error', 'Joining…');
  state.code = code;
  rememberNickname(nickname);
  const msg = { type: 'join', code, nickname, identity: identity() };
  const password = byId('password').value;
  if (password) msg.password = password;
  request(msg);
});

byId('code').addEventListener('input', (event) => {
  const input = event.target;
  const upper = input.value.toUpperCase();
  if (upper !== input.value) input.value = upper;
});

// ---- hosting -----------------------------------------------------------------------------

initSetup();

byId('setup-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const { kind, nickname, settings, error } = readSettings();
  if (error) { setText('setup-error', error); return; }
  setText('setup-error', 'Creating the room…');
  state.password = settings.password || '';
  lastCreate = { type: 'create_room', kind, nickname, settings, identity: identity() };
  request(lastCreate);
});

function route() {
  if (location.hash !== '#match') matching.leaveIfQueued();
  if (state.seat) return;  // a seat's screens come from the server
  if (location.hash === '#host') showScreen('host-setup');
  else if (location.hash === '#match') matching.show();
  else if (location.hash === '#rooms') showScreen('rooms');
  else showJoin();
}
window.addEventListener('hashchange', route);

// A room picked among the open rooms: the join form with its code (and its password field
// when it needs one). Back returns to the list.
function joinOpenRoom(room) {
  const url = new URL(location.href);
  url.hash = '';
  history.pushState(null, '', url);
  state.code = room.code;
  showJoin('');
  byId('code').value = room.code;
  byId('password').value = '';
  show('password-row', room.password);
  const next = !byId('nickname').value ? 'nickname' : room.password ? 'password' : 'join-button';
  byId(next).focus();
}

// ---- seat messages -----------------------------------------------------------------------

// A matched pair's seat remembers its partner and first role, which tell the turn.
function pairOf(code, previous) {
  if (previous.pair) return previous.pair;
  const m = state.matched;
  return m && m.code === code ? { partner: m.partner, firstRole: m.firstRole, topics: m.topics } : undefined;
}

function takeSeat(code, seat) {
  state.code = code;
  conn.room = code;  // a reconnect goes to the room's server
  state.seat = seat;
  saveSeat(code, seat);
  setUrlRoom(code);
  setText('room-badge', `Room ${code}`);
}

conn.on('room_created', (msg) => {
  state.kind = msg.kind;
  state.settings = msg.settings;
  takeSeat(msg.code, { token: msg.resume_token, role: 'host', nickname: byId('host-name').value.trim(),
    hostToken: msg.host_token, kind: msg.kind, player: msg.player });
  setText('setup-error', '');
  if (msg.kind === 'solo') {
    player.created(msg);
    // A solo run needs no lobby: the one player is here.
    ctx.hostSend('start');
  } else {
    host.created(msg);
  }
});

conn.on('joined', (msg) => {
  const previous = loadSeat(msg.code) || state.seat || {};
  state.resuming = false;
  state.kind = msg.kind;
  state.settings = msg.settings;
  // A host token comes only with a host's resume or a rematch that made us host; a player
  // seat after a swap must not keep the old one.
  const hostToken = msg.role === 'host' ? (msg.host_token || previous.hostToken) : undefined;
  const pair = pairOf(msg.code, loadSeat(msg.code) || (state.code === msg.code && state.seat) || {});
  takeSeat(msg.code, { token: msg.resume_token, role: msg.role, nickname: msg.nickname, hostToken,
    kind: msg.kind, player: msg.player, pair });
  setText('join-error', '');
  show('password-row', false);
  if (isHostView()) { player.reset(); host.joined(msg); } else { host.reset(); player.joined(msg); }
});

conn.on('kicked', (msg) => {
  if (state.code) forgetSeat(state.code);
  state.seat = null;
  player.kicked(msg);
});

conn.on('left', () => {
  if (state.code) forgetSeat(state.code);
  state.seat = null;
  state.code = null;
  setUrlRoom(null);
  if (location.hash === '#host') {
    host.reset();
    player.reset();
    setText('room-badge', '');
    showScreen('host-setup');
  } else {
    showJoin('You left the room.');
  }
});

function leave() {
  if (state.seat && conn.open) conn.send({ type: 'leave' });
  else {
    if (state.code) forgetSeat(state.code);
    state.seat = null;
    setUrlRoom(null);
    showJoin();
  }
}

conn.on('error', (msg) => {
  if (Matching.handles(msg.request)) { matching.error(msg); return; }
  switch (msg.request) {
    case 'feedback':
      feedback.error(msg);
      return;
    case 'list_rooms':
      openRooms.error(msg);
      return;
    case 'join':
      if (msg.code === 'wrong_password') {
        show('password-row', true);
        byId('password').focus();
      }
      setText('join-error', errorText(msg));
      if (currentScreen() !== 'join') showJoin(errorText(msg));
      return;
    case 'resume':
      // The seat is gone (expired, kicked, taken, or its server stopped): fall back to a join.
      if (state.code) forgetSeat(state.code);
      state.seat = null;
      state.resuming = false;
      showJoin(msg.code === 'bad_resume_token' ? 'Your seat in this room has gone. Join again.' : errorText(msg));
      return;
    case 'create_room':
      if (msg.code === 'server_draining' && lastCreate) {
        // That server is shutting down: a socket for no room reaches another one.
        setText('setup-error', 'Creating the room…');
        state.pending = lastCreate;
        conn.room = null;
        conn.reconnectNow();
        return;
      }
      setText('setup-error', errorText(msg));
      return;
    case 'ping': case 'hello':
      return;
    default:
      if (isHostView()) host.error(msg); else player.error(msg);
  }
});

conn.on('*', (msg) => {
  if (['welcome', 'pong', 'error', 'joined', 'room_created', 'kicked', 'left'].includes(msg.type)) return;
  if (!state.seat) return;
  if (isHostView()) host.handle(msg); else player.handle(msg);
});

// A phone that slept or came back online reconnects at once rather than after the backoff.
document.addEventListener('visibilitychange', () => { if (!document.hidden) conn.nudge(); });
window.addEventListener('online', () => conn.nudge());

// ---- start -------------------------------------------------------------------------------

state.code = roomFromUrl();
conn.room = state.code;
const remembered = state.code ? loadSeat(state.code) : null;
if (remembered) {
  state.seat = null;
  showJoin('');
  setText('join-error', 'Taking your seat back…');
  resume(state.code, remembered);
} else {
  route();
}
conn.connect();

// For the browser tests and the curious: the live state, read-only by convention.
window.rapidfire = { state, conn };
