// Taking a scenario away: its JSON and its trace's JSON as files, its trace as text on the clipboard
// (the same text the command line's trace --format text|conformance prints).
import {postText, postJson} from './api.js';

export function downloadJson(name, value) {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], {type: 'application/json'});
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

export async function downloadTrace(scenario) {
  downloadJson(`${fileName(scenario)}.trace.json`, await postJson('/api/simulations', scenario));
}

export function downloadScenario(scenario) {
  downloadJson(`${fileName(scenario)}.json`, scenario);
}

/** Copies the trace in a text format and returns the text (so a failed clipboard can still show it). */
export async function copyTrace(scenario, format) {
  const text = await postText(`/api/simulations?format=${encodeURIComponent(format)}`, scenario);
  await navigator.clipboard.writeText(text);
  return text;
}

function fileName(scenario) {
  return (scenario.title || 'scenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}
