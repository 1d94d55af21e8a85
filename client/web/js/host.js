// The host's (projector) screens: lobby with code, link and QR code; the question with the
// countdown and how many have answered; the judge panel; the answer distribution; the podium.
import { byId, el, clear, setText, show } from './dom.js';
import { showScreen, currentScreen } from './screens.js';
import { Countdown } from './countdown.js';
import { fillStandings, fillPodium, fillResultsTable } from './standings.js';
import { JudgePanel } from './judge.js';
import { renderSummary, summaryMarkdown, download } from './summary.js';
import { downloadResults, fetchRecord, resultsErrorText } from './results.js';
import { errorText, END_REASON, plural, choiceLabel, correctChoices, rightChoices } from './words.js';

const PAGE = 100;  // players per page of everyone's standings (the server allows 1 to 100)

export class Host {
  constructor(ctx) {
    this.ctx = ctx;
    this.countdown = new Countdown(byId('host-countdown'), byId('host-countdown-text'), () => ctx.conn.serverNow());
    this.judge = new JudgePanel(ctx);
    this.rows = new Map();  // player id -> <li>, so roster updates change lines in place
    this.overs = 0;         // game_over count: a late answer for an earlier game is dropped
    this.fullLoading = false;
    this.liveOffset = 0;    // the offset of the standings page shown
    this.reset();
    this.bind();
  }

  reset() {
    this.q = null;
    this.limit = 1;
    this.paused = false;
    this.locked = false;
    this.summaries = [];
    this.connected = 0;
    if (this.countdown) this.countdown.stop();
    if (this.judge) this.judge.stop();
  }

  bind() {
    const send = (type, extra) => this.ctx.hostSend(type, extra);
    byId('start-button').addEventListener('click', () => {
      setText('host-lobby-status', 'Starting…');
      send('start');
    });
    byId('lock-button').addEventListener('click', () => send('lock', { locked: !this.locked }));
    byId('pause-button').addEventListener('click', () => send(this.paused ? 'continue' : 'pause'));
    byId('extend-button').addEventListener('click', () => send('extend', { seconds: 15 }));
    byId('skip-button').addEventListener('click', () => send('skip'));
    byId('next-button').addEventListener('click', () => send('skip'));
    for (const id of ['end-button', 'judge-end', 'reveal-end']) {
      byId(id).addEventListener('click', () => byId('end-dialog').showModal());
    }
    // Plain buttons, not <form method="dialog">: the page's CSP has form-action 'none'.
    byId('end-confirm').addEventListener('click', () => { byId('end-dialog').close(); send('end'); });
    byId('end-cancel').addEventListener('click', () => byId('end-dialog').close());
    byId('rematch-button').addEventListener('click', () => send('rematch', { swap_roles: false }));
    byId('swap-button').addEventListener('click', () => send('rematch', { swap_roles: true }));
    byId('host-leave').addEventListener('click', () => this.ctx.leave());
    byId('download-csv').addEventListener('click', () => this.results('csv'));
    byId('download-json').addEventListener('click', () => this.results('json'));
    byId('full-standings-button').addEventListener('click', () => this.fullStandings());
    byId('live-standings-button').addEventListener('click', () => {
      if (byId('live-standings-section').hidden) this.livePage(0); else this.hideLiveStandings();
    });
    byId('live-standings-prev').addEventListener('click', () => this.livePage(this.liveOffset - PAGE));
    byId('live-standings-next').addEventListener('click', () => this.livePage(this.liveOffset + PAGE));
    byId('host-summary-download').addEventListener('click', () =>
      download(`interview-${this.ctx.state.code}.md`, summaryMarkdown(this.summaries), 'text/markdown'));
  }

  async results(format) {
    const { code, seat } = this.ctx.state;
    setText('host-over-status', 'Fetching the results…');
    try {
      const id = await downloadResults(code, seat.hostToken, format);
      setText('host-over-status', `Results of game ${id} downloaded (${format.toUpperCase()}).`);
    } catch (e) {
      setText('host-over-status', `The results are not available. ${resultsErrorText(e)}`);
    }
  }

  // Every player of the game, from its record (the same lookup as the downloads); the
  // game-over message itself carries the top 50 only.
  async fullStandings() {
    if (this.fullLoading) return;
    const { code, seat } = this.ctx.state;
    const over = this.overs;
    const section = show('full-standings-section', true);
    this.fullLoading = true;
    section.setAttribute('aria-busy', 'true');
    setText('full-standings-status', 'Loading everyone\'s results…');
    let text;
    try {
      // The record is written at most 100 ms after the game ends: a press at once may find
      // it unfinished, so wait a little before saying so.
      let { game, record } = await fetchRecord(code, seat.hostToken);
      for (let tries = 0; tries < 4 && record.game && !record.game.finished_at; ++tries) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        if (over !== this.overs) return;
        ({ game, record } = await fetchRecord(code, seat.hostToken));
      }
      if (over !== this.overs) return;
      const results = [...(record.results || [])].sort((a, b) => a.rank - b.rank);
      fillResultsTable(byId('full-standings'), results);
      show('full-standings-scroll', results.length > 0);
      const round = game.round > 1 ? `, round ${game.round}` : '';
      if (results.length) text = `${plural(results.length, 'player', 'players')} (game ${game.id}${round}).`;
      else if (record.game && !record.game.finished_at) text = 'The server is still writing down this game. Try again in a moment.';
      else text = 'Nobody was ranked in this game.';
    } catch (e) {
      if (over !== this.overs) return;
      show('full-standings-scroll', false);
      text = `Everyone's results are not available. ${resultsErrorText(e)}`;
    } finally {
      if (over === this.overs) {
        this.fullLoading = false;
        section.removeAttribute('aria-busy');
      }
    }
    setText('full-standings-status', text);
  }

  // Everyone's ranks so far, during the game: one page from the server at a time.
  livePage(offset) {
    this.liveOffset = Math.max(0, offset);
    show('live-standings-section', true);
    byId('live-standings-button').setAttribute('aria-expanded', 'true');
    setText('live-standings-status', 'Loading the standings…');
    this.ctx.hostSend('list_standings', { offset: this.liveOffset, limit: PAGE });
  }

  hideLiveStandings() {
    show('live-standings-section', false);
    byId('live-standings-button').setAttribute('aria-expanded', 'false');
    clear(byId('live-standings'));
    setText('live-standings-status', '');
  }

  on_standings_page(msg) {
    if (byId('live-standings-section').hidden) return;
    this.liveOffset = msg.offset;
    fillStandings(byId('live-standings'), msg.standings);
    const shown = msg.standings.length;
    let text;
    if (msg.count === 0) text = 'Nobody is ranked yet: ranks come with each question\'s results.';
    else if (shown === 0) text = `Only ${plural(msg.count, 'player is', 'players are')} ranked.`;
    else text = `Ranks ${msg.offset + 1}–${msg.offset + shown} of ${msg.count}, after ${plural(msg.questions, 'question', 'questions')}.`;
    setText('live-standings-status', text);
    show('live-standings-prev', msg.offset > 0);
    show('live-standings-next', msg.offset + shown < msg.count);
  }

  resetFullStandings() {
    this.overs += 1;
    this.fullLoading = false;
    this.liveOffset = 0;    // the offset of the standings page shown
    const section = show('full-standings-section', false);
    section.removeAttribute('aria-busy');
    clear(byId('full-standings').tBodies[0]);
    show('full-standings-scroll', false);
    setText('full-standings-status', '');
  }

  created(msg) {
    this.reset();
    this.lobby(msg.code, msg.kind);
    const password = this.ctx.state.password;
    show('lobby-password', !!password);
    setText('lobby-password', password ? `Password: ${password}` : '');
    const settings = msg.settings || {};
    show('lobby-listed', !!settings.public);
    setText('lobby-listed', !settings.public ? ''
      : settings.label ? `Listed among the open rooms as "${settings.label}".` : 'Listed among the open rooms.');
  }

  joined(msg) {
    if (msg.phase === 'lobby') {
      this.reset();
      this.lobby(msg.code, msg.kind);
      show('lobby-password', false);
      show('lobby-listed', false);
    } else if (msg.phase === 'finished') {
      // game_over follows
    } else {
      setText('host-question-status', msg.resumed ? 'Back in the host seat.' : '');
    }
  }

  lobby(code, kind) {
    setText('room-code', code);
    const fallback = `${location.origin}/join/${code}`;
    setText('join-link', fallback);
    // The server knows the address students should use (--public-url); ask it, keep the
    // page's own address if it cannot say.
    fetch(`/api/join-link?room=${encodeURIComponent(code)}`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => { if (body && typeof body.url === 'string' && body.url) setText('join-link', body.url); })
      .catch(() => {});
    byId('qr').src = `/qr.svg?room=${encodeURIComponent(code)}`;
    clear(byId('players'));
    this.rows.clear();
    setText('player-count', '0');
    setText('player-count-label', kind === 'interview' ? 'candidates' : 'players');
    setText('host-lobby-status', '');
    show('swap-button', kind === 'interview');
    showScreen('host-lobby');
  }

  error(msg) {
    const text = errorText(msg);
    const target = { 'host-lobby': 'host-lobby-status', 'host-question': 'host-question-status',
      'host-judge': 'judge-status', 'host-reveal': 'host-reveal-status', 'host-over': 'host-over-status' }[currentScreen()];
    if (target) setText(target, text); else this.ctx.notice(text);
  }

  handle(msg) {
    const fn = this[`on_${msg.type}`];
    if (fn) fn.call(this, msg);
  }

  on_roster(msg) {
    this.connected = msg.connected;
    this.locked = msg.locked;
    setText('player-count', msg.count);
    const lock = byId('lock-button');
    setText(lock, msg.locked ? 'Unlock the room' : 'Lock the room');
    lock.setAttribute('aria-pressed', String(msg.locked));
    // The list comes as changes: `full` starts it anew, then who joined or changed and who
    // was removed; each row is changed in place, new ones go at the end.
    const list = byId('players');
    if (msg.full) {
      clear(list);
      this.rows.clear();
    }
    for (const id of msg.removed || []) {
      const row = this.rows.get(id);
      if (row) { row.remove(); this.rows.delete(id); }
    }
    for (const p of msg.players) {
      let row = this.rows.get(p.id);
      if (!row) {
        row = el('li', { data: { player: p.id } },
          el('span', { class: 'nick' }),
          el('span', { class: 'away' }),
          el('button', { type: 'button', class: 'kick', on: { click: () => this.ctx.hostSend('kick', { player: p.id }) } }, 'Remove'));
        this.rows.set(p.id, row);
        list.append(row);
      }
      setText(row.querySelector('.nick'), p.nickname);
      setText(row.querySelector('.away'), p.connected ? '' : ' (away)');
      row.classList.toggle('disconnected', !p.connected);
      row.querySelector('.kick').setAttribute('aria-label', `Remove ${p.nickname}`);
    }
  }

  on_question(msg) {
    this.q = msg;
    this.judge.stop();
    this.paused = msg.paused;
    this.limit = msg.time_limit_ms;
    setText('host-question-number', `Question ${msg.question + 1} of ${msg.total}`);
    setText('host-question-topics', (msg.topics || []).join(' · '));
    setText('host-question-text', msg.text);
    const list = clear(byId('host-choices'));
    show(list, msg.mode === 'choice');
    msg.choices.forEach((text, i) => list.append(el('li', { class: `host-choice c${i % 4}`, data: { choice: i } },
      el('span', { class: 'choice-label' }, choiceLabel(i)), el('span', { class: 'choice-text' }, text))));
    // Interviewers see the reference while the candidate answers, when the server sends one.
    show('host-reference', !!msg.reference);
    setText('host-reference', msg.reference ? `Reference: ${msg.reference}` : '');
    setText('answered', `0/${this.connected}`);
    setText('host-question-status', '');
    this.pauseButton();
    this.countdown.start(msg.deadline, this.limit);
    if (msg.paused) this.countdown.pause(msg.remaining_ms);
    showScreen('host-question');
  }

  pauseButton() {
    setText('pause-button', this.paused ? 'Continue' : 'Pause');
    byId('pause-button').setAttribute('aria-pressed', String(this.paused));
  }

  on_answer_progress(msg) {
    setText('answered', `${msg.answered}/${msg.expected}`);
  }

  on_paused(msg) {
    this.paused = true;
    this.pauseButton();
    this.countdown.pause(msg.remaining_ms);
    setText('host-question-status', 'Paused.');
    setText('host-reveal-status', 'Paused.');
  }

  on_continued(msg) {
    this.paused = false;
    this.pauseButton();
    if (this.q && currentScreen() === 'host-question') this.countdown.start(msg.deadline, this.limit);
    setText('host-question-status', '');
    setText('host-reveal-status', '');
  }

  on_time_extended(msg) {
    const extra = this.countdown.frozen !== null ? msg.remaining_ms - this.countdown.frozen : msg.deadline - this.countdown.deadline;
    this.limit = Math.max(this.limit + Math.max(0, extra), msg.remaining_ms);
    if (this.paused) this.countdown.pause(msg.remaining_ms); else this.countdown.start(msg.deadline, this.limit);
    setText('host-question-status', 'Time added.');
  }

  on_question_closed(msg) {
    this.countdown.stop();
    setText('host-question-status', `Time is up: ${plural(msg.answered, 'answer', 'answers')} to mark.`);
  }

  on_judge_request(msg) {
    this.countdown.stop();
    this.judge.show(msg);
    showScreen('host-judge');
  }

  on_judged(msg) {
    this.judge.judged(msg);
  }

  on_reveal(msg) {
    this.countdown.stop();
    this.judge.stop();
    const q = this.q && this.q.question === msg.question ? this.q : null;
    setText('host-reveal-question', q ? q.text : '');
    const bars = clear(byId('bars'));
    const counts = msg.choice_counts || [];
    const most = Math.max(1, ...counts);
    const corrects = correctChoices(msg);  // a question may have several right choices
    counts.forEach((count, i) => {
      const correct = corrects.includes(i);
      // A <progress> draws the bar: no inline style needed under the page's CSP.
      bars.append(el('div', { class: `bar c${i % 4}${correct ? ' correct' : ''}`, data: { choice: i, count } },
        el('span', { class: 'choice-label' }, choiceLabel(i)),
        el('span', { class: 'bar-text' }, q ? q.choices[i] : ''),
        el('progress', { max: most, value: count, 'aria-label': `${count} chose ${choiceLabel(i)}` }),
        el('span', { class: 'bar-count' }, `${count}`),
        correct ? el('span', { class: 'bar-mark' }, '✓ right answer') : null));
    });
    show(bars, counts.length > 0);
    const right = rightChoices(msg, q);
    setText('host-reveal-reference', corrects.length === 0 ? `Answer: ${msg.reference}`
      : right.length > 0 ? `${right.length > 1 ? 'Answers' : 'Answer'}: ${right.join('; ')}` : '');
    setText('host-reveal-feedback', msg.feedback || '');
    show('host-standings-section', false);
    this.hideLiveStandings();  // the ranks change with this question's results
    let status = '';
    if (msg.grading) status = 'The players are grading their own answers.';
    else if (msg.next_at) status = 'The next question opens by itself in a moment.';
    else status = 'Press "Next question" to go on.';
    setText('host-reveal-status', status);
    setText('next-button', q && q.question + 1 >= q.total && !msg.grading ? 'Finish' : 'Next question');
    showScreen('host-reveal');
  }

  on_standings(msg) {
    fillStandings(byId('host-standings'), msg.top);
    show('host-standings-section', msg.top.length > 0);
    // A top 10 of a bigger room says where everyone else is.
    const more = msg.count > msg.top.length;
    setText('host-standings-note', more ? `Top ${msg.top.length} of ${msg.count} players.` : '');
    show('host-standings-note', more);
  }

  on_game_over(msg) {
    this.countdown.stop();
    this.judge.stop();
    this.q = null;
    setText('host-over-reason', `${END_REASON[msg.reason] || ''} ${plural(msg.count, 'player', 'players')} ranked.`);
    byId('host-podium-slot').append(byId('podium'));
    fillPodium(byId('podium'), msg.standings);
    fillStandings(byId('host-final-standings'), msg.standings);
    this.resetFullStandings();
    this.summaries = [];
    clear(byId('host-summaries'));
    show('host-summaries', false);
    show('host-summary-download', false);
    // A matched pair's turns swap by themselves: no rematch there.
    const pairNote = this.ctx.pairNote();
    show('rematch-button', !pairNote);
    show('swap-button', !pairNote && this.ctx.state.kind === 'interview');
    setText('host-pair-note', pairNote);
    show('host-pair-note', !!pairNote);
    setText('host-over-status', '');
    showScreen('host-over');
  }

  on_summary(msg) {
    this.summaries.push(msg);
    byId('host-summaries').append(renderSummary(msg));
    show('host-summaries', true);
    show('host-summary-download', true);
  }
}
