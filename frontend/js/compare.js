// The "Compare with a real trace" dialog: the user pastes what nft monitor trace (or the kernel log) printed on
// the host, the server sets it beside the simulation (POST /api/compare), and the dialog says whether they are
// identical or shows where they part; the caller draws the kernel's path on the diagram.
import {postJson} from './api.js';
import {t} from './i18n.js';
import {showComparison} from './compare-rows.js';

export function CompareDialog(dialog, {scenario, compared}) {
  const form = dialog.querySelector('form');
  const trace = form.elements.trace;
  const status = dialog.querySelector('#compare-status');
  const result = dialog.querySelector('#compare-result');
  let made = 0;

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const current = scenario();
    if (!current) return;
    const request = ++made;
    delete dialog.dataset.ready;
    status.textContent = t('compare.running');
    result.replaceChildren();
    try {
      const answer = await postJson('/api/compare', {scenario: current, trace: trace.value});
      if (request !== made) return;
      showComparison(result, status, answer);
      dialog.dataset.ready = answer.identical ? 'identical' : 'different';
      compared(current, answer);
    } catch (problem) {
      if (request !== made) return;
      const where = problem.line ? ` (${problem.line})` : '';
      status.textContent = t('compare.failed', (problem.detail || problem.title || String(problem)) + where);
      dialog.dataset.ready = 'refused';
    }
  });
  dialog.querySelector('#compare-close').addEventListener('click', () => dialog.close());

  return {
    open() {
      dialog.showModal();
      trace.focus();
    },
  };
}
