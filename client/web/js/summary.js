// An interview summary as a page (built from elements, every text as text) and as Markdown for
// download. The download is made in the page from a Blob: nothing goes back to the server.
import { el } from './dom.js';
import { seconds } from './words.js';
import { areasLine, checklistLine, renderStudyTopics, topicName } from './study.js';

const VERDICT = { correct: 'correct', partial: 'partly right', wrong: 'wrong' };

export function renderSummary(s) {
  const items = el('ol', { class: 'summary-items' });
  for (const item of s.items) {
    items.append(el('li', { class: `summary-item ${item.verdict || 'unanswered'}` },
      el('h4', {}, item.text),
      el('p', { class: 'label' }, (item.topics || []).join(' · ')),
      el('p', {}, el('strong', {}, 'Answer: '), item.answer !== undefined ? item.answer : '(no answer)'),
      el('p', {}, el('strong', {}, 'Reference: '), item.reference),
      el('p', {}, el('strong', {}, 'Mark: '), item.verdict ? VERDICT[item.verdict] : 'not marked',
        ` · ${item.points} points · ${seconds(item.time_ms)}`),
      item.comment ? el('p', { class: 'comment' }, el('strong', {}, 'Comment: '), item.comment) : null,
      item.tips && item.tips.length ? el('p', {}, el('strong', {}, 'Tips shown: '), item.tips.join(', ')) : null));
  }
  // What to review: each topic with its questions (their texts from the items) and its
  // checklist area.
  const textOf = new Map(s.items.map((item) => [item.question, item.text]));
  const areas = areasLine(s.misses_by_topic);
  const misses = el('div', { class: 'study' },
    areas ? el('p', { class: 'label' }, areas) : null,
    renderStudyTopics(s.misses_by_topic, (m) => m.questions.map((q) => textOf.get(q)), 'h4'));
  return el('article', { class: 'summary-card', data: { player: s.player } },
    el('h2', {}, `Interview summary: ${s.nickname}`),
    el('p', {}, `Interviewer: ${s.interviewer} · rank ${s.rank} · ${s.points} points · ${s.correct} correct, ${s.partial} partly right, ${s.wrong} wrong, ${s.unanswered} unanswered · ${seconds(s.time_ms)} answering`),
    items,
    el('h3', {}, 'To review'),
    s.misses_by_topic.length ? misses : el('p', {}, 'Nothing: every answer was correct.'),
    el('h3', {}, 'Communication tips'),
    el('p', {}, `Shown: ${s.tips_shown.length ? s.tips_shown.join(', ') : 'none'}`),
    el('p', {}, `To work on: ${s.tips_missed.length ? s.tips_missed.join(', ') : 'none'}`));
}

// One side's feedback in a matched interview, as a card: {heading, sent, missing, ratings,
// went_well, work_on}; `titles` names each rated area (id -> title).
// Without `heading` the card has no title of its own (its section names it).
export function renderFeedback(f, titles = new Map(), heading = true) {
  const card = el('article', { class: 'summary-card feedback-card', data: { feedback: f.key || '' } },
    heading ? el('h3', {}, f.heading) : null);
  if (!f.sent) {
    card.append(el('p', {}, f.missing));
    return card;
  }
  if (f.ratings.length) {
    const list = el('ul', { class: 'ratings' });
    for (const r of f.ratings) {
      list.append(el('li', { data: { area: r.area, score: r.score } },
        el('span', { class: 'rating-area' }, titles.get(r.area) || r.area),
        el('meter', { min: 1, max: 5, value: r.score, 'aria-hidden': 'true' }),
        el('span', { class: 'rating-score' }, `${r.score} of 5`)));
    }
    card.append(list);
  } else {
    card.append(el('p', {}, 'No area rated.'));
  }
  card.append(
    el('p', { class: 'went-well' }, el('strong', {}, 'Went well: '), f.went_well || '(nothing written)'),
    el('p', { class: 'work-on' }, el('strong', {}, 'Work on: '), f.work_on || '(nothing written)'));
  return card;
}

// Markdown is plain text here; a line break or a leading '#' in an answer could only change how
// the downloaded file looks, never run anything.
const oneLine = (text) => String(text).replace(/\s*\n\s*/g, ' ');

// `feedback` (a matched interview's, both ways) follows the summaries, as renderFeedback takes it.
export function summaryMarkdown(summaries, feedback = [], titles = new Map()) {
  const out = [];
  for (const s of summaries) {
    out.push(`# Interview summary: ${oneLine(s.nickname)}`, '');
    out.push(`Interviewer: ${oneLine(s.interviewer)}. Rank ${s.rank}, ${s.points} points: ${s.correct} correct, ${s.partial} partly right, ${s.wrong} wrong, ${s.unanswered} unanswered; ${seconds(s.time_ms)} answering.`, '');
    s.items.forEach((item, i) => {
      out.push(`## ${i + 1}. ${oneLine(item.text)}`, '');
      if (item.topics && item.topics.length) out.push(`Topics: ${item.topics.join(', ')}`, '');
      out.push(`- **Answer:** ${item.answer !== undefined ? oneLine(item.answer) : '(no answer)'}`);
      out.push(`- **Reference:** ${oneLine(item.reference)}`);
      out.push(`- **Mark:** ${item.verdict ? VERDICT[item.verdict] : 'not marked'}, ${item.points} points, ${seconds(item.time_ms)}`);
      if (item.comment) out.push(`- **Comment:** ${oneLine(item.comment)}`);
      if (item.tips && item.tips.length) out.push(`- **Tips shown:** ${item.tips.join(', ')}`);
      out.push('');
    });
    out.push('## To review', '');
    const areas = areasLine(s.misses_by_topic);
    if (areas) out.push(areas, '');
    for (const m of s.misses_by_topic) {
      out.push(`- ${topicName(m.topic)}: ${m.questions.map((q) => q + 1).join(', ')}`);
      if (m.area) out.push(`  - ${oneLine(checklistLine(m))}`);
    }
    if (!s.misses_by_topic.length) out.push('Nothing: every answer was correct.');
    out.push('', '## Communication tips', '');
    out.push(`- Shown: ${s.tips_shown.join(', ') || 'none'}`);
    out.push(`- To work on: ${s.tips_missed.join(', ') || 'none'}`, '');
  }
  if (feedback.length) out.push('# Feedback', '');
  for (const f of feedback) {
    out.push(`## ${oneLine(f.heading)}`, '');
    if (!f.sent) {
      out.push(oneLine(f.missing), '');
      continue;
    }
    if (f.ratings.length) {
      for (const r of f.ratings) out.push(`- ${oneLine(titles.get(r.area) || r.area)}: ${r.score} of 5`);
    } else {
      out.push('No area rated.');
    }
    out.push('', `**Went well:** ${f.went_well ? oneLine(f.went_well) : '(nothing written)'}`, '');
    out.push(`**Work on:** ${f.work_on ? oneLine(f.work_on) : '(nothing written)'}`, '');
  }
  return out.join('\n');
}

export function download(filename, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
