// The scenario panel: each part of the scenario in its own field, and the server's refusal shown under
// the field it names, with the offending line selected in place.
import {t} from './i18n.js';

const JSON_FIELDS = {sysctl: ['host', 'sysctl'], interfaces: ['host', 'interfaces'], endpoints: ['endpoints'],
  packets: ['packets']};
const TEXT_FIELDS = {iptables: ['host', 'iptables'], ebtables: ['host', 'ebtables'], nftables: ['host', 'nftables']};

export function Editor(form) {
  let base = {};

  function fill(scenario) {
    base = structuredClone(scenario);
    const host = scenario.host || {};
    form.elements.title.value = scenario.title || '';
    form.elements.notes.value = scenario.notes || '';
    form.elements.backend.value = host.backend || 'nft';
    form.elements.listen.value = (host.listen || []).join(' ');
    form.elements.routes.value = (host.routes || []).join('\n');
    form.elements.ipRules.value = (host.ipRules || []).join('\n');
    for (const [name, path] of Object.entries(JSON_FIELDS)) {
      const value = get(scenario, path);
      form.elements[name].value = value === undefined ? '' : JSON.stringify(value, null, 2);
    }
    for (const [name, path] of Object.entries(TEXT_FIELDS)) {
      form.elements[name].value = get(scenario, path) || '';
    }
    clearProblems();
    form.dispatchEvent(new Event('filled')); // forms drawn from the JSON fields redraw
  }

  /** The scenario as edited, or null after marking the fields that are not valid JSON. */
  function read() {
    clearProblems();
    const scenario = structuredClone(base);
    scenario.host = scenario.host || {};
    scenario.title = form.elements.title.value;
    const notes = form.elements.notes.value; // as written: an exported scenario is the one loaded, byte for byte
    if (notes.trim()) scenario.notes = notes;
    else delete scenario.notes;
    scenario.host.backend = form.elements.backend.value;
    const listen = form.elements.listen.value.trim();
    if (listen) scenario.host.listen = listen.split(/[\s,]+/);
    else delete scenario.host.listen;
    scenario.host.routes = form.elements.routes.value.split('\n').map(line => line.trim()).filter(Boolean);
    const rules = form.elements.ipRules.value.split('\n').map(line => line.trim()).filter(Boolean);
    if (rules.length) scenario.host.ipRules = rules;
    else delete scenario.host.ipRules;
    let valid = true;
    for (const [name, path] of Object.entries(JSON_FIELDS)) {
      const text = form.elements[name].value.trim();
      try {
        set(scenario, path, text ? JSON.parse(text) : undefined);
      } catch (error) {
        mark(name, t('editor.json', error.message), 0);
        valid = false;
      }
    }
    for (const [name, path] of Object.entries(TEXT_FIELDS)) {
      const text = form.elements[name].value;
      set(scenario, path, text.trim() ? text : undefined);
    }
    return valid ? scenario : null;
  }

  /** Puts the server's ProblemDetail under the field it names; returns whether a field took it. */
  function showProblem(problem) {
    clearProblems();
    const name = fieldName(problem.field || '');
    if (!name) return false;
    let line = problem.rulesLine || 0;
    const routeIndex = /^host\.(?:routes|ipRules)\[(\d+)]/.exec(problem.field || '');
    if (routeIndex) line = Number(routeIndex[1]) + 1;
    const where = line ? `${t('error.line', line)}: ` : '';
    mark(name, where + (problem.reason || problem.detail), line);
    return true;
  }

  function mark(name, message, line) {
    const control = form.elements[name];
    const note = document.createElement('p');
    note.className = 'problem';
    note.setAttribute('role', 'alert');
    note.dataset.field = name;
    note.textContent = message;
    control.closest('label').after(note);
    control.setAttribute('aria-invalid', 'true');
    control.closest('details')?.setAttribute('open', ''); // a JSON field behind its toggle shows its problem
    if (line > 0 && control.tagName === 'TEXTAREA') selectLine(control, line);
  }

  function clearProblems() {
    form.querySelectorAll('.problem').forEach(note => note.remove());
    form.querySelectorAll('[aria-invalid]').forEach(control => {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby'); // a row's field points at its note, gone now
    });
  }

  /** Appends a packet to the packets field; its new count, or null after marking a field that is not JSON. */
  function addPacket(packet) {
    clearProblems();
    const control = form.elements.packets;
    let packets;
    try {
      packets = control.value.trim() ? JSON.parse(control.value) : [];
    } catch (error) {
      mark('packets', t('editor.json', error.message), 0);
      return null;
    }
    if (!Array.isArray(packets)) packets = [packets];
    packets.push(packet);
    control.value = JSON.stringify(packets, null, 2);
    return packets.length;
  }

  return {fill, read, showProblem, addPacket};
}

function fieldName(field) {
  if (field === 'title') return 'title';
  const match = /^(host\.)?(\w+)/.exec(field);
  if (!match) return null;
  const names = ['backend', 'listen', 'sysctl', 'interfaces', 'routes', 'ipRules', 'iptables', 'ebtables', 'nftables', 'endpoints',
    'packets'];
  return names.includes(match[2]) ? match[2] : null;
}

function selectLine(textarea, line) {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  textarea.focus({preventScroll: true});
  textarea.setSelectionRange(start, start + (lines[line - 1] || '').length);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

function get(object, path) {
  return path.reduce((value, key) => (value == null ? undefined : value[key]), object);
}

function set(object, path, value) {
  const parent = path.slice(0, -1).reduce((node, key) => (node[key] = node[key] || {}), object);
  if (value === undefined) delete parent[path[path.length - 1]];
  else parent[path[path.length - 1]] = value;
}
