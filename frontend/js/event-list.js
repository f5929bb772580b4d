// Every hop received, as Packet Tracer lists events, a chain's visit folded into one row that shows its
// verdict: click a row to show that hop (a folded visit: its verdict), filter by packet, place or kind.
import {t} from './i18n.js';
import {flowColor} from './palette.js';
import {stageName} from './inspector.js';
import {area, eventRows, rowHop, stepHop} from './event-rows.js';
import d3 from './d3.js';

export function EventList(container, {onSelect, filters: filterMenus, empty}) {
  const list = d3.select(container).attr('tabindex', 0);
  const filters = EventFilters(filterMenus, () => update(shown.hops, shown.cursor));
  let shown = {hops: [], cursor: -1, rows: []};

  // the list is one tab stop: up and down move through the hops the filters show, as in a list box (a folded
  // visit opens as the cursor enters it); Enter jumps to the verdict of the visit the current hop is in
  list.on('keydown', event => {
    const {hops, cursor, rows} = shown;
    if (hops.length === 0) return;
    const step = {ArrowDown: 1, ArrowUp: -1}[event.key];
    if (step) {
      event.preventDefault();
      const next = stepHop(hops, cursor, filters.values(), step);
      if (next !== null) onSelect(next);
    } else if (event.key === 'Enter') {
      const row = rows.find(r => r.hops.includes(cursor));
      if (row?.group) {
        event.preventDefault();
        onSelect(row.group[row.group.length - 1]);
      }
    }
  });

  function update(hops, cursor) {
    filters.offer(hops);
    const rows = eventRows(hops, cursor, filters.values());
    shown = {hops, cursor, rows};
    const items = list.selectAll('li').data(rows, row => row.key).join(enter => {
      const row = enter.append('li').attr('tabindex', -1).on('click', (event, d) => onSelect(rowHop(d)));
      row.append('span').attr('class', 'seq');
      row.append('span').attr('class', 'swatch');
      row.append('span').attr('class', 'stage');
      const what = row.append('span').attr('class', 'what');
      what.append('span').attr('class', 'verdict');
      what.append('span').attr('class', 'count');
      return row;
    });
    items.each(function (row) {
      fill(d3.select(this), row, hops);
    });
    const isCurrent = row => row.hops.includes(cursor);
    items.classed('current', isCurrent).classed('future', row => row.hops[0] > cursor)
      .attr('aria-current', row => (isCurrent(row) ? 'step' : null));
    empty.hidden = hops.length === 0 || rows.length > 0;
    const current = items.filter(isCurrent).node();
    if (current) keepInView(container, current);
  }

  return {update};
}

/** Scrolls the list, never the page (on a phone the list is below the diagram), to show the row. */
function keepInView(list, row) {
  const shown = list.getBoundingClientRect();
  const place = row.getBoundingClientRect();
  if (place.top < shown.top) list.scrollTop -= shown.top - place.top;
  else if (place.bottom > shown.bottom) list.scrollTop += place.bottom - shown.bottom;
}

/** One row's text: a folded visit shows its span of hops, its chain and its verdict; a hop shows itself. */
function fill(item, row, hops) {
  const first = hops[row.hops[0]];
  const folded = row.hops.length > 1;
  const group = row.group;
  item.classed('group', folded).classed('in-group', row.open)
    .classed('group-start', row.open && group[0] === row.hops[0])
    .classed('group-end', row.open && group[group.length - 1] === row.hops[0]);
  item.select('.seq').text(folded ? `${first.seq}–${hops[rowHop(row)].seq}` : first.seq);
  item.select('.swatch').style('background', flowColor(first.flow)).attr('title', t('packet', first.flow));
  item.select('.stage').text(stageName(first));
  item.select('.verdict').text(folded ? verdict(row.hops.map(i => hops[i])) : what(first));
  item.select('.count').text(folded ? ` (${t('events.hops', row.hops.length)})` : '');
}

function what(hop) {
  return hop.verdict || t(`kind.${hop.kind}`);
}

/** How a visit ended, and in which chain when a rule of another chain (a jump's target) decided. */
function verdict(visit) {
  const last = visit.findLast(hop => hop.verdict) ?? visit[visit.length - 1];
  const chain = last.stage.chain;
  return chain && chain !== visit[0].stage.chain ? `${what(last)} · ${chain}` : what(last);
}

/**
 * The filter menus: the packets, places and kinds the trace has so far, each with "all" first. A new run
 * (no hops) shows everything again.
 */
function EventFilters(group, changed) {
  const menu = name => group.querySelector(`select[name=${name}]`);
  const menus = {packet: menu('packet'), where: menu('where'), kind: menu('kind')};
  let offered = '';
  group.addEventListener('change', changed);

  function offer(hops) {
    const choices = {
      packet: unique(hops.map(hop => String(hop.flow))).map(flow => [flow, t('packet', flow)]),
      where: places(hops),
      kind: unique(hops.map(hop => hop.kind)).map(kind => [kind, t(`kind.${kind}`)]),
    };
    const signature = JSON.stringify(choices);
    if (signature === offered) return;
    offered = signature;
    for (const [name, menu] of Object.entries(menus)) {
      const keep = hops.length ? menu.value : '';
      const all = menu.options[0];
      menu.replaceChildren(all, ...choices[name].map(([value, label]) => new Option(label, value)));
      menu.value = choices[name].some(([value]) => value === keep) ? keep : '';
    }
  }

  return {offer, values: () => ({packet: menus.packet.value, where: menus.where.value, kind: menus.kind.value})};
}

/** iptables, then each iptables table the trace visits; the same for ebtables; then the other places. */
function places(hops) {
  const seen = unique(hops.map(area));
  const choices = [];
  for (const family of ['ip', 'bridge']) {
    const tables = seen.filter(place => place.startsWith(`${family}:`));
    if (tables.length === 0) continue;
    choices.push([family, t(`family.${family}`)]);
    tables.forEach(place => choices.push([place, `${t(`family.${family}`)} ${place.slice(family.length + 1)}`]));
  }
  for (const other of ['conntrack', 'nat', 'routing', 'device']) {
    if (seen.includes(other)) choices.push([other, t(`events.where.${other}`)]);
  }
  return choices;
}

function unique(values) {
  return [...new Set(values)];
}
