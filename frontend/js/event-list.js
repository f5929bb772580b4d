// Every hop received, as Packet Tracer lists events: click a row to show that hop.
import {t} from './i18n.js';
import {flowColor} from './palette.js';
import {stageName} from './inspector.js';
import d3 from './d3.js';

export function EventList(container, {onSelect}) {
  const list = d3.select(container).attr('tabindex', 0);
  let shown = {hops: [], cursor: -1};
  // the list is one tab stop; up and down move through the hops, as in a list box
  list.on('keydown', event => {
    const step = {ArrowDown: 1, ArrowUp: -1}[event.key];
    if (!step || shown.hops.length === 0) return;
    event.preventDefault();
    onSelect(Math.max(0, Math.min(shown.hops.length - 1, shown.cursor + step)));
  });

  function update(hops, cursor) {
    shown = {hops, cursor};
    const rows = list.selectAll('li').data(hops, d => d.seq).join(enter => {
      const row = enter.append('li').attr('tabindex', -1).on('click', (event, d) => onSelect(hops.indexOf(d)));
      row.append('span').attr('class', 'seq').text(d => d.seq);
      row.append('span').attr('class', 'swatch').style('background', d => flowColor(d.flow))
        .attr('title', d => t('packet', d.flow));
      row.append('span').attr('class', 'stage').text(d => stageName(d));
      row.append('span').attr('class', 'what').text(d => d.verdict || t(`kind.${d.kind}`));
      return row;
    });
    rows.classed('current', (d, i) => i === cursor).classed('future', (d, i) => i > cursor)
      .attr('aria-current', (d, i) => (i === cursor ? 'step' : null));
    const current = rows.filter((d, i) => i === cursor).node();
    if (current) current.scrollIntoView({block: 'nearest'});
  }

  return {update};
}
