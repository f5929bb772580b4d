// One banner per packet once the reader has reached its last hop: delivered to whom, or dropped,
// rejected or queued where and by which rule.
import d3 from './d3.js';
import {t} from './i18n.js';
import {flowColor} from './palette.js';

export function Verdicts(container) {
  const root = d3.select(container);

  function update(hops, summary, cursor) {
    const lastIndex = new Map();
    hops.forEach((hop, index) => lastIndex.set(hop.flow, index));
    const flows = (summary?.flows || []).filter(flow => (lastIndex.get(flow.flow) ?? Infinity) <= cursor);
    root.selectAll('div.banner').data(flows, d => d && d.flow).join(enter => {
      const banner = enter.append('div');
      banner.append('span').attr('class', 'swatch').style('background', d => flowColor(d.flow));
      banner.append('strong').attr('class', 'outcome');
      banner.append('span').attr('class', 'label');
      banner.append('span').attr('class', 'rule');
      return banner;
    }).attr('class', d => `banner ${d.disposition.toLowerCase()}`).attr('data-flow', d => d.flow)
      .call(banner => {
        banner.select('.outcome').text(d => `${t('packet', d.flow)}: ${t(`verdict.${d.disposition}`, d.where)}`);
        banner.select('.label').text(d => ` — ${d.label}. ${d.sentence}`);
        banner.select('.rule').text(d => {
          const rule = ['DROPPED', 'REJECTED', 'QUEUED'].includes(d.disposition) ? d.rule : null;
          return rule ? ` (${rule.input} ${t('rule.line', rule.line)}: ${rule.text})` : '';
        });
      });
    root.classed('empty', flows.length === 0);
  }

  return {update};
}
