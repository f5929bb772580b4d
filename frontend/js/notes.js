// Text blocks beside the diagram: the scenario's notes and a refused scenario's reason, as plain text.
import {t} from './i18n.js';

/** The notes, a paragraph per blank-line-separated block; Markdown marks stay as typed. */
export function showNotes(container, notes) {
  container.replaceChildren();
  const blocks = (notes || '').split(/\n\s*\n/).map(block => block.trim()).filter(Boolean);
  if (blocks.length === 0) blocks.push(t('notes.none'));
  for (const block of blocks) {
    const paragraph = document.createElement('p');
    paragraph.textContent = block;
    container.append(paragraph);
  }
}

export function showRefusal(container, problem) {
  const banner = document.createElement('div');
  banner.className = 'banner refused';
  banner.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = `${t('run.failed')}: `;
  const detail = document.createElement('span');
  detail.textContent = problem.detail || problem.title || '';
  banner.append(title, detail);
  container.replaceChildren(banner);
}
