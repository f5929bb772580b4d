// The marks a box wears for the hops shown so far: a chain verdict that ends a packet (a drop, its REJECT's
// drop, a queue) and NAT's rewrites; a later mark on a box replaces an earlier one.
import {t} from './i18n.js';

export function marksUpTo(hops, nodes, cursor) {
  const marks = new Map();
  for (let i = 0; i <= cursor; i++) {
    const hop = hops[i];
    const verdict = hop.verdict || '';
    const rule = hop.rule ? `${hop.rule.input} ${t('rule.line', hop.rule.line)}: ${hop.rule.text}` : null;
    const title = rule ? `${rule} — ${hop.why}` : hop.why;
    if (verdict === 'drop' || verdict === 'policy drop') {
      marks.set(nodes[i], {type: 'drop', symbol: '✕', flow: hop.flow, title, rule: hop.rule});
    } else if (verdict === 'queue' && hop.reason?.code !== 'NFQUEUE_BYPASS') {
      marks.set(nodes[i], {type: 'queue', symbol: '⏸', flow: hop.flow, title, rule: hop.rule});
    } else if (hop.kind === 'NAT') {
      marks.set(nodes[i], {type: 'nat', symbol: 'N', flow: hop.flow, title: hop.why});
    }
  }
  return marks;
}
