// The kernel's path drawn over the boxes: a dashed outline and a "K" on each box a compared trace went
// through, in red with "≠" on the box where it parts from the simulation. It sits outside the box, so the
// simulated path's own marks (lit, visited, counts) stay as they are.
import d3 from './d3.js';

export function drawKernelPath(nodes, path, font) {
  nodes.selectAll('g.node').each(function (box) {
    const on = Boolean(path && path.kernel.has(box.id));
    const diverged = Boolean(path && path.diverged === box.id);
    const node = d3.select(this).classed('kernel', on).classed('diverged', diverged);
    node.selectAll('g.kernel-path').data(on || diverged ? [box] : []).join(enter => {
      const g = enter.append('g').attr('class', 'kernel-path');
      g.append('rect').attr('class', 'kernel-outline');
      g.append('text').attr('class', 'kernel-badge');
      return g;
    }).call(g => g.select('rect').attr('x', d => d.x - 4).attr('y', d => d.y - 4).attr('width', d => d.width + 8)
      .attr('height', d => d.height + 8).attr('rx', 8))
      .call(g => g.select('text').attr('x', d => d.x - 2).attr('y', d => d.y + d.height + 2)
        .style('font-size', `${font * 0.85}px`).text(diverged ? 'K ≠' : 'K'));
  });
}
