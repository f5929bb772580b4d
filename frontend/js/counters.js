// The rule counters after a run, as `iptables -t TABLE -vL` and `ebtables -t TABLE -L --Lc` show them:
// which rules the packets hit, in the layout people know from the terminal.
import {postText} from './api.js';
import {t} from './i18n.js';

export function CountersDialog(dialog) {
  const text = dialog.querySelector('#counters-text');
  dialog.querySelector('#counters-close').addEventListener('click', () => dialog.close());

  return {
    async open(scenario) {
      text.textContent = t('counters.loading');
      dialog.showModal();
      try {
        text.textContent = await postText('/api/simulations?format=counters', scenario);
        dialog.dataset.ready = 'true';
      } catch (problem) {
        text.textContent = problem.detail || problem.title || String(problem);
      }
    },
  };
}
