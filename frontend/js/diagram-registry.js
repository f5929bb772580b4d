// The hook registry the diagram is drawn from: the backend's classic picture (fetched once per backend), or for a
// scenario with native nftables tables, the host's own (fetched once per ruleset).
import {getJson, postJson} from './api.js';

export function DiagramRegistry() {
  const fetched = new Map();

  /** The registry for the scenario about to be shown. */
  async function of(shown) {
    const backend = shown.host?.backend || 'nft';
    const key = shown.host?.nftables ? `${backend}\n${shown.host.nftables}` : backend;
    if (!fetched.has(key)) fetched.set(key, await load(backend, shown));
    return fetched.get(key);
  }

  /** With native tables, the scenario's own (the plain one if the server refuses it: the run says why). */
  async function load(backend, shown) {
    if (shown.host?.nftables) {
      try {
        return await postJson('/api/diagram', shown);
      } catch {
        // the run reports what is wrong with the rules; the diagram shows the hooks without them
      }
    }
    return getJson(`/api/diagram?backend=${encodeURIComponent(backend)}`);
  }

  return {of};
}
