// Text blocks beside the diagram: the scenario's notes and a refused scenario's reason, as plain text.
import {t} from './i18n.js';

/**
 * The notes, a paragraph per blank-line-separated block, with Markdown's inline marks shown as they mean:
 * `code`, **strong** and *emphasis*. Built from text nodes, so nothing in the notes can become markup.
 */
export function showNotes(container, notes) {
  container.replaceChildren();
  const blocks = (notes || '').split(/\n\s*\n/).map(block => block.trim()).filter(Boolean);
  if (blocks.length === 0) blocks.push(t('notes.none'));
  for (const block of blocks) {
    const paragraph = document.createElement('p');
    paragraph.append(...inline(block));
    container.append(paragraph);
  }
}

const MARKS = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;

function inline(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(MARKS)) {
    nodes.push(document.createTextNode(text.slice(last, match.index)));
    const [tag, content] = match[1] != null ? ['code', match[1]] : match[2] != null ? ['strong', match[2]] : ['em', match[3]];
    const element = document.createElement(tag);
    element.textContent = content;
    nodes.push(element);
    last = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
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
