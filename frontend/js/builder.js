// The packet builder (Packet Tracer's "Add Simple PDU"): from a machine or the host, to a machine, the host or
// any address, by service or by hand; the destination address is worked out, never typed. It runs the one
// packet or appends it to the scenario's packets. The scenario's machines come from the editor each time.
import {t} from './i18n.js';
import {ICMP_TYPES, SERVICES, TCP_FLAGS, packetOf, serviceOf, sourceOf} from './packet-draft.js';
import {bare} from './host-addresses.js';

const CUSTOM = 'custom';

export function PacketBuilder(dialog, {scenario, run, add}) {
  const form = dialog.querySelector('form');
  const field = name => form.elements[name];
  const destination = dialog.querySelector('#builder-destination');
  const preview = dialog.querySelector('#builder-preview');
  const status = dialog.querySelector('#builder-status');
  let current = null; // the editor's scenario when the builder opened

  fillOptions(field('service'), [...SERVICES.map(s => [s.id, serviceLabel(s)]), [CUSTOM, t('builder.service.custom')]]);
  fillOptions(field('flags'), TCP_FLAGS.map(flags => [flags, flags]));
  fillOptions(field('icmpType'), ICMP_TYPES.map(type => [type, type]));
  applyService('ping');

  // keys typed here belong to the dialog: space presses its buttons instead of playing the run behind it
  for (const type of ['keydown', 'keyup']) dialog.addEventListener(type, event => event.stopPropagation());
  dialog.querySelector('#builder-close').addEventListener('click', () => dialog.close());
  form.addEventListener('input', event => changed(event.target.name));
  form.addEventListener('change', event => changed(event.target.name));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const built = build();
    if (!built) return;
    dialog.close();
    run({...current, packets: [built.packet]});
  });
  dialog.querySelector('#builder-add').addEventListener('click', () => {
    const built = build();
    if (!built) return;
    const count = add(built.packet);
    status.textContent = count ? t('builder.added', count) : t('builder.packetsInvalid');
  });

  function changed(name) {
    status.textContent = '';
    if (name === 'service' && field('service').value !== CUSTOM) applyService(field('service').value);
    if (['proto', 'port', 'icmpType'].includes(name)) {
      field('service').value = serviceOf(draft())?.id || CUSTOM;
    }
    if (name === 'from' && field('to').value === field('from').value && field('from').value !== 'host') {
      field('to').value = 'host';
    }
    show();
  }

  function applyService(id) {
    const service = SERVICES.find(s => s.id === id);
    field('service').value = id;
    field('proto').value = service.proto;
    if (service.port) field('port').value = service.port;
    if (service.icmpType) field('icmpType').value = service.icmpType;
  }

  function draft() {
    const value = name => field(name).value;
    return {from: value('from'), to: value('to'), other: value('other'), proto: value('proto'), port: value('port'),
      sport: value('sport'), flags: value('flags'), icmpType: value('icmpType'), reply: field('reply').checked};
  }

  /** Shows only the fields the protocol has, the address chosen and the packet as it will leave. */
  function show() {
    clearProblem();
    const proto = field('proto').value;
    form.querySelectorAll('.ports').forEach(label => { label.hidden = proto === 'icmp'; });
    form.querySelector('.tcp').hidden = proto !== 'tcp';
    form.querySelector('.icmp').hidden = proto !== 'icmp';
    form.querySelector('.builder-other').hidden = field('to').value !== 'other';
    disableSelf();
    const result = packetOf(draft(), current);
    destination.textContent = result.destination ? describe(result.destination) : '';
    preview.textContent = result.packet ? line(result.packet) : '';
  }

  /** A machine does not send to itself through the host: its own name is not a destination (the host may: lo). */
  function disableSelf() {
    const from = field('from').value;
    for (const option of field('to').options) option.disabled = option.value === from && from !== 'host';
  }

  function line(packet) {
    const src = packet.src || sourceOf(packet, current, packet.dst.split(':')[0]) || '?';
    const what = packet.tcpFlags ? ` [${packet.tcpFlags}]` : packet.icmpType ? ` ${packet.icmpType}` : '';
    return `${packet.proto} ${src} → ${packet.dst}${what}${packet.reply ? ` · ${t('builder.replyExpected')}` : ''}`;
  }

  function describe({address, facing}) {
    if (facing.kind === 'endpoint') return t('builder.at.endpoint', address, facing.name);
    if (facing.kind === 'other') return t('builder.at.other', address);
    if (facing.loopback) return t('builder.at.loopback', address, facing.dev);
    if (facing.bridge) return t('builder.at.bridge', address, facing.dev, facing.bridge);
    return t('builder.at.host', address, facing.dev);
  }

  /** The packet, or null after naming the field at fault under it. */
  function build() {
    const result = packetOf(draft(), current);
    if (result.problem) {
      showProblem(result.problem.field, problemText(result.problem));
      return null;
    }
    return result;
  }

  function problemText({field: name, code, value}) {
    const label = labelOf(name);
    if (code === 'notIpv4') return t('builder.problem.notIpv4', label, value);
    if (code === 'port') return t('builder.problem.port', label, value ?? '');
    if (code === 'self') return t('builder.problem.self', label);
    return t('builder.problem.noAddress', label);
  }

  const labelOf = name => field(name).closest('label').querySelector('span').textContent;

  function showProblem(name, message) {
    clearProblem();
    const control = field(name) || field('to');
    const note = document.createElement('p');
    note.className = 'problem';
    note.setAttribute('role', 'alert');
    note.dataset.field = control.name;
    note.id = 'builder-problem';
    note.textContent = message;
    control.closest('label').after(note);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', note.id);
    control.focus();
  }

  function clearProblem() {
    form.querySelectorAll('.problem').forEach(note => note.remove());
    form.querySelectorAll('[aria-invalid]').forEach(control => {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    });
  }

  /** Fills the machine menus from the scenario, keeping what was chosen when it still exists. */
  function fillMachines(from) {
    const machines = (current.endpoints || []).map(e => [e.name, `${e.name} (${bare(e.ip)})`]);
    const host = ['host', t('builder.thisHost', current.host?.hostname || '')];
    const keepFrom = from || field('from').value;
    const keepTo = field('to').value;
    fillOptions(field('from'), [...machines, host]);
    fillOptions(field('to'), [host, ...machines, ['other', t('builder.otherAddress')]]);
    const has = (select, value) => [...select.options].some(option => option.value === value);
    field('from').value = has(field('from'), keepFrom) ? keepFrom : (machines[0]?.[0] || 'host');
    field('to').value = has(field('to'), keepTo) && keepTo !== field('from').value ? keepTo
      : field('from').value === 'host' ? (machines[0]?.[0] || 'other') : 'host';
  }

  return {
    /** Opens the builder, the packet starting from `from` (an endpoint's name) when given. */
    open(from) {
      current = scenario();
      if (!current) return false;
      fillMachines(from);
      status.textContent = '';
      show();
      if (!dialog.open) dialog.showModal();
      (from ? field('to') : field('from')).focus();
      return true;
    },
    /** A refusal of the packet the builder ran: shown again under the field it names; false when not the packet's. */
    showRefusal(problem) {
      const match = /^packets\[0]\.(\w+)/.exec(problem.field || '');
      if (!match || !current) return false;
      const names = {from: 'from', dst: field('to').value === 'other' ? 'other' : 'to', src: 'sport', tcpFlags: 'flags',
        icmpType: 'icmpType', proto: 'proto'};
      if (!dialog.open) dialog.showModal();
      showProblem(names[match[1]] || 'to', problem.reason || problem.detail || problem.title);
      return true;
    },
  };
}

/** Clicking a machine on the diagram (or Enter on it) starts a packet from it. */
export function bindEndpointClicks(container, open) {
  const start = event => {
    const machine = event.target.closest?.('[data-endpoint]');
    if (!machine || !container.contains(machine)) return;
    if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open(machine.dataset.endpoint ?? machine.getAttribute('data-endpoint'));
  };
  container.addEventListener('click', start);
  container.addEventListener('keydown', start);
}

function serviceLabel(service) {
  return service.id === 'ping' ? t('builder.service.ping') : `${service.name} (${service.proto}/${service.port})`;
}

function fillOptions(select, pairs) {
  select.replaceChildren(...pairs.map(([value, text]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    return option;
  }));
}
