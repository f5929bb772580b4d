// The words on a box and on a hook's frame, in the reader's language.
import {t} from './i18n.js';

function label(node) {
  switch (node.kind) {
    case 'chain': return node.table;
    case 'conntrack': return t(`node.${node.table.replaceAll(' ', '-')}`);
    case 'br_netfilter': return t('node.br_netfilter');
    case 'nat-core': return t('node.nat-core');
    default: return t(`node.${node.id}`);
  }
}

/**
 * A box's label, on two lines when it has two words and more than ten letters. A native nftables base chain
 * reads as nft names it, family and table over chain and priority: "inet filter" / "input (0)".
 */
export function boxLines(node) {
  if (node.chain) return [`${node.family} ${node.table}`, `${node.chain} (${node.priority})`];
  const text = label(node);
  const space = text.indexOf(' ');
  return text.length > 10 && space > 0 ? [text.slice(0, space), text.slice(space + 1)] : [text];
}

/** A hook frame's label: which tables' chains it holds and the hook ("iptables PREROUTING"). */
export function frameLabel(node) {
  if (node.nftables === 'only') return `nftables ${node.hook}`;
  return node.nftables ? `${t(`family.${node.family}`)} + nftables ${node.hook}` : `${t(`family.${node.family}`)} ${node.hook}`;
}
