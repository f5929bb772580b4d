// The combined ebtables+iptables diagram: boxes from the server's registry, the trail of every packet so
// far, and a token that moves along the edges to the hop being shown.
import d3 from './d3.js';
import {t} from './i18n.js';
import {layout} from './layout.js';
import {Routes} from './routes.js';
import {flowColor} from './palette.js';

const curve = d3.line().curve(d3.curveCatmullRom.alpha(0.5));

export function Diagram(container) {
  const svg = d3.select(container).append('svg').attr('class', 'flow')
    .attr('preserveAspectRatio', 'xMidYMid meet').attr('role', 'img');
  const layers = {};
  for (const name of ['bands', 'frames', 'edges', 'trails', 'nodes', 'token']) {
    layers[name] = svg.append('g').attr('class', name);
  }
  let geometry = null;
  let route = null;

  function draw(diagram) {
    geometry = layout(diagram);
    route = Routes(diagram);
    svg.attr('viewBox', `0 0 ${geometry.width} ${geometry.height}`)
      .attr('data-backend', diagram.backend)
      .attr('aria-label', `${t('layer.network')} / ${t('layer.link')} (${diagram.backend})`);
    drawBands();
    drawFrames();
    drawEdges(diagram.edges);
    drawNodes();
    layers.trails.selectAll('*').remove();
    layers.token.selectAll('*').remove();
  }

  function drawBands() {
    layers.bands.selectAll('g.band').data(geometry.bands, d => d.key).join(enter => {
      const band = enter.append('g').attr('class', d => `band ${d.kind}`);
      band.append('rect').attr('rx', 8);
      band.append('text').attr('class', 'band-label');
      return band;
    }).call(band => {
      band.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
        .attr('height', d => d.height);
      band.select('text').attr('transform', d => `translate(${d.x + 15},${d.y + d.height / 2}) rotate(-90)`)
        .text(d => t(d.key));
    });
  }

  function drawFrames() {
    const frames = geometry.nodes.filter(node => node.kind === 'hook' && node.span > 0);
    layers.frames.selectAll('g.frame').data(frames, d => d.id).join(enter => {
      const frame = enter.append('g');
      frame.append('rect').attr('rx', 6);
      frame.append('text').attr('class', 'frame-label');
      return frame;
    }).attr('class', d => `frame node ${d.family}`).attr('data-id', d => d.id).call(frame => {
      frame.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
        .attr('height', d => d.height);
      frame.select('text').attr('x', d => d.x + 6).attr('y', d => d.y + 12)
        .text(d => `${t(`family.${d.family}`)} ${d.hook}`);
    });
  }

  function drawEdges(edges) {
    layers.edges.selectAll('path').data(edges, d => `${d.from}>${d.to}`).join('path')
      .attr('class', d => `edge ${d.kind}`)
      .attr('d', d => curve([center(d.from), center(d.to)]));
  }

  function drawNodes() {
    const boxes = geometry.nodes.filter(node => node.kind !== 'hook');
    layers.nodes.selectAll('g.node').data(boxes, d => d.id).join(enter => {
      const node = enter.append('g');
      node.append('rect').attr('rx', d => (d.kind === 'decision' ? 18 : 6));
      node.append('text').attr('class', 'label');
      node.append('text').attr('class', 'caption');
      node.append('text').attr('class', 'count');
      return node;
    }).attr('class', d => `node ${d.kind} ${d.family || 'none'}`).attr('data-id', d => d.id)
      .attr('data-family', d => d.family).call(node => {
        node.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
          .attr('height', d => d.height);
        node.select('.label').attr('x', d => d.cx).attr('y', d => d.cy - (lines(d).length > 1 ? 5 : 2))
          .call(text => text.selectAll('tspan').data(d => lines(d)).join('tspan')
            .attr('x', function () { return this.parentNode.getAttribute('x'); })
            .attr('dy', (line, i) => (i === 0 ? 0 : '1.1em')).text(line => line));
        node.select('.caption').attr('x', d => d.cx).attr('y', d => d.cy + 14)
          .text(d => (lines(d).length > 1 ? '' : caption(d)));
        node.select('.count').attr('x', d => d.x + d.width - 4).attr('y', d => d.y + d.height - 5).text('');
      });
  }

  /** Shows hop `cursor`: lights its box, draws every trail up to it, moves the token there. */
  function show({hops, nodes, cursor, animate, duration}) {
    if (!geometry) return;
    const visits = new Map();
    const devices = {};
    for (let i = 0; i <= cursor; i++) {
      if (!visits.has(nodes[i])) visits.set(nodes[i], new Set());
      visits.get(nodes[i]).add(hops[i].flow);
      if (nodes[i] === 'nic-in' && hops[i].packet.in) devices['nic-in'] = hops[i].packet.in;
      if (nodes[i] === 'nic-out' && hops[i].packet.out) devices['nic-out'] = hops[i].packet.out;
    }
    const current = cursor >= 0 ? nodes[cursor] : null;
    const flow = cursor >= 0 ? hops[cursor].flow : null;
    layers.nodes.selectAll('g.node').classed('lit', d => d.id === current)
      .classed('visited', d => visits.has(d.id))
      .style('--flow', d => (visits.has(d.id) ? flowColor(lastFlow(d.id, nodes, hops, cursor)) : null))
      .call(node => node.select('.count').text(d => (visits.has(d.id) ? `×${visits.get(d.id).size}` : '')))
      .call(node => node.filter(d => d.kind === 'nic').select('.caption').text(d => devices[d.id] || ''));
    layers.frames.selectAll('g.frame').classed('lit', d => d.id === current);
    drawMarks(marksUpTo(hops, nodes, cursor));
    svg.attr('data-current', current);
    drawTrails(hops, nodes, cursor, animate ? duration : 0);
    moveToken(hops, nodes, cursor, flow, animate ? duration : 0);
  }

  /** A badge on the box where a packet was dropped (✕), queued (⏸) or rewritten by NAT, naming why. */
  function drawMarks(marks) {
    layers.nodes.selectAll('g.node').each(function (box) {
      const mark = marks.get(box.id);
      d3.select(this).selectAll('g.mark').data(mark ? [mark] : []).join(enter => {
        const badge = enter.append('g');
        badge.append('circle').attr('r', 9);
        badge.append('text');
        badge.append('title');
        return badge;
      }).attr('class', d => `mark ${d.type}`)
        .attr('transform', `translate(${box.x + box.width - 2},${box.y + 2})`)
        .style('--flow', d => flowColor(d.flow))
        .call(badge => badge.select('text').text(d => d.symbol))
        .call(badge => badge.select('title').text(d => d.title));
    });
  }

  function segments(hops, nodes, cursor) {
    const list = [];
    for (let i = 1; i <= cursor; i++) {
      if (hops[i].flow === hops[i - 1].flow && nodes[i] !== nodes[i - 1]) {
        list.push({id: hops[i].seq, flow: hops[i].flow, points: route(nodes[i - 1], nodes[i]).map(anchor)});
      }
    }
    return list;
  }

  function drawTrails(hops, nodes, cursor, duration) {
    layers.trails.selectAll('path').data(segments(hops, nodes, cursor), d => d.id).join(
      enter => enter.append('path').attr('class', 'trail').attr('d', d => curve(d.points))
        .style('stroke', d => flowColor(d.flow))
        .call(path => {
          if (duration <= 0) return;
          path.each(function () {
            const length = this.getTotalLength();
            d3.select(this).attr('stroke-dasharray', `${length} ${length}`).attr('stroke-dashoffset', length)
              .transition().duration(duration).ease(d3.easeLinear).attr('stroke-dashoffset', 0)
              .on('end', function () { d3.select(this).attr('stroke-dasharray', null); });
          });
        }),
      update => update,
      exit => exit.remove());
  }

  function moveToken(hops, nodes, cursor, flow, duration) {
    const data = cursor >= 0 ? [{flow}] : [];
    const token = layers.token.selectAll('circle').data(data).join('circle').attr('r', 9)
      .attr('class', 'token').style('fill', d => flowColor(d.flow));
    if (cursor < 0) return;
    const target = anchor(nodes[cursor]);
    const previous = cursor > 0 && hops[cursor - 1].flow === flow ? nodes[cursor - 1] : null;
    token.interrupt();
    if (duration <= 0 || previous == null || previous === nodes[cursor]) {
      token.attr('transform', `translate(${target[0]},${target[1]})`);
      return;
    }
    const path = svg.append('path').attr('d', curve(route(previous, nodes[cursor]).map(anchor)))
      .attr('class', 'guide');
    const length = path.node().getTotalLength();
    token.transition().duration(duration).ease(d3.easeCubicInOut).attrTween('transform', () => progress => {
      const point = path.node().getPointAtLength(progress * length);
      return `translate(${point.x},${point.y})`;
    }).on('end interrupt', () => path.remove());
  }

  function center(id) {
    const node = geometry.byId.get(id);
    return node ? [node.cx, node.cy] : [0, 0];
  }

  /** Where the token and trails pass a box: its top edge, so they never hide the box's label. */
  function anchor(id) {
    const node = geometry.byId.get(id);
    return node ? [node.cx, node.y + 1] : [0, 0];
  }

  return {draw, show};
}

function label(node) {
  switch (node.kind) {
    case 'chain': return node.table;
    case 'conntrack': return t(`node.${node.table.replaceAll(' ', '-')}`);
    case 'br_netfilter': return t('node.br_netfilter');
    default: return t(`node.${node.id}`);
  }
}

/** A label too long for its box goes on two lines. */
function lines(node) {
  const text = label(node);
  const space = text.indexOf(' ');
  return text.length > 10 && space > 0 ? [text.slice(0, space), text.slice(space + 1)] : [text];
}

function caption(node) {
  if (node.kind === 'chain') return t(`family.${node.family}`);
  if (node.kind === 'conntrack' || node.kind === 'br_netfilter') return node.family === 'ip' ? 'IPv4' : 'bridge';
  return '';
}

function lastFlow(id, nodes, hops, cursor) {
  for (let i = cursor; i >= 0; i--) {
    if (nodes[i] === id) return hops[i].flow;
  }
  return 1;
}

/**
 * The marks of the hops shown so far, by box: a chain verdict that ends a packet (drop, its REJECT's drop,
 * queue) and NAT's rewrites; a later mark on a box replaces an earlier one.
 */
function marksUpTo(hops, nodes, cursor) {
  const marks = new Map();
  for (let i = 0; i <= cursor; i++) {
    const hop = hops[i];
    const verdict = hop.verdict || '';
    const rule = hop.rule ? `${hop.rule.input} ${t('rule.line', hop.rule.line)}: ${hop.rule.text}` : null;
    if (verdict === 'drop' || verdict === 'policy drop') {
      marks.set(nodes[i], {type: 'drop', symbol: '✕', flow: hop.flow, title: rule ? `${rule} — ${hop.why}` : hop.why});
    } else if (verdict === 'queue' && hop.reason?.code !== 'NFQUEUE_BYPASS') {
      marks.set(nodes[i], {type: 'queue', symbol: '⏸', flow: hop.flow, title: rule ? `${rule} — ${hop.why}` : hop.why});
    } else if (hop.kind === 'NAT') {
      marks.set(nodes[i], {type: 'nat', symbol: 'N', flow: hop.flow, title: hop.why});
    }
  }
  return marks;
}
