// A file chosen in the editor: a scenario (one downloaded from here, or written by hand) as it is, or a host
// snapshot (what capture.sh wrote) made into one by the server; null after showing why it cannot be loaded.
import {t} from './i18n.js';
import {importSnapshot, isSnapshot} from './snapshot-import.js';
import {showRefusal} from './notes.js';

export async function readScenarioFile(file, refusals) {
  let loaded;
  try {
    loaded = JSON.parse(await file.text());
  } catch (error) {
    showRefusal(refusals, {detail: t('file.invalid', file.name, error.message)});
    return null;
  }
  if (!isSnapshot(loaded)) return loaded;
  try {
    return await importSnapshot(loaded);
  } catch (problem) {
    showRefusal(refusals, problem);
    return null;
  }
}
