// A hop's packet as rows for people: headers first, then the skb's metadata.
import {t} from './i18n.js';

const endpoint = (address, port) => (address == null ? '' : port == null ? address : `${address}:${port}`);

const FIELDS = [
  ['ethernet', p => (p.ethSrc || p.ethDst ? `${p.ethSrc ?? '?'} → ${p.ethDst ?? '?'}` : '')],
  ['source', p => endpoint(p.src, p.sport)],
  ['destination', p => endpoint(p.dst, p.dport)],
  ['protocol', p => [p.proto, p.tcpFlags ? `[${p.tcpFlags}]` : '', p.icmpType ?? '',
    p.icmpCode != null && p.embedded ? `code ${p.icmpCode}` : ''].filter(Boolean).join(' ')],
  ['ttl', p => String(p.ttl)],
  ['length', p => String(p.length)],
  ['mark', p => p.mark ?? ''],
  ['ct', p => (p.ctState ? `${p.ctState}${p.ctId != null ? ` #${p.ctId}` : ''}` : '')],
  ['in', p => p.in ?? ''],
  ['out', p => p.out ?? ''],
  ['physin', p => p.physIn ?? ''],
  ['physout', p => p.physOut ?? ''],
  ['embedded', p => p.embedded ?? ''],
];

/** {@code tcp 10.99.0.100:55586 → 172.17.0.3:80 SYN}: the packet in one line, as a caption shows it. */
export function packetLine(p) {
  if (!p) return '';
  return `${p.proto || ''} ${endpoint(p.src, p.sport)} → ${endpoint(p.dst, p.dport)} ${p.tcpFlags || p.icmpType || ''}`.trim();
}

/** [{key, label, value, was}] where `was` is the value at the flow's previous hop when it changed. */
export function packetFields(packet, previous) {
  return FIELDS.map(([key, read]) => {
    const value = read(packet);
    const before = previous ? read(previous) : value;
    return {key, label: t(`field.${key}`), value, was: before !== value ? before : null};
  }).filter(field => field.value !== '' || field.was);
}
