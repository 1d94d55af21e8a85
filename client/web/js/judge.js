// The judge panel: the closed question's answers, identical ones grouped, each with its count,
// the players' names and the server's suggested mark; the host marks each group (with a comment
// and, in interviews, the communication tips the answer showed) or accepts every suggestion.
import { byId, el, clear, setText } from './dom.js';

const MARKS = [['correct', 'Correct'], ['partial', 'Partly right'], ['wrong', 'Wrong']];

export class JudgePanel {
  constructor(ctx) {
    this.ctx = ctx;
    this.request = null;
    this.timer = null;
    byId('accept-all').addEventListener('click', () => {
      if (!this.request) return;
      this.ctx.hostSend('accept_suggestions', { question: this.request.question });
    });
  }

  show(request) {
    this.request = request;
    setText('judge-question', request.text);
    setText('judge-reference', request.reference);
    setText('judge-terms', request.key_terms.length ? `Key terms: ${request.key_terms.join(', ')}` : '');
    const box = clear(byId('judge-groups'));
    if (request.groups.length === 0) box.append(el('p', {}, 'Nobody answered this question.'));
    for (const group of request.groups) box.append(this.groupCard(group, request.tips));
    this.remaining = request.groups.length;
    this.status();
    clearInterval(this.timer);
    if (request.deadline) this.timer = setInterval(() => this.status(), 1000);
  }

  status() {
    const r = this.request;
    if (!r) return;
    let text = `${this.remaining} of ${r.groups.length} groups left to mark.`;
    if (r.deadline) {
      const left = Math.max(0, Math.ceil((r.deadline - this.ctx.conn.serverNow()) / 1000));
      text += ` The suggestions apply by themselves in ${left} s.`;
    }
    setText('judge-status', text);
  }

  groupCard(group, tips) {
    const id = `g${group.group}`;
    const comment = el('textarea', { id: `${id}-comment`, class: 'judge-comment', rows: 2, maxlength: 1000 });
    const tipBoxes = tips.map((tip) => el('span', { class: 'check' },
      el('input', { type: 'checkbox', id: `${id}-tip-${tip}`, value: tip, class: 'tip' }),
      el('label', { for: `${id}-tip-${tip}` }, tip)));
    const card = el('section', { class: 'group', data: { group: group.group, suggestion: group.suggestion }, 'aria-label': `Answer group ${group.group + 1}` },
      el('blockquote', { class: 'group-answer' }, group.answer),
      el('p', { class: 'group-who' }, `${group.count} × `, el('span', { class: 'group-players' }, group.players.join(', '))),
      el('p', { class: 'group-suggestion' }, `Suggested: ${group.suggestion} (${Math.round(group.overlap * 100)} % of the key terms)`),
      el('label', { for: `${id}-comment` }, 'Comment for the player (optional)'),
      comment,
      tips.length ? el('fieldset', { class: 'tips' }, el('legend', {}, 'Communication tips shown'), tipBoxes) : null,
      el('div', { class: 'marks' }, MARKS.map(([verdict, label]) => el('button', {
        type: 'button', class: `mark mark-${verdict}${verdict === group.suggestion ? ' suggested' : ''}`,
        on: { click: () => this.mark(group, verdict, card) },
      }, label))),
      el('p', { class: 'group-mark', role: 'status' }));
    return card;
  }

  mark(group, verdict, card) {
    const msg = { question: this.request.question, group: group.group, verdict };
    const comment = card.querySelector('.judge-comment').value.trim();
    if (comment) msg.comment = comment;
    const tips = Array.from(card.querySelectorAll('input.tip:checked')).map((box) => box.value);
    if (tips.length) msg.tips = tips;
    this.ctx.hostSend('judge', msg);
  }

  judged(msg) {
    if (!this.request || msg.question !== this.request.question) return;
    const card = byId('judge-groups').querySelector(`.group[data-group="${msg.group}"]`);
    if (card) {
      card.dataset.verdict = msg.verdict;
      card.classList.add('judged');
      setText(card.querySelector('.group-mark'), `Marked ${msg.verdict}.`);
    }
    this.remaining = msg.remaining;
    this.status();
  }

  stop() {
    clearInterval(this.timer);
    this.request = null;
  }
}
