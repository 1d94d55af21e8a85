// The WebSocket to the server: opens it, says hello, keeps it alive with ping, estimates the
// server's clock, and reconnects with backoff when it drops. What to do once connected (join,
// resume) is the app's business: it listens for 'open'. The socket names the room it is for
// (/ws?room=CODE): with several servers behind a proxy, that is how it reaches the room's own.

const PING_MS = 5000;
const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];

export function serverUrl() {
  const params = new URLSearchParams(location.search);
  // Development only: a page served from elsewhere (python -m http.server) may name the server.
  const override = params.get('server');
  if (override && /^wss?:\/\//.test(override)) return override;
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

export class Connection {
  constructor(base) {
    this.base = base;
    this.room = null;  // the room this socket is for; null: any server will do
    // Without a room: a socket for the matching queue (/ws?match=1), which a proxy in front of
    // several servers sends to the one server that pairs players.
    this.matching = false;
    this.ws = null;
    this.handlers = new Map();
    this.attempt = 0;
    this.timer = null;
    this.pinger = null;
    this.stopped = false;
    // Server clock minus local clock, from the sample with the shortest round trip: the
    // countdown runs on the server's deadline, not on a phone clock that may be minutes off.
    this.offset = 0;
    this.bestRtt = Infinity;
    this.samples = [];
  }

  on(type, fn) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(fn);
  }

  emit(type, data) {
    for (const fn of this.handlers.get(type) || []) fn(data);
    // '*' sees every server message (not the connection's own events).
    if (data && data.type === type && type !== 'welcome') for (const fn of this.handlers.get('*') || []) fn(data);
  }

  get url() {
    if (!this.room && !this.matching) return this.base;
    const url = new URL(this.base);
    if (this.room) url.searchParams.set('room', this.room);
    else url.searchParams.set('match', '1');
    return url.toString();
  }

  // A socket for `room`: when the open one was made for another room, it is closed and a new one
  // opened at once ('open' follows). Says whether it reconnects.
  moveTo(room) {
    if ((room || null) === this.room) return false;
    this.room = room || null;
    this.matching = false;
    if (!this.ws) return false;
    this.reconnectNow();
    return true;
  }

  // A socket for the matching queue, as moveTo is for a room. Says whether it reconnects.
  moveToMatching() {
    if (this.matching && !this.room) return false;
    this.room = null;
    this.matching = true;
    if (!this.ws) return false;
    this.reconnectNow();
    return true;
  }

  // A new socket at once, without the old one's 'close' (the server asked us to go elsewhere).
  reconnectNow() {
    const old = this.ws;
    this.ws = null;
    clearInterval(this.pinger);
    this.welcomed = false;
    if (old) old.close();
    this.attempt = 0;
    this.stopped = false;
    this.connect();
  }

  get open() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN && this.welcomed;
  }

  connect() {
    this.stopped = false;
    clearTimeout(this.timer);
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) return;
    this.welcomed = false;
    this.emit('status', this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.addEventListener('message', (event) => this.receive(ws, event));
    ws.addEventListener('close', () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pinger);
      this.emit('status', 'offline');
      this.emit('close');
      if (!this.stopped) this.retry();
    });
  }

  retry() {
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.timer = setTimeout(() => this.connect(), delay);
  }

  // Reconnect at once (a phone waking up or coming back online) instead of waiting out the backoff.
  nudge() {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    this.attempt = 0;
    this.connect();
  }

  receive(ws, event) {
    if (this.ws !== ws) return;
    let msg;
    try {
      msg = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!msg || typeof msg.type !== 'string') return;
    if (msg.type === 'welcome') {
      this.welcomed = true;
      this.attempt = 0;
      this.maxBytes = msg.max_message_bytes;
      this.sample(msg.server_time, Date.now(), Date.now());
      this.sendRaw({ type: 'hello', protocol: 1, client: 'rapidfire-web/1.0' });
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.ping(), PING_MS);
      this.ping();
      this.emit('status', 'online');
      this.emit('open', msg);
    } else if (msg.type === 'pong') {
      if (typeof msg.nonce === 'number') this.sample(msg.server_time, msg.nonce, Date.now());
    }
    this.emit(msg.type, msg);
  }

  // One clock sample: the server's time was read somewhere between sentAt and receivedAt.
  sample(serverTime, sentAt, receivedAt) {
    if (typeof serverTime !== 'number') return;
    const rtt = Math.max(0, receivedAt - sentAt);
    this.samples.push({ rtt, offset: serverTime - (sentAt + rtt / 2) });
    if (this.samples.length > 8) this.samples.shift();
    const best = this.samples.reduce((a, b) => (b.rtt <= a.rtt ? b : a));
    this.offset = best.offset;
  }

  ping() {
    this.sendRaw({ type: 'ping', nonce: Date.now() });
  }

  serverNow() {
    return Date.now() + this.offset;
  }

  sendRaw(msg) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  send(msg) {
    return this.open && this.sendRaw(msg);
  }

  // Drop the socket on purpose (tests of the reconnect path use this too).
  drop() {
    if (this.ws) this.ws.close();
  }
}
