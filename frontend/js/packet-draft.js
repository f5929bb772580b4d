// What the packet builder's fields mean as a scenario packet (SCENARIO.md's `packets[]`): the service quick
// picks, the destination worked out from the scenario, and the field to blame when something is missing.
import {endpointAddress, hostAddressFacing, hostSourceToward, isIpv4} from './host-addresses.js';

/** The quick picks: each fills the protocol and the destination port (or the ICMP type). */
export const SERVICES = [
  {id: 'ping', proto: 'icmp', icmpType: 'echo-request'},
  {id: 'ssh', name: 'SSH', proto: 'tcp', port: 22},
  {id: 'http', name: 'HTTP', proto: 'tcp', port: 80},
  {id: 'https', name: 'HTTPS', proto: 'tcp', port: 443},
  {id: 'dns', name: 'DNS', proto: 'udp', port: 53},
  {id: 'dns-tcp', name: 'DNS', proto: 'tcp', port: 53},
  {id: 'ntp', name: 'NTP', proto: 'udp', port: 123},
  {id: 'smtp', name: 'SMTP', proto: 'tcp', port: 25},
  {id: 'mysql', name: 'MySQL', proto: 'tcp', port: 3306},
];

export const TCP_FLAGS = ['SYN', 'ACK', 'SYN,ACK', 'PSH,ACK', 'FIN,ACK', 'RST', 'RST,ACK'];
export const ICMP_TYPES = ['echo-request', 'echo-reply', 'destination-unreachable', 'time-exceeded', 'timestamp-request'];

/** The quick pick the hand-set fields amount to, or null (then the pick reads "set by hand"). */
export function serviceOf(draft) {
  return SERVICES.find(s => s.proto === draft.proto
    && (s.proto === 'icmp' ? s.icmpType === draft.icmpType : String(s.port) === String(draft.port).trim())) || null;
}

/**
 * Where the packet goes: {address, facing} where `facing` says how the address was chosen, or {problem}
 * naming the field at fault. `to` is an endpoint's name, `host`, or `other` (then `other` holds the address).
 */
export function destinationOf(draft, scenario) {
  if (draft.to === 'other') {
    const typed = String(draft.other || '').trim();
    return isIpv4(typed) ? {address: typed, facing: {kind: 'other'}} : {problem: {field: 'other', code: 'notIpv4', value: typed}};
  }
  if (draft.to === 'host') {
    const facing = hostAddressFacing(scenario, draft.from);
    return facing ? {address: facing.address, facing: {kind: 'host', ...facing}} : {problem: {field: 'to', code: 'noHostAddress'}};
  }
  if (draft.to === draft.from) return {problem: {field: 'to', code: 'self'}};
  const address = endpointAddress(scenario, draft.to);
  return address ? {address, facing: {kind: 'endpoint', name: draft.to}} : {problem: {field: 'to', code: 'noAddress'}};
}

function port(value) {
  const text = String(value ?? '').trim();
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535 ? Number(text) : null;
}

/** {packet} for the scenario's `packets`, or {problem: {field, code, value}}. */
export function packetOf(draft, scenario) {
  const destination = destinationOf(draft, scenario);
  if (destination.problem) return destination;
  const icmp = draft.proto === 'icmp';
  const dport = icmp ? null : port(draft.port);
  if (!icmp && dport == null) return {problem: {field: 'port', code: 'port', value: draft.port}};
  const sportText = String(draft.sport ?? '').trim();
  const sport = icmp || !sportText ? null : port(sportText);
  if (!icmp && sportText && sport == null) return {problem: {field: 'sport', code: 'port', value: sportText}};
  const packet = {from: draft.from, proto: draft.proto};
  if (sport != null) packet.src = `${sourceOf(draft, scenario, destination.address)}:${sport}`;
  packet.dst = icmp ? destination.address : `${destination.address}:${dport}`;
  if (draft.proto === 'tcp') packet.tcpFlags = draft.flags || 'SYN';
  if (icmp) packet.icmpType = draft.icmpType || 'echo-request';
  packet.reply = Boolean(draft.reply);
  return {packet, destination};
}

/** The sender's address: an endpoint's own, or the host's toward the destination. */
export function sourceOf(draft, scenario, dst) {
  return draft.from === 'host' ? hostSourceToward(scenario, dst) : endpointAddress(scenario, draft.from);
}
