// A comparison's result as text: identical, or where the kernel's trace parts from the simulation with both
// lines in full, then the two traces side by side (the first differing row marked and brought into view).
import {t} from './i18n.js';

export function showComparison(container, status, result) {
  status.textContent = result.identical
    ? t('compare.identical', result.kernel.length, result.format)
    : t('compare.differs', result.firstDivergence + 1, result.inCommon, result.kernel.length);
  container.replaceChildren();
  if (!result.identical) container.append(firstDifference(result));
  for (const text of notes(result)) container.append(paragraph('compare-note', text));
  const columns = document.createElement('p');
  columns.className = 'compare-columns';
  columns.setAttribute('aria-hidden', 'true'); // each row's cells say it again to a screen reader's list
  columns.append(document.createElement('span'), cell('simulated', t('compare.simulation')),
    cell('kernel', t('compare.kernelSide')));
  container.append(columns);
  const list = document.createElement('ol');
  list.className = 'compare-rows';
  list.setAttribute('aria-label', t('compare.rows'));
  result.rows.forEach((row, index) => list.append(rowItem(result, row, index)));
  container.append(list);
  list.querySelector('.diverged')?.scrollIntoView({block: 'nearest'});
}

function firstDifference(result) {
  const row = result.rows[result.firstDivergence];
  const box = document.createElement('section');
  box.className = 'compare-first';
  box.append(paragraph('compare-heading', t('compare.first')));
  const kernel = row.kernel != null ? result.kernel[row.kernel] : null;
  box.append(labelled('kernel', kernel ? t('compare.kernel', kernel.source) : t('compare.kernel', '–'),
    kernel ? kernel.line : t('compare.none')));
  const simulated = row.simulated != null ? result.simulated[row.simulated] : null;
  box.append(labelled('simulated', t('compare.simulation'), simulated ? simulated.line : t('compare.none')));
  return box;
}

function notes(result) {
  const list = [];
  if (result.skipped.count) {
    const more = result.skipped.count > result.skipped.lines.length ? ', …' : '';
    list.push(t('compare.skipped', result.skipped.count, result.skipped.lines.join(', ') + more));
  }
  for (const table of result.leftOut) list.push(t('compare.leftOut', table));
  return list;
}

function rowItem(result, row, index) {
  const item = document.createElement('li');
  item.className = `compare-row mark-${{'=': 'same', '|': 'changed', '<': 'simulated', '>': 'kernel'}[row.mark]}`;
  item.dataset.row = String(index);
  if (index === result.firstDivergence) {
    item.classList.add('diverged');
    item.setAttribute('aria-current', 'true');
  }
  const mark = document.createElement('span');
  mark.className = 'compare-mark';
  mark.textContent = row.mark;
  item.append(mark,
    cell('simulated', row.simulated != null ? result.simulated[row.simulated].line : ''),
    cell('kernel', row.kernel != null ? result.kernel[row.kernel].line : ''));
  return item;
}

function labelled(side, label, line) {
  const p = document.createElement('p');
  p.className = `compare-line ${side}`;
  const name = document.createElement('strong');
  name.textContent = label;
  const code = document.createElement('code');
  code.textContent = line;
  p.append(name, code);
  return p;
}

function cell(side, line) {
  const code = document.createElement('code');
  code.className = side;
  code.textContent = line;
  return code;
}

function paragraph(className, text) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}
