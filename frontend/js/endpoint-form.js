// The host's interfaces and the machines cabled to them, as rows in the editor instead of JSON: a machine is
// cabled to one of the host's interfaces, chosen from a menu of those the rows name.
import {t} from './i18n.js';
import {RowsForm} from './rows-form.js';

const KINDS = ['loopback', 'bridge', 'veth'];

export function EndpointForms(form) {
  let interfaces = [];
  const names = kind => interfaces.filter(i => i.name && (kind ? i.kind === kind : true)).map(i => [i.name, i.name]);

  const interfaceRows = RowsForm(form.querySelector('[data-rows=interfaces]'), {
    textarea: form.elements.interfaces,
    fields: [
      {key: 'name', label: 'rows.name'},
      {key: 'kind', label: 'rows.kind', options: () => [['', 'ethernet'], ...KINDS.map(kind => [kind, kind])]},
      {key: 'master', label: 'rows.master', options: () => [['', t('rows.none')], ...names('bridge')]},
      {key: 'mac', label: 'rows.mac', wide: true},
      {key: 'addresses', label: 'rows.addresses', list: true, wide: true},
    ],
    blank: items => ({name: unused(items, 'eth', 0)}),
    name: (item, index) => t('rows.interface', index + 1, item.name || ''),
    onChange: items => {
      interfaces = items;
      interfaceRows.updateOptions();
      endpointRows.updateOptions();
    },
  });

  const endpointRows = RowsForm(form.querySelector('[data-rows=endpoints]'), {
    textarea: form.elements.endpoints,
    fields: [
      {key: 'name', label: 'rows.name'},
      // a machine is cabled to a routed interface or a bridge's port, never to the bridge or the loopback
      {key: 'attach', label: 'rows.attach', options: () => interfaces
        .filter(i => i.name && !['bridge', 'loopback'].includes(i.kind)).map(i => [i.name, i.name])},
      {key: 'mac', label: 'rows.mac', wide: true},
      {key: 'ip', label: 'rows.ip', wide: true},
      {key: 'gateway', label: 'rows.gateway'},
      {key: 'listen', label: 'rows.listen', list: true},
    ],
    // a machine needs a MAC: a locally administered one no other machine has, shown so it can be changed
    blank: items => ({name: unused(items, 'machine', 1), mac: unusedMac(items),
      attach: interfaces.find(i => i.name && !['bridge', 'loopback'].includes(i.kind))?.name || ''}),
    name: (item, index) => t('rows.endpoint', index + 1, item.name || ''),
  });

  /** Redraws both from the JSON (the editor was filled, or its JSON typed in). */
  function refresh() {
    try {
      const parsed = JSON.parse(form.elements.interfaces.value || '[]');
      if (Array.isArray(parsed)) interfaces = parsed;
    } catch {
      // the rows keep the last interfaces that could be read
    }
    interfaceRows.refresh();
    endpointRows.refresh();
  }

  /** Marks the row's field a refusal names (`endpoints[3].mac`); false when it names none. */
  function showProblem(problem) {
    const match = /^(host\.interfaces|endpoints)\[(\d+)]\.(\w+)/.exec(problem.field || '');
    if (!match) return false;
    return (match[1] === 'endpoints' ? endpointRows : interfaceRows).mark(Number(match[2]), match[3],
      problem.reason || problem.detail);
  }

  form.elements.interfaces.addEventListener('input', refresh);
  form.addEventListener('filled', refresh);
  refresh();
  return {refresh, showProblem};
}

/** The first of prefix0, prefix1… (from `from`) that no row is named. */
function unused(items, prefix, from) {
  let n = from;
  while (items.some(item => item.name === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function unusedMac(items) {
  const hex = n => n.toString(16).padStart(2, '0');
  let n = items.length + 1;
  while (items.some(item => item.mac === `02:00:00:00:01:${hex(n % 256)}`)) n++;
  return `02:00:00:00:01:${hex(n % 256)}`;
}
