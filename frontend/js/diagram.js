// The combined ebtables+iptables diagram drawn as the host: boxes from the server's registry, the host's ports
// on its edge with the machines cabled to them, orthogonal edges with arrowheads, the trail of every packet so
// far along those edges (a lane and a number each, answers dashed, earlier packets faded) and a token that
// moves along them to the hop being shown. It fills its container at a type size that stays readable.
import d3 from './d3.js';
import {t} from './i18n.js';
import {layout} from './layout.js';
import {Routes} from './routes.js';
import {Orthogonal} from './orthogonal.js';
import {Measure} from './measure.js';
import {hostPorts} from './host-ports.js';
import {edgesWithPorts, shownNode} from './hop-node.js';
import {flowColor} from './palette.js';
import {marksUpTo} from './marks.js';
import {typeSizes} from './type-size.js';
import {drawBands, drawHost, drawMachines} from './host-drawing.js';
import {bindZoom, defineArrows, polyline} from './svg-tools.js';
import {Trails} from './trails.js';
import {drawKernelPath} from './kernel-overlay.js';

export function Diagram(container) {
  const svg = d3.select(container).append('svg').attr('class', 'flow').attr('role', 'group');
  defineArrows(svg.append('defs'));
  const view = svg.append('g').attr('class', 'view');
  const layers = {};
  for (const name of ['bands', 'host', 'frames', 'edges', 'trails', 'nodes', 'labels', 'token']) {
    layers[name] = view.append('g').attr('class', name);
  }
  let diagram = null;
  let scene = hostPorts(null);
  let geometry = null;
  let router = null;
  let route = null;
  let last = null;
  let kernelPath = null;

  const trails = Trails(layers, view);
  bindZoom(svg, view);
  new ResizeObserver(() => requestAnimationFrame(relayout)).observe(container);

  /**
   * Draws the registry's boxes around the host of `scenario` (its ports and machines); resolves once every
   * edge is drawn.
   */
  function draw(next, scenario) {
    diagram = next;
    scene = hostPorts(scenario);
    svg.attr('data-backend', diagram.backend)
      .attr('aria-label', `${t('layer.network')} / ${t('layer.link')} (${diagram.backend})`);
    return relayout();
  }

  let drawnFor = null;
  let drawing = Promise.resolve();
  let generation = 0;

  /**
   * Lays the drawing out again when what it depends on changed (the registry, the host, the space, the mode), in
   * short steps that give the page back in between, so a slow phone stays responsive while it draws.
   */
  function relayout() {
    if (!diagram || !container.clientWidth) return drawing;
    const key = [diagram, JSON.stringify(scene), container.clientWidth, container.clientHeight,
      document.documentElement.classList.contains('presenting')];
    if (drawnFor && key.every((value, i) => value === drawnFor[i])) return drawing;
    drawnFor = key;
    const mine = ++generation;
    svg.attr('data-drawn', 'false');
    drawing = (async () => {
      const fitted = fit();
      geometry = fitted.geometry;
      router = Orthogonal(geometry);
      const edges = edgesWithPorts(diagram.edges, geometry.ports);
      route = Routes({edges});
      if (!await pause(mine)) return;
      view.style('font-size', `${geometry.font}px`);
      svg.attr('data-font', geometry.font).attr('viewBox', fitted.viewBox)
        .attr('preserveAspectRatio', 'xMidYMid meet')
        .style('width', fitted.natural ? `${geometry.width}px` : null)
        .style('height', fitted.natural ? `${geometry.height}px` : null);
      layers.edges.selectAll('*').remove();
      layers.trails.selectAll('*').remove();
      const steps = [() => drawBands(layers.bands, geometry), () => drawHost(layers.host, geometry), drawFrames,
        drawBoxes, () => drawMachines(layers.host, geometry)];
      for (const step of steps) {
        step();
        if (step === drawBoxes && last) show({...last, animate: false});
        if (!await pause(mine)) return;
      }
      for (let i = 0; i < edges.length; i += 6) {
        if (!await pause(mine)) return;
        drawEdges(edges.slice(0, i + 6));
      }
      svg.attr('data-drawn', 'true');
    })();
    return drawing;
  }

  /**
   * Gives the page back for a moment (a message to itself: a new task, which a browser does not slow down as it
   * does timers in a tab out of sight); false when a newer layout has started meanwhile.
   */
  async function pause(mine) {
    await new Promise(resolve => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    return mine === generation;
  }

  /**
   * The largest type that lets the whole host fit (found by halving: a larger type never takes less room);
   * on a narrow screen, and on a projector where even the smallest readable type does not fit, that one, panned.
   */
  function fit() {
    const {width, height} = {width: container.clientWidth, height: container.clientHeight};
    const sizes = typeSizes(document.documentElement.classList.contains('presenting'));
    const at = font => layout(diagram, scene, font, Measure(container, font));
    const fits = geometry => geometry.width <= width && geometry.height <= height;
    let best = at(sizes.min);
    if (!fits(best)) {
      return {geometry: best, viewBox: `0 0 ${best.width} ${best.height}`, natural: width < sizes.narrow || sizes.pan};
    }
    let [low, high] = [sizes.min, sizes.max];
    while (high - low > 0.25) {
      const middle = (low + high) / 2;
      const geometry = at(middle);
      if (fits(geometry)) {
        [best, low] = [geometry, middle];
      } else {
        high = middle;
      }
    }
    const [dx, dy] = [(width - best.width) / 2, (height - best.height) / 2];
    return {geometry: best, viewBox: `${-dx} ${-dy} ${width} ${height}`, natural: false};
  }

  function drawFrames() {
    const frames = geometry.nodes.filter(node => node.kind === 'hook' && node.span > 0);
    layers.frames.selectAll('g.frame').data(frames, d => d.id).join(enter => {
      const frame = enter.append('g');
      frame.append('rect').attr('rx', 6);
      return frame.attr('class', d => `frame node ${d.family}`).attr('data-id', d => d.id);
    }).call(frame => {
      frame.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
        .attr('height', d => d.height);
    });
    // over the lines, which may cross a frame's label where they leave or enter its boxes
    layers.labels.selectAll('text.frame-label').data(frames, d => d.id).join('text')
      .attr('class', d => `frame-label ${d.family}`).attr('x', d => d.labelBox.x)
      .attr('y', d => d.labelBox.y + d.labelBox.height * 0.78).text(d => d.text);
  }

  function drawEdges(edges) {
    layers.edges.selectAll('path').data(edges, d => `${d.from}>${d.to}`).join('path')
      .attr('class', d => `edge ${d.kind}`).attr('data-from', d => d.from).attr('data-to', d => d.to)
      .attr('marker-end', 'url(#arrow)')
      .attr('d', d => polyline(router.line(d.from, d.to)));
  }

  function drawBoxes() {
    const boxes = [...geometry.byId.values()].filter(node => node.kind !== 'hook');
    // a box's kind never changes: its class is set once, so the lit and visited marks survive a new layout
    layers.nodes.selectAll('g.node').data(boxes, d => d.id).join(enter => {
      const node = enter.append('g').attr('class', d => `node ${d.kind} ${d.family || 'none'}${d.chain ? ' native' : ''}`)
        .attr('data-id', d => d.id).attr('data-family', d => d.family);
      node.append('rect');
      node.append('text').attr('class', 'label');
      node.append('text').attr('class', 'count');
      return node;
    }).call(node => {
        node.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
          .attr('height', d => d.height).attr('rx', d => (d.kind === 'decision' || d.kind === 'port' ? d.height / 2 : 6));
        node.select('.label').attr('x', d => d.cx)
          .attr('y', d => d.cy - ((d.lines || [d.name]).length - 1) * 0.6 * geometry.font)
          .call(text => text.selectAll('tspan').data(d => d.lines || [d.name]).join('tspan')
            .attr('x', function () { return this.parentNode.getAttribute('x'); })
            .attr('dy', (line, i) => (i === 0 ? '0.35em' : '1.2em')).text(line => line));
        node.select('.count').attr('x', d => d.x + d.width).attr('y', d => d.y + d.height + geometry.font * 0.9)
          .text('');
      });
    drawKernelPath(layers.nodes, kernelPath, geometry.font);
  }

  /** Marks the path a compared kernel trace took ({kernel, diverged}, see kernel-path.js); null clears it. */
  function overlay(path) {
    kernelPath = path;
    svg.attr('data-kernel', path ? (path.diverged ? 'diverged' : 'identical') : null);
    if (geometry) drawKernelPath(layers.nodes, kernelPath, geometry.font);
  }

  /** Shows hop `cursor`: lights its box, draws every trail up to it, moves the token there. */
  function show({hops, cursor, animate, duration}) {
    cursor = Math.min(cursor, hops.length - 1);
    last = {hops, cursor};
    if (!geometry) return;
    const nodes = places(hops);
    const visits = new Map();
    for (let i = 0; i <= cursor; i++) {
      if (!visits.has(nodes[i])) visits.set(nodes[i], new Set());
      visits.get(nodes[i]).add(hops[i].flow);
    }
    const current = cursor >= 0 ? resolve(shownNode(hops[cursor])) : null;
    const flow = cursor >= 0 ? hops[cursor].flow : null;
    layers.nodes.selectAll('g.node').classed('lit', d => d.id === current)
      .classed('visited', d => visits.has(d.id))
      .style('--flow', d => (visits.has(d.id) ? flowColor(lastFlow(d.id, nodes, hops, cursor)) : null))
      .call(node => node.select('.count').text(d => (visits.has(d.id) ? `×${visits.get(d.id).size}` : '')));
    layers.frames.selectAll('g.frame').classed('lit', d => d.id === current);
    drawMarks(marksUpTo(hops, nodes, cursor));
    svg.attr('data-current', current);
    keepInView(geometry.byId.get(current));
    const pieces = trails.pieces({hops, nodes, cursor, geometry, router, route});
    trails.draw(pieces, flow, animate ? duration : 0);
    trails.moveToken({trails: pieces, nodes, cursor, flow, duration: animate ? duration : 0, geometry});
  }

  /**
   * Where each hop is drawn. A hop of a hook as a whole (its frame lights) leaves its packet where it was, so a
   * trail never runs to a frame, only along edges between boxes.
   */
  function places(hops) {
    const at = new Map();
    return hops.map(hop => {
      let id = resolve(shownNode(hop));
      if (geometry.byId.get(id)?.kind === 'hook' && at.has(hop.flow)) id = at.get(hop.flow);
      at.set(hop.flow, id);
      return id;
    });
  }

  /** A device the host has no port for (a bridge itself) is drawn at its first port. */
  function resolve(id) {
    if (!geometry || geometry.byId.has(id) || !id?.startsWith('port:')) return id;
    const device = id.slice(5);
    return geometry.ports.find(port => port.bridge === device)?.id || geometry.ports[0]?.id || id;
  }

  /** A badge on the box where a packet was dropped (✕), queued (⏸) or rewritten by NAT, naming why. */
  function drawMarks(marks) {
    layers.nodes.selectAll('g.node').each(function (box) {
      const mark = marks.get(box.id);
      d3.select(this).selectAll('g.mark').data(mark ? [mark] : []).join(enter => {
        const badge = enter.append('g');
        badge.append('circle');
        badge.append('text');
        badge.append('title');
        return badge;
      }).attr('class', d => `mark ${d.type}`)
        .attr('transform', `translate(${box.x + box.width - 2},${box.y + 2})`)
        .style('--flow', d => flowColor(d.flow))
        .call(badge => badge.select('circle').attr('r', geometry.font * 0.75))
        .call(badge => badge.select('text').text(d => d.symbol))
        .call(badge => badge.select('title').text(d => d.title));
    });
  }

  /** A drawing larger than its place pans: it brings the lit box into view (a phone shows a part of the host). */
  function keepInView(box) {
    if (!box) return;
    if (container.scrollWidth > container.clientWidth) {
      const left = container.scrollLeft;
      if (box.x < left || box.x + box.width > left + container.clientWidth) {
        container.scrollLeft = Math.max(0, box.cx - container.clientWidth / 2);
      }
    }
    if (container.scrollHeight > container.clientHeight) {
      const top = container.scrollTop;
      if (box.y < top || box.y + box.height > top + container.clientHeight) {
        container.scrollTop = Math.max(0, box.cy - container.clientHeight / 2);
      }
    }
  }

  /** The box a click landed in, named for people (iptables nat PREROUTING, port eth0), or null. */
  function boxAt(target) {
    const element = target.closest?.('g.node[data-id]:not(.frame)');
    if (!element || !container.contains(element)) return null;
    const box = d3.select(element).datum();
    const name = box.chain ? `nftables ${box.family} ${box.table} ${box.chain}`
      : box.kind === 'chain' ? `${t(`family.${box.family}`)} ${box.table} ${box.hook}`
        : box.kind === 'port' ? t('node.port', box.name) : box.lines.join(' ');
    return {id: box.id, kind: box.kind, family: box.family, table: box.table, hook: box.hook, chain: box.chain, name};
  }

  return {draw, show, boxAt, overlay};
}

function lastFlow(id, nodes, hops, cursor) {
  for (let i = cursor; i >= 0; i--) {
    if (nodes[i] === id) return hops[i].flow;
  }
  return 1;
}
