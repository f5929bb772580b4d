// Places the server's grid (col, row) on the drawing: the local process on top, the IPv4 hooks in the
// middle, the bridge below, the NICs at the sides, each hook framed around its boxes.

export const CELL = {width: 104, height: 86};
export const BOX = {width: 90, height: 48};
const PAD = {top: 30, side: 12, left: 26, bottom: 12};

export function layout(diagram) {
  const width = diagram.columns * CELL.width + PAD.left + PAD.side;
  const height = diagram.rows * CELL.height + PAD.top + PAD.bottom;
  const nodes = diagram.nodes.map(node => place(node));
  const byId = new Map(nodes.map(node => [node.id, node]));
  return {width, height, nodes, byId, bands: bands(diagram, width)};
}

function place(node) {
  const left = PAD.left + node.col * CELL.width + (CELL.width - BOX.width) / 2;
  const top = PAD.top + node.row * CELL.height + (CELL.height - BOX.height) / 2;
  if (node.kind === 'hook') {
    const span = Math.max(1, node.span);
    return {...node, x: left - 6, y: top - 18, width: (span - 1) * CELL.width + BOX.width + 12,
      height: BOX.height + 24, cx: left + ((span - 1) * CELL.width + BOX.width) / 2, cy: top + BOX.height / 2};
  }
  const tall = node.kind === 'nic' ? BOX.height + CELL.height : BOX.height;
  const y = node.kind === 'nic' ? top - CELL.height / 2 : top;
  const wide = node.kind === 'process' ? BOX.width * 1.8 : BOX.width;
  const x = left - (wide - BOX.width) / 2;
  return {...node, x, y, width: wide, height: tall, cx: x + wide / 2, cy: y + tall / 2};
}

/** The background bands: the process row, the network layer (rows 1-2), the link layer (rows 3-4);
 * their labels run up the left margin, clear of every box. */
function bands(diagram, width) {
  const band = (key, from, to, kind) => ({key, kind, x: 2, width: width - 4,
    y: PAD.top + from * CELL.height - 4, height: (to - from + 1) * CELL.height + 4});
  return [band('layer.process', 0, 0, 'process'), band('layer.network', 1, 2, 'network'),
    band('layer.link', 3, diagram.rows - 1, 'link')];
}
