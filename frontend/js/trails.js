// The way each packet went, drawn along the diagram's edges: a lane per packet (so a reply never hides its
// request), answers dashed, earlier packets faded, and a numbered token that runs the newest piece.
import d3 from './d3.js';
import {isAnswer} from './hop-node.js';
import {COLORS, flowColor} from './palette.js';
import {polyline} from './svg-tools.js';

export function Trails(layers, view) {
  /** The pieces up to `cursor`: every edge a packet took between two hops (`nodes`: where each hop is drawn). */
  function pieces({hops, nodes, cursor, geometry, router, route}) {
    const list = [];
    const answers = new Map();
    for (let i = 0; i <= cursor; i++) {
      if (!answers.has(hops[i].flow)) answers.set(hops[i].flow, isAnswer(hops[i]));
      if (i === 0 || hops[i].flow !== hops[i - 1].flow || nodes[i] === nodes[i - 1]) continue;
      const path = route(nodes[i - 1], nodes[i]);
      for (let k = 1; k < path.length; k++) {
        list.push({id: `${hops[i].seq}:${k}`, flow: hops[i].flow, hop: i, from: path[k - 1], to: path[k],
          answer: answers.get(hops[i].flow), lane: lane(hops[i].flow, geometry.font),
          points: router.line(path[k - 1], path[k])});
      }
    }
    return list;
  }

  function draw(trails, flow, duration) {
    const fresh = trails.length ? trails[trails.length - 1].hop : -1;
    layers.trails.selectAll('path').data(trails, d => d.id).join(
      enter => enter.append('path').attr('class', 'trail').attr('d', d => polyline(shifted(d)))
        .call(path => {
          if (duration <= 0) return;
          path.filter(d => d.hop === fresh).each(function () {
            const length = this.getTotalLength();
            d3.select(this).attr('stroke-dasharray', `${length} ${length}`).attr('stroke-dashoffset', length)
              .transition().duration(duration).ease(d3.easeLinear).attr('stroke-dashoffset', 0)
              .on('end interrupt', function () { d3.select(this).attr('stroke-dasharray', null); });
          });
        }),
      update => update,
      exit => exit.remove())
      .attr('data-from', d => d.from).attr('data-to', d => d.to).attr('data-flow', d => d.flow)
      .attr('data-lane', d => d.lane)
      .classed('answer', d => d.answer).classed('earlier', d => d.flow !== flow)
      .style('stroke', d => flowColor(d.flow))
      .attr('marker-end', d => `url(#arrow-${(d.flow - 1) % COLORS.length})`);
  }

  /** The token of hop `cursor`'s packet: it runs the pieces that reach that hop, or stands where it rests. */
  function moveToken({trails, nodes, cursor, flow, duration, geometry}) {
    const token = layers.token.selectAll('g.token').data(cursor >= 0 ? [{flow}] : []).join(enter => {
      const g = enter.append('g').attr('class', 'token');
      g.append('circle');
      g.append('text');
      return g;
    }).style('fill', d => flowColor(d.flow));
    token.select('circle').attr('r', geometry.font * 0.8);
    token.select('text').text(d => d.flow);
    if (cursor < 0) return;
    const arriving = trails.filter(trail => trail.hop === cursor);
    const target = restingPoint(trails, nodes[cursor], flow, geometry);
    token.interrupt();
    if (duration <= 0 || !arriving.length) {
      token.attr('transform', `translate(${target[0]},${target[1]})`);
      return;
    }
    const path = view.append('path').attr('d', polyline(arriving.flatMap(shifted))).attr('class', 'guide');
    const length = path.node().getTotalLength();
    token.transition().duration(duration).ease(d3.easeCubicInOut).attrTween('transform', () => progress => {
      const point = path.node().getPointAtLength(progress * length);
      return `translate(${point.x},${point.y})`;
    }).on('end interrupt', () => path.remove());
  }

  return {pieces, draw, moveToken};
}

function lane(flow, font) {
  return (((flow - 1) % 4) - 1.5) * 0.22 * font;
}

function shifted(trail) {
  return trail.points.map(([x, y]) => [x + trail.lane, y + trail.lane]);
}

/** Where the token rests: where its packet's trail last reached the box, else on the box's top edge. */
function restingPoint(trails, id, flow, geometry) {
  for (let i = trails.length - 1; i >= 0; i--) {
    const trail = trails[i];
    if (trail.flow === flow && trail.to === id && trail.points.length) return shifted(trail).pop();
    if (trail.flow === flow) break;
  }
  const node = geometry.byId.get(id);
  return node ? [node.cx, node.y] : [0, 0];
}
