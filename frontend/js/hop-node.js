// Where a hop is drawn: its box, or for a frame received or sent, the port of the device it came in or left by.
import {portId} from './host-ports.js';

export function shownNode(hop) {
  if (hop.node === 'nic-in' && hop.packet?.in) return portId(hop.packet.in);
  if (hop.node === 'nic-out' && hop.packet?.out) return portId(hop.packet.out);
  return hop.node;
}

/** The diagram's edges with "NIC in" and "NIC out" as every port of the host: a frame uses its own. */
export function edgesWithPorts(edges, ports) {
  return edges.flatMap(edge => {
    if (edge.from === 'nic-in') return ports.map(port => ({...edge, from: port.id}));
    if (edge.to === 'nic-out') return ports.map(port => ({...edge, to: port.id}));
    return [edge];
  });
}

/** Whether a hop's packet is an answer (a reply, a REJECT's answer) rather than one the scenario sends. */
export function isAnswer(firstHop) {
  const label = firstHop?.reason?.args?.label;
  return Boolean(label && label.code && label.code !== 'LABEL_PACKET');
}
