// The Export menu: download the scenario or the trace, copy the trace as text or in the conformance format; a
// failure (a refused scenario, no clipboard) is said in the status line.
import {copyTrace, downloadScenario, downloadTrace} from './export.js';
import {showRefusal} from './notes.js';

export function bindExportMenu(menu, {read, refusals}) {
  async function exporting(action) {
    menu.open = false;
    try {
      const current = read();
      if (current) await action(current);
    } catch (error) {
      showRefusal(refusals, {detail: error.detail || error.message || String(error)});
    }
  }
  const bind = (id, action) => document.getElementById(id).addEventListener('click', () => exporting(action));
  bind('export-scenario', async current => downloadScenario(current));
  bind('export-trace', downloadTrace);
  bind('copy-text', current => copyTrace(current, 'text'));
  bind('copy-conformance', current => copyTrace(current, 'conformance'));
}
