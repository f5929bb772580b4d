// Where a hop is drawn: its box, or for a frame received or sent, the port of the device it came in or left by.
import {hostPorts, portId} from './host-ports.js';

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

/** The server's diagram as the page draws it around a scenario's host: "NIC in" and "NIC out" are its ports. */
export function withPorts(description, scenario) {
  const ports = hostPorts(scenario).ports;
  const rows = description.rows ?? 5;
  const nodes = description.nodes.filter(node => node.kind !== 'nic')
    .concat(ports.map((port, i) => ({id: port.id, kind: 'port', label: port.name, col: (i * description.columns) / ports.length, row: rows})));
  return {...description, nodes, edges: edgesWithPorts(description.edges, ports)};
}
