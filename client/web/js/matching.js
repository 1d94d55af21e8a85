// "Find a partner": the form (name, topics, level, first turn), the wait in the queue
// (match_status), the proposal with its countdown (match_proposed: confirm or decline), then
// match_found, after which the room's own `joined` and screens take over. Also what the
// page says about a matched pair between and after its two turns.
import { byId, el, clear, setText, show } from './dom.js';
import { showScreen, currentScreen } from './screens.js';
import { Countdown } from './countdown.js';
import { identity } from './identity.js';
import { rememberedNickname, rememberNickname } from './seats.js';
import { knownTopics, learnTopics, forgetTopic, onTopics, loadBankTopics } from './topics.js';
import { errorText, MATCH_LEFT, REQUEUED, MATCH_ROLE, LEVEL, ordinal, plural, timeLeft } from './words.js';

const REQUESTS = ['match_join', 'match_leave', 'match_confirm'];
// A proposal lapses 20 s after it is made (PROTOCOL.md, match_proposed): the countdown never
// shows more, whatever the clock estimate's error.
const CONFIRM_MS = 20000;

export class Matching {
  constructor(ctx) {
    this.ctx = ctx;
    this.phase = 'idle';     // idle, joining, waiting, proposed, confirmed
    this.request = null;     // the match_join sent: sent again after a dropped connection
    this.proposal = null;
    this.widerAt = null;
    this.ticker = null;
    this.typed = new Set();  // topics typed here that the server has not confirmed yet
    this.title = document.title;
    this.countdown = new Countdown(byId('proposal-countdown'), byId('proposal-countdown-text'),
      () => ctx.conn.serverNow());
    this.bind();
    this.renderTopics();
    onTopics(() => this.renderTopics());
    loadBankTopics();
  }

  get active() { return this.phase !== 'idle'; }

  bind() {
    const { conn } = this.ctx;
    byId('match-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.find();
    });
    byId('match-topic-add-button').addEventListener('click', () => this.addTopic());
    byId('match-topic-add').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        this.addTopic();
      }
    });
    byId('match-leave').addEventListener('click', () => {
      setText('match-waiting-status', 'Leaving the queue…');
      this.send({ type: 'match_leave' });
    });
    byId('match-confirm').addEventListener('click', () => this.confirm());
    byId('match-decline').addEventListener('click', () => {
      byId('match-confirm').disabled = true;
      byId('match-decline').disabled = true;
      setText('proposal-status', 'Declining…');
      this.send({ type: 'match_leave' });
    });
    conn.on('match_status', (msg) => this.onStatus(msg));
    conn.on('match_proposed', (msg) => this.onProposed(msg));
    conn.on('match_found', (msg) => this.onFound(msg));
    conn.on('match_left', (msg) => this.onLeft(msg));
    conn.on('room_list', (msg) => learnTopics(msg.rooms.flatMap((r) => r.topics || [])));
    // The server forgets a queued player whose connection drops: ask again on the new one.
    conn.on('open', () => {
      if (!this.active || !this.request) return;
      const lost = this.phase === 'proposed' || this.phase === 'confirmed';
      const dropped = this.sent;
      this.stopProposal();
      this.phase = 'joining';
      this.sent = conn.send(this.request);
      if (!dropped) return;
      setText('match-waiting-status', lost
        ? 'Your connection dropped, and the proposal with it: you are back in the queue.'
        : 'Your connection dropped: you are back in the queue.');
      if (currentScreen() === 'match-proposed') showScreen('match-waiting');
    });
  }

  static handles(request) { return REQUESTS.includes(request); }

  send(msg) {
    if (this.ctx.send(msg)) return true;
    this.ctx.conn.nudge();
    return false;
  }

  // ---- the form ------------------------------------------------------------------------

  show() {
    if (this.phase === 'waiting' || this.phase === 'joining') { showScreen('match-waiting'); return; }
    if (this.phase === 'proposed' || this.phase === 'confirmed') { showScreen('match-proposed'); return; }
    if (!byId('match-name').value) byId('match-name').value = rememberedNickname();
    showScreen('match');
  }

  // Someone left the screens of the queue (the back button, another link): leave it too.
  leaveIfQueued() {
    if (!this.active) return;
    this.send({ type: 'match_leave' });
    this.stop();
  }

  renderTopics() {
    const box = byId('match-topics');
    const ticked = new Set(this.tickedTopics());
    const topics = [...new Set([...knownTopics(), ...this.typed, ...ticked])]
      .sort((a, b) => a.localeCompare(b));
    clear(box);
    topics.forEach((topic, i) => {
      const id = `match-topic-${i}`;
      box.append(el('div', { class: 'check' },
        el('input', { type: 'checkbox', id, class: 'topic', value: topic, checked: ticked.has(topic) }),
        el('label', { for: id }, topic)));
    });
    show('match-topics-empty', topics.length === 0);
    const options = clear(byId('match-topic-options'));
    for (const topic of knownTopics()) options.append(el('option', { value: topic }));
  }

  tickedTopics() {
    return Array.from(byId('match-topics').querySelectorAll('input.topic:checked'), (box) => box.value);
  }

  addTopic() {
    const input = byId('match-topic-add');
    const topic = input.value.trim();
    setText('match-error', '');
    if (!topic) { setText('match-error', 'Type a topic to add, such as evaluation.'); input.focus(); return; }
    this.typed.add(topic);
    this.renderTopics();
    const box = Array.from(byId('match-topics').querySelectorAll('input.topic')).find((b) => b.value === topic);
    if (box) box.checked = true;
    input.value = '';
    setText('match-note', `Added "${topic}".`);
    input.focus();
  }

  find() {
    if (this.active) return;  // asked already: the queue's answer comes
    const nickname = byId('match-name').value.trim();
    setText('match-note', '');
    if (!nickname) { setText('match-error', 'Type your name.'); byId('match-name').focus(); return; }
    rememberNickname(nickname);
    const msg = { type: 'match_join', nickname, role: byId('match-role').value || 'either' };
    const topics = this.tickedTopics();
    if (topics.length) msg.topics = topics;
    const level = byId('match-level').value;
    if (level) msg.level = level;
    const secret = identity();
    if (secret) msg.identity = secret;
    this.request = msg;
    this.phase = 'joining';
    setText('match-error', '');
    setText('match-note', 'Joining the queue…');
    // Behind a proxy the queue is on one server: move there first; the socket's 'open' sends
    // the request (as it does when not connected yet).
    if (this.ctx.conn.moveToMatching()) {
      this.sent = false;
      return;
    }
    this.sent = this.send(msg);
  }

  // ---- in the queue --------------------------------------------------------------------

  onStatus(msg) {
    if (!this.active) return;
    const back = this.phase === 'proposed' || this.phase === 'confirmed';
    this.phase = 'waiting';
    this.stopProposal();
    // Topics the server took are real ones.
    if (this.request && this.request.topics) learnTopics(this.request.topics);
    learnTopics((msg.topics || []).map((t) => t.topic));
    setText('match-position', msg.position === 1 ? 'You are first in line.' : `You are ${ordinal(msg.position)} in line.`);
    setText('match-waiting-count', `${plural(msg.waiting, 'person is', 'people are')} waiting for a partner.`);
    const list = clear(byId('match-topic-counts'));
    for (const t of msg.topics || []) {
      list.append(el('li', { data: { topic: t.topic, waiting: t.waiting } },
        el('span', { class: 'topic-name' }, t.topic), el('span', { class: 'topic-count' }, `${t.waiting} waiting`)));
    }
    if (!(msg.topics || []).length) list.append(el('li', {}, 'Nobody else is waiting for these topics yet.'));
    // A requeue's words stay until the next proposal.
    if (msg.requeued) {
      setText('match-requeued', REQUEUED[msg.requeued] || 'Your partner did not come; you are first in line again.');
      show('match-requeued', true);
    }
    this.widerAt = msg.wider_at || null;
    this.tick();
    clearInterval(this.ticker);
    if (this.widerAt) this.ticker = setInterval(() => this.tick(), 1000);
    setText('match-note', '');
    if (currentScreen() !== 'match-waiting') {
      if (back) setText('match-waiting-status', '');
      showScreen('match-waiting');
    }
  }

  // When a partner a level away is welcome too.
  tick() {
    if (!this.widerAt) { setText('match-wider', ''); return; }
    const left = this.widerAt - this.ctx.conn.serverNow();
    setText('match-wider', left > 0
      ? `In ${timeLeft(Math.round(left / 1000) * 1000)}, a partner one level away is welcome too.`
      : 'A partner one level away is welcome too now.');
    if (left <= 0) clearInterval(this.ticker);
  }

  // ---- the proposal --------------------------------------------------------------------

  onProposed(msg) {
    if (!this.active) return;
    this.phase = 'proposed';
    this.proposal = msg;
    clearInterval(this.ticker);
    show('match-requeued', false);
    setText('match-requeued', '');
    setText('proposal-partner', msg.partner);
    setText('proposal-role', MATCH_ROLE[msg.role] || msg.role);
    setText('proposal-topics', msg.topics.length ? msg.topics.join(', ') : 'Any topic');
    show('proposal-level-row', !!msg.level);
    setText('proposal-level', msg.level ? LEVEL[msg.level] || msg.level : '');
    setText('proposal-status', '');
    byId('match-confirm').disabled = false;
    byId('match-decline').disabled = false;
    setText('match-decline', 'Decline');
    const left = msg.confirm_by - this.ctx.conn.serverNow();
    this.countdown.start(msg.confirm_by, Math.min(CONFIRM_MS, Math.max(1000, left)));
    document.title = `Partner found · ${this.title}`;
    showScreen('match-proposed');
    byId('match-confirm').focus();
  }

  confirm() {
    if (this.phase !== 'proposed') return;
    byId('match-confirm').disabled = true;
    if (!this.send({ type: 'match_confirm' })) {
      byId('match-confirm').disabled = false;
      setText('proposal-status', 'Not connected: try again in a moment.');
      return;
    }
    this.phase = 'confirmed';
    setText('match-decline', 'Leave');
    setText('proposal-status', `Confirmed. Waiting for ${this.proposal.partner} to confirm…`);
  }

  stopProposal() {
    this.countdown.stop();
    document.title = this.title;
  }

  stop() {
    this.phase = 'idle';
    this.stopProposal();
    clearInterval(this.ticker);
    show('match-requeued', false);
    setText('match-waiting-status', '');
  }

  onFound(msg) {
    this.stop();
    this.request = null;
    // The room's `joined` comes next; app.js keeps this with the seat.
    this.ctx.state.matched = { code: msg.code, partner: msg.partner, firstRole: msg.role, topics: msg.topics };
    setText('proposal-status', `Found: starting the interview with ${msg.partner}…`);
    this.ctx.pairStarted();
  }

  onLeft(msg) {
    const was = this.phase;
    this.stop();
    if (was === 'idle' && currentScreen() !== 'match-waiting' && currentScreen() !== 'match-proposed') return;
    setText('match-error', '');
    setText('match-note', MATCH_LEFT[msg.reason] || 'You are out of the queue.');
    this.show();
  }

  error(msg) {
    const text = errorText(msg);
    // Asked twice: the first request stands, and its answer comes.
    if (msg.code === 'already_queued' && msg.request === 'match_join' && this.active) return;
    if (msg.request === 'match_confirm' && msg.code !== 'not_queued') {
      setText('proposal-status', text);
      return;
    }
    this.stop();
    if (msg.request === 'match_join' && msg.code === 'unknown_topic' && this.request) {
      const index = /^topics\[(\d+)\]$/.exec(msg.field || '');
      const topic = index && this.request.topics ? this.request.topics[Number(index[1])] : null;
      if (topic) {
        forgetTopic(topic);
        this.typed.delete(topic);
        this.renderTopics();
        setText('match-note', '');
        setText('match-error', `The question bank has no topic "${topic}".`);
        this.show();
        return;
      }
    }
    setText('match-note', '');
    setText('match-error', text);
    this.show();
  }

  // ---- a matched pair, between and after its turns --------------------------------------

  // Which turn the seat plays: the first when its role is the one match_found gave it.
  turn(seat = this.ctx.state.seat) {
    if (!seat || !seat.pair) return 0;
    const role = seat.role === 'host' ? 'interviewer' : 'candidate';
    return role === seat.pair.firstRole ? 1 : 2;
  }

  // What comes after a turn's game over; '' outside a matched pair.
  pairNote() {
    const seat = this.ctx.state.seat;
    if (!seat || !seat.pair) return '';
    const partner = seat.pair.partner;
    if (this.turn(seat) === 1) {
      return seat.role === 'host'
        ? `Turn 1 of 2 is over. In a moment the roles swap: ${partner} interviews you.`
        : `Turn 1 of 2 is over. In a moment the roles swap: you interview ${partner}.`;
    }
    if (seat.pair.feedbackSent) return `Both turns are over. You sent your feedback; ${partner}'s appears once they send theirs.`;
    return `Both turns are over. Next you and ${partner} give each other feedback.`;
  }
}
