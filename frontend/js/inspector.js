// The hop being shown: where it is, the packet with what changed highlighted, the chain's rules with the
// deciding one marked, and the plain sentence saying why. All user text goes in as text, never as HTML.
import d3 from './d3.js';
import {has, t} from './i18n.js';
import {packetFields} from './packet-fields.js';
import {flowColor} from './palette.js';

export function Inspector(container) {
  const root = d3.select(container);

  /** `chains`: every chain's rules with their lines as the server loaded them (the run's summary), or none yet. */
  function show(hop, previous, chains, position) {
    root.selectAll('*').remove();
    if (!hop) {
      root.append('p').attr('class', 'empty').text(t('hop.none'));
      return;
    }
    const head = root.append('p').attr('class', 'where');
    head.append('span').attr('class', 'swatch').style('background', flowColor(hop.flow));
    head.append('span').text(` ${t('packet', hop.flow)} · ${position} · ${stageName(hop)}`);
    if (hop.verdict) head.append('strong').attr('class', 'verdict').text(` → ${hop.verdict}`);
    root.append('p').attr('class', 'why').attr('id', 'why').text(hop.why);
    fields(hop, previous);
    rules(hop, chains);
  }

  function fields(hop, previous) {
    const table = root.append('table').attr('class', 'packet');
    const rows = table.selectAll('tr').data(packetFields(hop.packet, previous?.packet)).join('tr')
      .attr('data-field', d => d.key).classed('changed', d => d.was != null);
    rows.append('th').text(d => d.label);
    const cell = rows.append('td');
    cell.append('span').attr('class', 'value').text(d => d.value);
    cell.filter(d => d.was != null).append('span').attr('class', 'was').text(d => ` ${t('field.was', d.was || '—')}`);
  }

  function rules(hop, chains) {
    const {family, table, chain} = hop.stage;
    if (!chain || !chains || !['CHAIN', 'RULE', 'POLICY'].includes(hop.kind)) return;
    const list = chains.find(c => c.family === family && c.table === table && c.chain === chain)?.rules || [];
    root.append('h3').text(t('rules', hop.stage.base ? `nftables ${family} ${table} ${chain}`
      : `${t(`family.${family}`)} ${table} ${chain}`));
    if (list.length === 0) {
      root.append('p').attr('class', 'empty').text(t('rules.none'));
      return;
    }
    const decided = hop.kind === 'POLICY' ? list.find(rule => rule.kind === 'policy')?.line : hop.rule?.line;
    const items = root.append('ol').attr('class', 'rules').selectAll('li').data(list).join('li')
      .attr('data-line', d => d.line).classed('decided', d => d.line === decided).classed('policy', d => d.kind === 'policy');
    items.append('span').attr('class', 'line').text(d => t('rule.line', d.line));
    items.append('code').text(d => d.text);
  }

  /**
   * A box the reader clicked: its chain's rules with the run's counters beside them, and the packets that went
   * through the box up to the hop shown (each a link to its first hop there).
   */
  function showBox(box, {hops, cursor, summary, where, seek}) {
    root.selectAll('*').remove();
    root.append('p').attr('class', 'where').text(box.name);
    const seen = [];
    hops.slice(0, cursor + 1).forEach((hop, index) => {
      if (where(hop) === box.id && !seen.some(visit => visit.flow === hop.flow)) seen.push({flow: hop.flow, index});
    });
    root.append('h3').text(t('box.packets'));
    if (!seen.length) root.append('p').attr('class', 'empty').text(t('box.none'));
    const visits = root.append('ul').attr('class', 'visits').selectAll('li').data(seen).join('li');
    const link = visits.append('button').attr('type', 'button').on('click', (event, d) => seek(d.index));
    link.append('span').attr('class', 'swatch').style('background', d => flowColor(d.flow));
    link.append('span').text(d => ` ${t('packet', d.flow)} · ${t('hop.of', d.index + 1, hops.length)}`);
    if (box.kind === 'chain') counted(box, summary);
  }

  function counted(box, summary) {
    const {family, table} = box;
    const hook = box.chain ?? box.hook;
    const list = summary?.chains?.find(c => c.family === family && c.table === table && c.chain === hook)?.rules || [];
    const counts = summary?.counters || [];
    root.append('h3').text(t('rules', box.chain ? `nftables ${family} ${table} ${hook}` : `${t(`family.${family}`)} ${table} ${hook}`));
    if (!list.length) {
      root.append('p').attr('class', 'empty').text(t(summary ? 'rules.none' : 'box.run'));
      return;
    }
    const count = rule => counts.find(c => c.family === family && c.table === table && c.chain === hook
      && (rule.kind === 'policy' ? c.text === 'policy' : c.line === rule.line));
    const items = root.append('ol').attr('class', 'rules counted').selectAll('li').data(list).join('li')
      .attr('data-line', d => d.line).classed('policy', d => d.kind === 'policy');
    items.append('span').attr('class', 'line').text(d => t('rule.line', d.line));
    items.append('code').text(d => d.text);
    items.append('span').attr('class', 'counter').text(d => t('box.counter', count(d)?.packets ?? 0, count(d)?.bytes ?? 0));
  }

  return {show, showBox};
}

/** Where a hop is, for people: the chain, the hook function, or the box the server placed it in. */
export function stageName(hop) {
  const {family, hook, table, chain, base} = hop.stage;
  if (table && chain && base) return `nftables ${family} ${table} ${chain}`;
  if (table && chain) return `${t(`family.${family}`)} ${table} ${chain}`;
  if (table) return `${functionName(table)} (${hook})`;
  switch (hop.node) {
    case 'nic-in': return t('stage.rx', hop.packet.in ?? '');
    case 'nic-out': return t('stage.xmit', hop.packet.out ?? '');
    case 'output-routing': return t('stage.output-routing');
    case 'routing': case 'bridging': case 'bridge-check': case 'local-process': return t(`node.${hop.node}`);
    default: return family ? `${family} ${hook}` : hook;
  }
}

/** A hook function's label as the diagram shows it (conntrack confirm), translated when the bundle has it. */
function functionName(label) {
  const key = `node.${label.replaceAll(' ', '-')}`;
  return has(key) ? t(key) : label;
}
