// The player's screens: lobby, question, reveal and self-grading, result, standings, paused,
// kicked and game over. Also the solo runner, who is host and player at once.
import { $$, byId, el, clear, setText, show } from './dom.js';
import { showScreen, currentScreen } from './screens.js';
import { Countdown } from './countdown.js';
import { fillStandings, fillPodium } from './standings.js';
import { soloLeaderboard, fillSoloBoard } from './leaderboard.js';
import { renderSummary, summaryMarkdown, download } from './summary.js';
import { areasLine, renderStudyTopics } from './study.js';
import { errorText, VERDICT_TEXT, END_REASON, ordinal, plural, seconds, choiceLabel, rightChoices } from './words.js';

export class Player {
  constructor(ctx) {
    this.ctx = ctx;
    this.countdown = new Countdown(byId('countdown'), byId('countdown-text'), () => ctx.conn.serverNow());
    this.reset();
    this.bind();
  }

  reset() {
    this.q = null;           // the open (or last) question
    this.limit = 1;          // the countdown's full length, ms
    this.answered = false;   // an answer to this.q was accepted
    this.myText = '';        // the typed answer, shown again for self-grading
    this.result = null;      // result for this.q
    this.standings = null;
    this.beforePause = null; // the screen to go back to on `continued`
    this.summaries = [];
    if (this.countdown) this.countdown.stop();
  }

  get solo() { return this.ctx.state.kind === 'solo'; }
  get me() { return this.ctx.state.seat && this.ctx.state.seat.player; }

  bind() {
    byId('text-answer').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = byId('answer-text').value.trim();
      if (!text) { setText('answer-status', 'Type an answer first.'); return; }
      this.myText = text;
      this.sendAnswer({ text });
    });
    // Enter sends the typed answer (Shift+Enter for a new line), as in a chat.
    byId('answer-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        byId('text-answer').requestSubmit();
      }
    });
    for (const button of $$('.grade-button')) button.addEventListener('click', () => this.grade(button.dataset.grade));
    document.addEventListener('keydown', (event) => this.key(event));
    byId('leave-button').addEventListener('click', () => this.ctx.leave());
    byId('over-leave').addEventListener('click', () => this.ctx.leave());
    byId('kicked-again').addEventListener('click', () => this.ctx.leave());
    byId('summary-download').addEventListener('click', () => {
      const own = this.summaries.filter((s) => s.player === this.me);
      download(`interview-${this.ctx.state.code}.md`, summaryMarkdown(own.length ? own : this.summaries), 'text/markdown');
    });
    // Solo runners control their own run.
    byId('solo-pause').addEventListener('click', () => this.ctx.hostSend('pause'));
    byId('solo-continue').addEventListener('click', () => this.ctx.hostSend('continue'));
    byId('solo-skip').addEventListener('click', () => this.ctx.hostSend('skip'));
    byId('solo-end').addEventListener('click', () => this.ctx.hostSend('end'));
    byId('over-again').addEventListener('click', () => {
      this.ctx.leave();
      location.hash = '#host';
    });
  }

  key(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT')) return;
    const n = '123456789'.indexOf(event.key);  // a question's own choices may be up to six
    if (n < 0) return;
    if (currentScreen() === 'question') {
      const tile = document.querySelector(`button.choice[data-choice="${n}"]`);
      if (tile && !tile.disabled) { event.preventDefault(); tile.click(); }
    } else if (currentScreen() === 'reveal' && !byId('grade').hidden) {
      const button = $$('.grade-button')[n];
      if (button && !button.disabled) { event.preventDefault(); button.click(); }
    }
  }

  created(msg) {
    this.reset();
    setText('lobby-name', this.ctx.state.seat.nickname);
    setText('lobby-code', msg.code);
    setText('lobby-info', 'Starting your run…');
    showScreen('lobby');
  }

  joined(msg) {
    setText('lobby-name', msg.nickname);
    setText('lobby-code', msg.code);
    show('solo-controls', this.solo);
    if (msg.phase === 'lobby') {
      this.reset();
      setText('lobby-info', msg.resumed ? 'Back in the room. Waiting for the host to start.' : `Waiting for ${msg.host} to start.`);
      showScreen('lobby');
    } else if (msg.phase === 'judging') {
      setText('lobby-info', 'Back in the game: the host is marking the answers.');
      showScreen('lobby');
    }
    // Other phases: the room's state follows at once (question, reveal, game over).
  }

  error(msg) {
    if (msg.request === 'answer') {
      setText('answer-status', errorText(msg));
      this.enableAnswer(!this.answered);
    } else if (msg.request === 'self_grade') {
      setText('reveal-status', msg.code === 'already_answered' ? 'You have graded this one already.' : errorText(msg));
    } else {
      this.ctx.notice(errorText(msg));
      setTimeout(() => this.ctx.notice(''), 5000);
    }
  }

  handle(msg) {
    const fn = this[`on_${msg.type}`];
    if (fn) fn.call(this, msg);
  }

  // ---- lobby ----

  on_roster(msg) {
    setText('lobby-count', msg.count);
    setText('lobby-count-label', msg.count === 1 ? 'player' : 'players');
  }

  // ---- question ----

  on_question(msg) {
    this.q = msg;
    this.answered = false;
    this.result = null;
    this.myText = '';
    this.graded = null;
    this.beforePause = null;
    const settings = this.ctx.state.settings || {};
    // On a solo run's total clock the deadline is the end of the run: scale the bar to the run.
    this.limit = settings.clock === 'total' && settings.total_seconds ? settings.total_seconds * 1000 : msg.time_limit_ms;
    setText('question-number', `Question ${msg.question + 1} of ${msg.total}`);
    setText('question-topics', (msg.topics || []).join(' · '));
    setText('question-text', msg.text);
    setText('answer-status', '');
    const choices = clear(byId('choices'));
    const isChoice = msg.mode === 'choice';
    show(choices, isChoice);
    show('text-answer', !isChoice);
    if (isChoice) {
      msg.choices.forEach((text, i) => {
        // A question's own choices may be more than four: the colours repeat, the numbers go on.
        choices.append(el('button', {
          type: 'button', class: `choice c${i % 4}`, data: { choice: i }, 'aria-pressed': 'false',
          'aria-label': `${choiceLabel(i)}: ${text}`,
          on: { click: () => this.choose(i) },
        }, el('span', { class: 'choice-label', 'aria-hidden': 'true' }, choiceLabel(i)), el('span', { class: 'choice-text' }, text)));
      });
    } else {
      byId('answer-text').value = '';
    }
    this.enableAnswer(true);
    show('solo-controls', this.solo);
    setText('solo-pause', 'Pause');
    if (msg.paused) {
      this.countdown.start(msg.deadline, this.limit);
      this.countdown.pause(msg.remaining_ms);
      this.showPaused('host', msg.remaining_ms);
    } else {
      // deadline is on the server's clock; the connection's offset maps it to ours.
      this.countdown.start(msg.deadline, this.limit);
      showScreen('question');
      if (!isChoice) byId('answer-text').focus();
    }
  }

  enableAnswer(on) {
    for (const tile of $$('button.choice')) tile.disabled = !on;
    byId('answer-text').disabled = !on;
    byId('answer-send').disabled = !on;
  }

  choose(i) {
    if (!this.q || this.answered) return;
    for (const tile of $$('button.choice')) {
      const picked = Number(tile.dataset.choice) === i;
      tile.setAttribute('aria-pressed', String(picked));
      tile.classList.toggle('picked', picked);
    }
    this.sendAnswer({ choice: i });
  }

  sendAnswer(fields) {
    this.enableAnswer(false);
    setText('answer-status', 'Sending…');
    if (!this.ctx.send({ type: 'answer', question: this.q.question, ...fields })) {
      setText('answer-status', 'Not connected: try again in a moment.');
      this.enableAnswer(true);
    }
  }

  on_answer_accepted(msg) {
    if (this.q && msg.question !== this.q.question) return;
    this.answered = true;
    this.enableAnswer(false);
    setText('answer-status', `Answer in (${seconds(msg.elapsed_ms)}). Waiting for the others…`);
  }

  on_answer_rejected(msg) {
    if (msg.code === 'already_answered') {
      this.answered = true;
      setText('answer-status', 'Answer in (you had already answered).');
      return;
    }
    setText('answer-status', errorText(msg));
    const open = msg.code !== 'too_late' && msg.code !== 'unknown_question';
    this.enableAnswer(open);
    if (open) for (const tile of $$('button.choice')) { tile.classList.remove('picked'); tile.setAttribute('aria-pressed', 'false'); }
  }

  on_question_closed() {
    this.countdown.stop();
    this.enableAnswer(false);
    setText('answer-status', this.answered ? 'Answer in. The host is marking the answers…' : 'Time is up. The host is marking the answers…');
    if (currentScreen() === 'paused') showScreen('question');
  }

  // ---- pause ----

  showPaused(reason, remaining, graceMs) {
    if (currentScreen() !== 'paused') this.beforePause = currentScreen();
    const title = reason === 'host_disconnected' ? 'The host is away' : (this.solo ? 'Paused' : 'The host paused the game');
    setText('paused-title', title);
    let text = remaining !== undefined && this.beforePause === 'question' ? `${Math.ceil(remaining / 1000)} s left on this question when the game goes on.` : '';
    if (reason === 'host_disconnected') {
      text = `Their connection dropped. The game waits${graceMs ? ` up to ${Math.round(graceMs / 1000)} s` : ''} for them to come back. ${text}`;
    }
    // GAME.md: a run whose question clock stopped is never a personal best; say so here.
    if (this.solo && this.beforePause === 'question') text += ' A run paused mid-question does not count for personal bests.';
    setText('paused-text', text);
    show('solo-continue', this.solo);
    showScreen('paused');
  }

  on_paused(msg) {
    this.countdown.pause(msg.remaining_ms);
    this.showPaused(msg.reason, msg.remaining_ms);
  }

  on_host_status(msg) {
    if (!msg.connected && msg.grace_ms === 0) {
      setText('over-status', 'The host has left: there will be no rematch.');
      return;
    }
    // A matched pair's feedback comes after the game: an absent partner pauses nothing there.
    if (currentScreen() === 'feedback') return;
    if (!msg.connected && currentScreen() !== 'over') this.showPaused('host_disconnected', undefined, msg.grace_ms);
    if (!msg.connected && currentScreen() === 'over') setText('over-status', 'The host is away.');
    if (msg.connected && currentScreen() === 'over') setText('over-status', '');
  }

  on_continued(msg) {
    if (this.q && this.beforePause === 'question') this.countdown.start(msg.deadline, this.limit);
    const back = this.beforePause || (this.q ? 'question' : 'lobby');
    this.beforePause = null;
    if (currentScreen() === 'paused') showScreen(back);
  }

  on_time_extended(msg) {
    if (!this.q || msg.question !== this.q.question) return;
    // The extra time counts in the question's length: grow the bar's scale with it.
    const before = this.countdown.frozen !== null ? this.countdown.frozen : this.countdown.deadline - this.ctx.conn.serverNow();
    const extra = this.countdown.frozen !== null ? msg.remaining_ms - before : msg.deadline - this.countdown.deadline;
    this.limit = Math.max(this.limit + Math.max(0, extra), msg.remaining_ms);
    if (currentScreen() === 'paused') this.countdown.pause(msg.remaining_ms);
    else this.countdown.start(msg.deadline, this.limit);
    setText('answer-status', this.answered ? 'Answer in. The host added time.' : 'The host added time.');
  }

  // ---- after the question ----

  on_reveal(msg) {
    this.countdown.stop();
    this.reveal = msg;
    const hasResult = this.result && this.result.question === msg.question;
    const q = this.q && this.q.question === msg.question ? this.q : null;
    // Every right choice: a question may have several, and any of them scored.
    const right = rightChoices(msg, q);
    setText('reveal-question', q ? q.text : '');
    setText('reveal-choice', right.join('\n'));
    setText('reveal-reference', msg.reference);
    setText('reveal-feedback', msg.feedback || '');
    setText('result-answer', right.length > 0 ? `${right.length > 1 ? 'The answers' : 'The answer'}: ${right.join('; ')}` : `The answer: ${msg.reference}`);
    setText('result-feedback', msg.feedback || '');
    setText('result-next', this.nextText(msg));
    setText('standings-next', this.nextText(msg));
    if (hasResult) return;  // self mode: the player graded already; stay on the result
    setText('reveal-own', this.myText ? `Your answer: ${this.myText}` : '');
    setText('reveal-status', '');
    // After a reload during grading the page cannot know whether it answered: offer the
    // grades, and the server refuses them if there was no answer.
    const mayGrade = this.answered || !q;
    const grading = msg.grading && mayGrade && !this.gradeSent(msg.question);
    show('grade', grading);
    for (const button of $$('.grade-button')) button.disabled = !grading;
    if (msg.grading && !mayGrade) setText('reveal-status', 'You did not answer this one. The others are grading their answers.');
    showScreen('reveal');
    if (grading) $$('.grade-button')[2].focus();
  }

  gradeSent(question) {
    return this.graded === question;
  }

  grade(grade) {
    if (!this.reveal) return;
    const question = this.reveal.question;
    this.graded = question;
    for (const button of $$('.grade-button')) button.disabled = true;
    setText('reveal-status', 'Grade sent…');
    this.ctx.send({ type: 'self_grade', question, grade });
  }

  nextText(reveal) {
    if (reveal.grading) return 'Grading…';
    if (reveal.next_at) {
      const s = Math.max(0, Math.round((reveal.next_at - this.ctx.conn.serverNow()) / 1000));
      return `Next question in about ${s} s.`;
    }
    return this.solo ? '' : 'The host moves on when ready.';
  }

  on_result(msg) {
    this.result = msg;
    const verdict = msg.verdict || 'none';
    const node = byId('result-verdict');
    setText(node, verdict);
    node.dataset.verdict = verdict;
    document.querySelector('main[data-screen="result"]').dataset.verdict = verdict;
    const graded = msg.grade ? ` (you graded it ${msg.grade})` : '';
    setText('result-headline', `${VERDICT_TEXT[verdict]}${graded}: +${msg.points} points, ${ordinal(msg.rank)} place.`);
    setText('result-points', msg.points);
    setText('result-total', msg.total);
    setText('result-rank', msg.rank);
    setText('result-streak', msg.streak);
    show('result-comment', !!msg.comment);
    setText('result-comment', msg.comment ? `The interviewer says: ${msg.comment}` : '');
    // A review run: when this question comes back (GAME.md "Review").
    show('result-review', msg.review_days !== undefined);
    if (msg.review_days !== undefined) {
      setText('result-review', msg.review_days === 1
        ? 'Back for review tomorrow.'
        : `Back for review in ${msg.review_days} days.`);
    }
    setText('result-ahead', '');
    show('result-standings-section', false);
    if (this.standings && this.standings.question === msg.question) this.fillResultStandings();
    show('solo-controls', this.solo);
    showScreen('result');
  }

  fillResultStandings() {
    const top = this.standings.top;
    fillStandings(byId('result-standings'), top, this.me);
    show('result-standings-section', top.length > 0);
    if (this.result && this.result.rank > 1) {
      const ahead = top.find((s) => s.rank === this.result.rank - 1);
      setText('result-ahead', ahead ? `Just ahead of you: ${ahead.nickname}, ${ahead.points - this.result.total} points more.` : '');
    } else if (this.result) {
      setText('result-ahead', 'You are in the lead!');
    }
  }

  on_standings(msg) {
    this.standings = msg;
    if (this.result && this.result.question === msg.question) {
      this.fillResultStandings();
      return;
    }
    // No result of our own for this question (joined late, or came back): the board alone.
    fillStandings(byId('standings-list'), msg.top, this.me);
    showScreen('standings');
  }

  // ---- the end ----

  on_game_over(msg) {
    this.countdown.stop();
    this.q = null;
    setText('over-reason', END_REASON[msg.reason] || '');
    byId('podium-slot').append(byId('podium'));
    fillPodium(byId('podium'), msg.standings);
    fillStandings(byId('over-standings'), msg.standings, this.me);
    show('over-standings-section', msg.standings.length > 3);
    const line = byId('final-line');
    setText(line, '');
    line.dataset.points = '';
    line.dataset.rank = '';
    show('personal-best', false);
    show('study', false);
    clear(byId('study-list'));
    show('solo-board-section', false);
    show('summary', false);
    clear(byId('summary'));
    this.summaries = [];
    show('summary-download', false);
    show('over-again', this.solo);
    show('solo-controls', false);
    const pairNote = this.ctx.pairNote();
    setText('over-pair-note', pairNote);
    show('over-pair-note', !!pairNote);
    setText('over-status', '');
    showScreen('over');
  }

  on_final_result(msg) {
    const line = byId('final-line');
    line.dataset.points = String(msg.points);
    line.dataset.rank = String(msg.rank);
    const parts = [`${msg.correct} correct`];
    if (msg.partial) parts.push(`${msg.partial} partly right`);
    parts.push(`${msg.wrong} wrong`);
    if (msg.unanswered) parts.push(`${msg.unanswered} unanswered`);
    setText(line, `You finished ${ordinal(msg.rank)} of ${msg.count} with ${plural(msg.points, 'point', 'points')} (${parts.join(', ')}).`);
    // What was missed, by topic: absent when nothing was. An interview's summary lists the same
    // with the answers, so a candidate reads it there.
    const study = msg.study || [];
    const list = clear(byId('study-list'));
    const shown = study.length > 0 && this.ctx.state.kind !== 'interview';
    if (shown) {
      setText('study-areas', areasLine(study));
      show('study-areas', !!areasLine(study));
      list.append(renderStudyTopics(study));
    }
    show('study', shown);
  }

  on_personal_best(msg) {
    let text;
    if (msg.not_counted) {
      const why = { paused: 'a question was paused', disconnected: 'the connection dropped during a question', extended: 'a question was extended' }[msg.not_counted] || msg.not_counted;
      text = `This run does not count for personal bests: ${why}.`;
    } else if (msg.new_best) {
      text = msg.previous !== undefined ? `New personal best! ${msg.points} points (before: ${msg.previous}).` : `Your first run: ${msg.points} points is your best so far.`;
    } else {
      text = `Your best is still ${msg.previous} points (${plural(msg.runs, 'earlier run', 'earlier runs')}).`;
    }
    const node = byId('personal-best');
    node.dataset.newBest = String(!!msg.new_best);
    setText(node, text);
    show(node, true);
    // The run is on record now: show where it stands among everyone's best runs.
    soloLeaderboard(this.ctx.state.settings)
      .then((board) => {
        fillSoloBoard(byId('solo-board'), board, this.ctx.state.seat ? this.ctx.state.seat.nickname : '');
        show('solo-board-section', true);
      })
      .catch(() => {});
  }

  on_summary(msg) {
    this.summaries.push(msg);
    const section = byId('summary');
    section.append(renderSummary(msg));
    show(section, true);
    show('summary-download', true);
  }

  kicked(msg) {
    this.reset();
    setText('kicked-text', msg.reason || '');
    showScreen('kicked');
  }
}
