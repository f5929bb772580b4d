// Places the server's grid (col, row) inside the host: the local process on top, the IPv4 hooks in the middle,
// the bridge below, each hook framed around its boxes; the host's ports on its bottom edge with the machines
// cabled to them. Everything is measured in the type size `font` (px), so boxes fit their words.
import {boxLines, frameLabel} from './box-labels.js';
import {t} from './i18n.js';

/** Sizes in units of the type size: the same proportions at every size. */
const EM = {pad: 0.45, gap: 1.1, box: 2.75, label: 1.25, framePad: 0.25, channel: 1.1, strip: 2.8, margin: 0.4,
  title: 1.35, pill: 1.5, cable: 1.0, machine: 2.6};

export function layout(diagram, scene, font, measure) {
  const em = value => value * font;
  const boxes = diagram.nodes.filter(node => node.kind !== 'hook' && node.kind !== 'nic');
  const columns = [...new Set(boxes.map(node => node.col))].sort((a, b) => a - b);
  const frames = diagram.nodes.filter(node => node.kind === 'hook').map(node => withNative(node, diagram.nodes));
  const widths = columnWidths(boxes, columns, font, measure, frames);
  const x0 = em(EM.margin + EM.strip) + em(EM.gap) / 2;
  const left = new Map();
  let x = x0;
  for (const col of columns) {
    left.set(col, x);
    x += widths.get(col) + em(EM.gap);
  }
  const host = {x: em(EM.margin), y: em(EM.margin + EM.title), width: x - em(EM.gap) / 2, label: hostLabel(hostInfo(scene))};
  host.width -= host.x;
  const pitch = em(EM.box + EM.label + 2 * EM.framePad + EM.channel);
  const rowTop = row => host.y + em(EM.channel) / 2 + em(EM.label + EM.framePad) + row * pitch;
  const nodes = diagram.nodes.filter(node => node.kind !== 'nic').map(node =>
    (node.kind === 'hook' ? frame(withNative(node, diagram.nodes), left, widths, rowTop, font, measure)
      : box(node, left, widths, rowTop, font, measure)));
  const byId = new Map(nodes.map(node => [node.id, node]));
  const rowsBottom = rowTop(diagram.rows - 1) + em(EM.box + EM.framePad);
  const ports = placePorts(hostInfo(scene).ports, host, rowsBottom, font, measure);
  ports.list.forEach(port => byId.set(port.id, port));
  host.height = ports.edge - host.y;
  const width = host.x + host.width + em(EM.margin);
  const height = ports.bottom + em(EM.margin);
  return {width, height, font, nodes, byId, host, ports: ports.list, groups: ports.groups, machines: ports.machines,
    bands: bands(host, rowTop, pitch, diagram.rows, font, ports.edge, tools(diagram.nodes)), channel: em(EM.channel)};
}

function hostInfo(scene) {
  return scene || {hostname: '', ports: [], bridges: []};
}

function hostLabel(info) {
  return info.hostname ? `${t('host.label')} ${info.hostname}` : t('host.label');
}

function columnWidths(boxes, columns, font, measure, frames = []) {
  const widths = new Map(columns.map(col => [col, 3.2 * font]));
  for (const node of boxes) {
    if (node.kind === 'process') continue; // alone in its row: it spreads over its neighbours
    const text = Math.max(...boxLines(node).map(line => measure(line)));
    widths.set(node.col, Math.max(widths.get(node.col), text + 2 * EM.pad * font));
  }
  // a frame of few boxes is as wide as its label, which widens its last column
  for (const frame of frames) {
    const cols = columns.filter(col => col >= frame.col && col < frame.col + Math.max(1, frame.span));
    const label = measure(frameLabel(frame)) + 2 * EM.framePad * font;
    const inside = cols.reduce((sum, col) => sum + widths.get(col), 0) + (cols.length - 1) * EM.gap * font;
    if (cols.length && label > inside) {
      const last = cols[cols.length - 1];
      widths.set(last, widths.get(last) + label - inside);
    }
  }
  return widths;
}

function box(node, left, widths, rowTop, font, measure) {
  const lines = boxLines(node);
  const height = EM.box * font;
  let width = widths.get(node.col);
  let x = left.get(node.col);
  if (node.kind === 'process') {
    const wide = Math.max(...lines.map(line => measure(line))) + 2 * font;
    x += (width - wide) / 2;
    width = wide;
  }
  const y = rowTop(node.row);
  return {...node, lines, x, y, width, height, cx: x + width / 2, cy: y + height / 2};
}

/** A hook's frame names nftables too when native base chains are among its boxes, or alone when only they are. */
function withNative(frameNode, all) {
  const members = all.filter(node => node.group === frameNode.id && node.kind === 'chain');
  if (!members.some(node => node.chain)) return frameNode;
  return {...frameNode, nftables: members.every(node => node.chain) ? 'only' : 'also'};
}

function frame(node, left, widths, rowTop, font, measure) {
  const span = Math.max(1, node.span);
  const first = left.get(node.col);
  const lastCol = [...left.keys()].filter(col => col >= node.col && col < node.col + span).pop();
  const pad = EM.framePad * font;
  const x = first - pad;
  const y = rowTop(node.row) - EM.label * font - pad;
  const width = left.get(lastCol) + widths.get(lastCol) - first + 2 * pad;
  const height = EM.box * font + EM.label * font + 2 * pad;
  const text = frameLabel(node);
  return {...node, x, y, width, height, cx: x + width / 2, cy: y + height / 2, text,
    labelBox: {x: x + pad, y, width: measure(text) + pad, height: EM.label * font}};
}

/**
 * The ports on the host's bottom edge, spread over its width, each wide enough for the machines under it;
 * a bridge's ports framed together, its name before them.
 */
function placePorts(ports, host, rowsBottom, font, measure) {
  const em = value => value * font;
  const slots = ports.map((port, i) => {
    const machines = port.machines.map(m => ({...m, width: Math.max(measure(m.name), measure(m.ip, 400)) + em(1.2)}));
    const pill = measure(port.name) + em(1);
    const opens = port.bridge && ports[i - 1]?.bridge !== port.bridge;
    const lead = opens ? measure(port.bridge, 700) + em(0.8) : 0;
    const span = Math.max(pill, machines.reduce((sum, m) => sum + m.width + em(0.6), 0) - em(0.6));
    return {port, machines, pill, span, lead};
  });
  const edge = rowsBottom + em(EM.channel * 2 + EM.pill / 2);
  const used = slots.reduce((sum, slot) => sum + slot.span + slot.lead, 0);
  const space = Math.max(em(1), (host.width - used) / (slots.length + 1));
  let x = host.x + space;
  const list = [];
  const machines = [];
  for (const slot of slots) {
    x += slot.lead;
    const cx = x + slot.span / 2;
    const port = {id: slot.port.id, kind: 'port', name: slot.port.name, bridge: slot.port.bridge,
      lead: slot.lead, x: cx - slot.pill / 2, y: edge - em(EM.pill) / 2, width: slot.pill, height: em(EM.pill), cx, cy: edge};
    list.push(port);
    let mx = cx - (slot.machines.reduce((sum, m) => sum + m.width + em(0.6), 0) - em(0.6)) / 2;
    for (const machine of slot.machines) {
      const y = port.y + port.height + em(EM.cable);
      machines.push({...machine, port: port.id, x: mx, y, width: machine.width, height: em(EM.machine),
        cx: mx + machine.width / 2});
      mx += machine.width + em(0.6);
    }
    x += slot.span + space;
  }
  const bottom = machines.length ? Math.max(...machines.map(m => m.y + m.height)) : edge + em(EM.pill) / 2;
  return {list, machines, groups: bridgeGroups(list, font), edge, bottom};
}

/** A bridge drawn as a frame around its ports, its name at the frame's start. */
function bridgeGroups(ports, font) {
  const groups = new Map();
  for (const port of ports.filter(p => p.bridge)) {
    if (!groups.has(port.bridge)) groups.set(port.bridge, []);
    groups.get(port.bridge).push(port);
  }
  return [...groups].map(([name, members]) => {
    const first = members[0];
    const x = first.x - first.lead;
    const right = Math.max(...members.map(p => p.x + p.width)) + 0.3 * font;
    return {name, x, y: first.y - 0.3 * font, width: right - x, height: first.height + 0.6 * font,
      labelX: x + 0.4 * font, labelY: first.cy, labelBox: {x, y: first.y, width: first.lead, height: first.height}};
  });
}

/** The background bands: the process row, the network layer (rows 1-2), the link layer (rows 3 on, and the
 * ports); their labels run up the left strip, clear of every box. */
function bands(host, rowTop, pitch, rows, font, edge, tool) {
  const top = row => rowTop(row) - (EM.label + EM.framePad + EM.channel / 2) * font;
  const band = (key, from, to, kind) => ({key, kind, x: host.x + 2, width: host.width - 4, y: top(from),
    height: (to === rows ? edge : top(to)) - top(from)});
  return [band('layer.process', 0, 1, 'process'), band(`layer.network${tool.ip}`, 1, 3, 'network'),
    band(`layer.link${tool.bridge}`, 3, rows, 'link')];
}

/** Which tools' chains a layer holds: the classic ones (''), native nftables only ('-nft'), or both ('-both'). */
function tools(nodes) {
  const of = family => {
    const chains = nodes.filter(node => node.kind === 'chain' && (node.family === 'bridge') === (family === 'bridge'));
    const native = chains.some(node => node.chain);
    if (!native) return '';
    return chains.every(node => node.chain) ? '-nft' : '-both';
  };
  return {ip: of('ip'), bridge: of('bridge')};
}
