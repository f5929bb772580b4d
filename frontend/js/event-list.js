// Every hop received, as Packet Tracer lists events: click a row to show that hop.
import {t} from './i18n.js';
import {flowColor} from './palette.js';
import {stageName} from './inspector.js';
import d3 from './d3.js';

export function EventList(container, {onSelect}) {
  const list = d3.select(container);

  function update(hops, cursor) {
    const rows = list.selectAll('li').data(hops, d => d.seq).join(enter => {
      const row = enter.append('li').attr('tabindex', -1).on('click', (event, d) => onSelect(hops.indexOf(d)));
      row.append('span').attr('class', 'seq').text(d => d.seq);
      row.append('span').attr('class', 'swatch').style('background', d => flowColor(d.flow))
        .attr('title', d => t('packet', d.flow));
      row.append('span').attr('class', 'stage').text(d => stageName(d));
      row.append('span').attr('class', 'what').text(d => d.verdict || t(`kind.${d.kind}`));
      return row;
    });
    rows.classed('current', (d, i) => i === cursor).classed('future', (d, i) => i > cursor);
    const current = rows.filter((d, i) => i === cursor).node();
    if (current) current.scrollIntoView({block: 'nearest'});
  }

  return {update};
}
