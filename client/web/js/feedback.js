// A matched interview's end: the feedback form (feedback_request: a 1-5 rating per area, what
// went well, what to work on), its acknowledgement (feedback_saved), what the partner said
// (partner_feedback), and the pair's summary page: both turns' summaries and both feedbacks,
// also as Markdown.
import { byId, el, clear, setText, show } from './dom.js';
import { showScreen } from './screens.js';
import { saveSeat } from './seats.js';
import { renderSummary, renderFeedback, summaryMarkdown, download } from './summary.js';
import { errorText } from './words.js';

const SCORES = [1, 2, 3, 4, 5];

export class FeedbackForm {
  constructor(ctx) {
    this.ctx = ctx;
    this.reset();
    this.bind();
  }

  // A new pair: nothing asked, sent or received yet.
  reset() {
    this.req = null;
    this.given = null;       // what this page sent
    this.sent = false;       // feedback_saved came
    this.received = null;    // partner_feedback
    this.summaries = new Map();  // candidate id -> summary, in the order the turns ended
    this.titles = new Map();
  }

  get seat() { return this.ctx.state.seat; }
  get partner() {
    const seat = this.seat;
    return (this.req && this.req.partner) || (seat && seat.pair && seat.pair.partner) || 'your partner';
  }

  bind() {
    const { conn } = this.ctx;
    byId('feedback-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    byId('pair-summary-download').addEventListener('click', () =>
      download(`interview-${this.ctx.state.code}.md`,
        summaryMarkdown([...this.summaries.values()], this.feedbacks(), this.titles), 'text/markdown'));
    byId('feedback-leave').addEventListener('click', () => this.ctx.leave());
    conn.on('summary', (msg) => {
      if (!this.seat || !this.seat.pair) return;
      this.summaries.set(msg.player, msg);  // a resume sends it again: one per candidate
      this.renderPairSummary();
    });
    conn.on('feedback_request', (msg) => { if (this.seat) this.request(msg); });
    conn.on('feedback_saved', () => { if (this.seat) this.saved(); });
    conn.on('partner_feedback', (msg) => { if (this.seat) this.partnerFeedback(msg); });
    // The partner is gone before the end: no more turns, no feedback. Said where the page is.
    conn.on('pair_ended', (msg) => {
      const text = `${msg.partner} has left: the practice ends here.`;
      for (const id of ['over-pair-note', 'host-pair-note']) {
        setText(id, text);
        show(id, true);
      }
      setText('over-status', text);
      setText('host-over-status', text);
    });
  }

  request(msg) {
    this.req = msg;
    for (const area of msg.areas) this.titles.set(area.id, area.title);
    setText('feedback-title', `Feedback for ${msg.partner}`);
    const by = new Date(msg.deadline - this.ctx.conn.offset);
    const time = by.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    setText('feedback-intro', `How did ${msg.partner} do in both turns? Rate what you saw from 1 (weak) to 5 (strong), or leave an area at "–". You see each other's feedback once both of you have sent it, or at ${time}.`);
    if (!this.sent) this.buildAreas(msg.areas);
    this.enableForm(!this.sent);
    setText('feedback-status', this.sent ? this.sentText() : '');
    show('feedback-form', true);
    this.renderPairSummary();
    showScreen('feedback');
  }

  buildAreas(areas) {
    const box = clear(byId('feedback-areas'));
    if (areas.length) {
      box.append(el('p', { class: 'label scale-key', 'aria-hidden': 'true' }, '1 weak · 5 strong · – not rated'));
    }
    areas.forEach((area, i) => {
      const name = `rate-${i}`;
      const scale = el('div', { class: 'scale' });
      for (const value of ['', ...SCORES]) {
        const id = `${name}-${value || 'none'}`;
        scale.append(el('span', { class: 'score' },
          el('input', { type: 'radio', name, id, value: String(value), checked: value === '' }),
          el('label', { for: id, 'aria-label': value ? `${value} of 5` : 'not rated' }, value ? String(value) : '–')));
      }
      box.append(el('fieldset', { class: 'rating', data: { area: area.id } },
        el('legend', {}, area.title), scale));
    });
  }

  enableForm(on) {
    for (const field of byId('feedback-form').elements) field.disabled = !on;
  }

  readForm() {
    const ratings = [];
    for (const set of byId('feedback-areas').querySelectorAll('fieldset.rating')) {
      const picked = set.querySelector('input[type="radio"]:checked');
      if (picked && picked.value) ratings.push({ area: set.dataset.area, score: Number(picked.value) });
    }
    return { ratings, went_well: byId('went-well').value.trim(), work_on: byId('work-on').value.trim() };
  }

  submit() {
    if (this.sent || !this.req) return;
    const given = this.readForm();
    if (!given.ratings.length && !given.went_well && !given.work_on) {
      setText('feedback-status', 'Rate at least one area or write a line first.');
      return;
    }
    const msg = { type: 'feedback', ratings: given.ratings };
    if (given.went_well) msg.went_well = given.went_well;
    if (given.work_on) msg.work_on = given.work_on;
    byId('feedback-send').disabled = true;
    if (!this.ctx.send(msg)) {
      byId('feedback-send').disabled = false;
      setText('feedback-status', 'Not connected: try again in a moment.');
      return;
    }
    this.given = given;
    setText('feedback-status', 'Sending…');
  }

  sentText() {
    return this.received ? 'Sent.' : `Sent. ${this.partner}'s feedback appears here once they send theirs.`;
  }

  saved() {
    this.sent = true;
    this.enableForm(false);
    setText('feedback-status', this.sentText());
    const seat = this.seat;
    if (seat && seat.pair) {
      seat.pair.feedbackSent = true;
      saveSeat(this.ctx.state.code, seat);
    }
    this.renderPairSummary();
  }

  partnerFeedback(msg) {
    this.received = msg;
    const title = byId('partner-feedback-title');
    setText(title, `${msg.from}'s feedback for you`);
    const body = clear(byId('partner-feedback-body'));
    body.append(renderFeedback(this.receivedCard(msg), this.titles, false));
    show('partner-feedback', true);
    // The exchange is over: the form closes; what this page sent is in the summary below.
    this.enableForm(false);
    show('feedback-form', false);
    setText('feedback-title', 'Feedback');
    setText('feedback-status', this.sent ? 'Both feedbacks are in the interview summary below.' : 'Feedback is closed now.');
    this.renderPairSummary();
    showScreen('feedback');
  }

  receivedCard(msg) {
    let missing = `${msg.from} sent no feedback in time.`;
    if (!this.sent) missing = 'No feedback was exchanged: it is shared only when both of you send yours in time.';
    return { key: 'received', heading: `${msg.from}'s feedback for you`, sent: msg.sent, missing,
      ratings: msg.ratings || [], went_well: msg.went_well, work_on: msg.work_on };
  }

  // Both feedbacks as the summary shows them: what this page sent, then what came back.
  feedbacks() {
    const out = [];
    const me = this.seat ? this.seat.nickname : 'You';
    if (this.given && this.sent) {
      out.push({ key: 'given', heading: `${me}'s feedback for ${this.partner}`, sent: true, ...this.given });
    }
    if (this.received) {
      const card = this.receivedCard(this.received);
      card.heading = `${this.received.from}'s feedback for ${me}`;
      out.push(card);
    }
    return out;
  }

  renderPairSummary() {
    const section = clear(byId('pair-summary'));
    const summaries = [...this.summaries.values()];
    const feedback = this.feedbacks();
    for (const s of summaries) section.append(renderSummary(s));
    if (feedback.length) {
      section.append(el('h2', {}, 'Feedback'));
      for (const f of feedback) section.append(renderFeedback(f, this.titles));
    }
    const any = summaries.length + feedback.length > 0;
    show(section, any);
    show('pair-summary-download', any);
  }

  error(msg) {
    if (msg.code === 'already_sent') {
      this.saved();
      return;
    }
    byId('feedback-send').disabled = this.sent;
    setText('feedback-status', errorText(msg));
  }
}
