// What a player missed, by topic (final_result.study, and the interview summary's
// misses_by_topic): each topic, how many were missed, the questions, and the study guide's
// checklist area that covers it. Built from elements, every text as text.
import { el } from './dom.js';

// A topic for people: "" holds the questions that have no topic.
export const topicName = (topic) => topic || 'Without a topic';

// The checklist areas a list points to, each once, in the list's order (most missed first).
export function studyAreas(list) {
  const areas = [];
  for (const entry of list) if (entry.area && !areas.includes(entry.area)) areas.push(entry.area);
  return areas;
}

// "See the checklist: Evaluation — Can you choose the right metric…?"
export const checklistLine = (entry) => `See the checklist: ${entry.area}${entry.checklist ? ` — ${entry.checklist}` : ''}`;

// One line for the areas involved, or '' when no topic has one.
export function areasLine(list) {
  const areas = studyAreas(list);
  return areas.length ? `Checklist areas to review: ${areas.join(', ')}.` : '';
}

// The list as <li>s of a <ul class="study-topics">, each topic under a `heading` (h3, h4).
// `texts(entry)` gives each question's text (final_result carries them; a summary's come from
// its items); a missing text shows the number.
export function renderStudyTopics(list, texts = (entry) => entry.texts || [], heading = 'h3') {
  const topics = el('ul', { class: 'study-topics' });
  for (const entry of list) {
    const known = texts(entry);
    const questions = el('ol', { class: 'study-questions' });
    entry.questions.forEach((q, i) => {
      // The <li>'s number is the question's own (1-based), whatever its place in this list.
      questions.append(el('li', { value: q + 1, data: { question: q } }, known[i] || `Question ${q + 1}`));
    });
    topics.append(el('li', { class: 'study-topic', data: { topic: entry.topic, missed: entry.questions.length } },
      el(heading, {}, topicName(entry.topic), el('span', { class: 'study-count' }, ` · ${entry.questions.length} missed`)),
      questions,
      entry.area ? el('p', { class: 'study-checklist' }, 'See the checklist: ', el('strong', {}, entry.area),
        entry.checklist ? ` — ${entry.checklist}` : '') : null));
  }
  return topics;
}
