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
    // a refusal (a broken link, a refused scenario) stays until the next run replaces it
    root.selectAll('div.banner.flow').data(flows, d => d.flow).join(enter => {
      const banner = enter.append('div');
      banner.append('span').attr('class', 'swatch').style('background', d => flowColor(d.flow));
      banner.append('strong').attr('class', 'outcome');
      banner.append('span').attr('class', 'label');
      banner.append('span').attr('class', 'rule');
      return banner;
    }).attr('class', d => `banner flow ${d.disposition.toLowerCase()}`).attr('data-flow', d => d.flow)
      .classed('current', d => d.flow === hops[cursor]?.flow)
      .call(banner => {
        banner.select('.outcome').text(d => `${t('packet', d.flow)}: ${t(`verdict.${d.disposition}`, place(d))}`);
        banner.select('.label').text(d => ` — ${d.label}. ${d.sentence}`);
        banner.select('.rule').text(d => {
          const rule = ['DROPPED', 'REJECTED', 'QUEUED'].includes(d.disposition) ? d.rule : null;
          return rule ? ` (${rule.input} ${t('rule.line', rule.line)}: ${rule.text})` : '';
        });
      });
    root.classed('empty', flows.length === 0 && root.select('.refused').empty());
  }

  return {update};
}

/** Where a packet ended, named as the event list names it: the chain (ebtables filter FORWARD), else the place. */
function place(flow) {
  const chain = flow.chain;
  return chain?.chain ? `${t(`family.${chain.family}`)} ${chain.table} ${chain.chain}` : flow.where;
}
