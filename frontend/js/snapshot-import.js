// A host snapshot (what capture.sh wrote) loaded as a file: the server turns it into a scenario and says what it
// could not carry over and which machines it suggested; that report joins the scenario's notes, which the page
// shows beside the run and an export keeps.
import {postJson} from './api.js';
import {t} from './i18n.js';

export const SNAPSHOT_SCHEMA = 'netfilter-flow/snapshot@1';

export function isSnapshot(loaded) {
  return loaded?.schema === SNAPSHOT_SCHEMA;
}

/** The scenario of a snapshot, its notes followed by the import's report. */
export async function importSnapshot(snapshot) {
  const {scenario, report} = await postJson('/api/import', snapshot);
  const lines = report.map(line => `- ${line}`).join('\n');
  return {...scenario, notes: `${scenario.notes}\n\n**${t('import.report', report.length)}**\n\n${lines}`};
}
