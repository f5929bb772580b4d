// The class's answers to one quiz question in a live session, for the presenter: each answer offered with how
// many chose it, as a bar, and the answers no button offered (a box clicked on the diagram) after them. Once
// revealed, the right one is marked.
import {t} from './i18n.js';

/** A list of the question's answers and their counts; `reveal` marks the right one. */
export function tallyList(question, counts, {reveal, boxName}) {
  const offered = new Map(question.choices.map(choice => [choice.value, choice.label]));
  for (const value of Object.keys(counts || {})) {
    if (!offered.has(value)) offered.set(value, value ? boxName(value) : t('live.tally.other'));
  }
  const total = Object.values(counts || {}).reduce((sum, count) => sum + count, 0);
  const list = document.createElement('ul');
  list.className = 'quiz-tally';
  list.setAttribute('aria-label', t('live.tally.label', total));
  for (const [value, label] of offered) {
    const count = counts?.[value] || 0;
    const row = document.createElement('li');
    row.dataset.value = value;
    if (reveal && value === question.answer) row.classList.add('right');
    const name = document.createElement('span');
    name.className = 'tally-label';
    name.textContent = label;
    const bar = document.createElement('span');
    bar.className = 'tally-bar';
    bar.style.setProperty('--share', total ? String(count / total) : '0');
    const number = document.createElement('span');
    number.className = 'tally-count';
    number.textContent = String(count);
    row.append(name, bar, number);
    list.append(row);
  }
  return list;
}
