// Draws each edge of the diagram as an orthogonal line that never crosses a box or a frame's label: the
// shortest path, with few bends, over a grid of the boxes' centres and the channels between them.

/** A router over `geometry`: `line(from, to)` is the edge's polyline, from the border of one box to the other's. */
export function Orthogonal(geometry) {
  const boxes = [...geometry.byId.values()].filter(node => node.kind !== 'hook');
  const obstacles = boxes.map(node => ({id: node.id, ...inflate(node, 2)}))
    .concat(geometry.nodes.filter(node => node.labelBox).map(node => ({id: null, frame: node.id, ...node.labelBox})))
    .concat(geometry.groups.map(group => ({id: null, ...group.labelBox})))
    .concat(geometry.machines.map(machine => ({id: null, ...inflate(machine, 2)})));
  // the channels between columns come from the grid's boxes: the ports below do not close them
  const xs = coordinates(boxes.map(node => node.cx).concat(gaps(boxes.filter(node => node.kind !== 'port'), 'x', 'width')));
  const ys = coordinates(boxes.map(node => node.cy).concat(gaps(boxes, 'y', 'height')));
  const grid = {xs, ys, across: crossings(xs, ys, obstacles)};
  const bend = geometry.font * 3;
  const cache = new Map();

  function line(from, to) {
    const key = `${from}>${to}`;
    if (!cache.has(key)) cache.set(key, search(geometry.byId.get(from), geometry.byId.get(to)));
    return cache.get(key);
  }

  function search(source, target) {
    if (!source || !target) return [];
    // a line may leave or enter a box across its own frame's label, which is drawn over the lines
    const own = new Set([source.group, target.group]);
    const passable = obstacles.map(o => o.id === source.id || o.id === target.id || Boolean(o.frame && own.has(o.frame)));
    const start = [xs.indexOf(round(source.cx)), ys.indexOf(round(source.cy))];
    const goal = [xs.indexOf(round(target.cx)), ys.indexOf(round(target.cy))];
    // a port on the host's bottom edge is left upwards and entered downwards, never along the edge
    const leave = source.kind === 'port' ? [UP] : [0, 1, 2, 3];
    const enter = target.kind === 'port' ? [DOWN] : [0, 1, 2, 3];
    const path = shortest({start, leave}, {goal, enter}, grid, passable, bend);
    const points = path ? path.map(([i, j]) => [xs[i], ys[j]]) : [[source.cx, source.cy], [target.cx, target.cy]];
    return clip(simplify(points), source, target);
  }

  return {line};
}

/**
 * For every step between neighbouring grid points, the obstacles it crosses (most cross none): worked out the
 * first time a search takes that step, so each search after only asks whether those few may be passed.
 */
function crossings(xs, ys, obstacles) {
  const known = new Array(xs.length * ys.length * 2);
  return function across(i, j, vertical) {
    const index = (i * ys.length + j) * 2 + (vertical ? 1 : 0);
    if (!known[index]) {
      known[index] = vertical ? hits([xs[i], ys[j]], [xs[i], ys[j + 1]], obstacles)
        : hits([xs[i], ys[j]], [xs[i + 1], ys[j]], obstacles);
    }
    return known[index];
  };
}

function hits(a, b, obstacles) {
  const found = [];
  obstacles.forEach((o, index) => {
    if (crosses(a, b, o)) found.push(index);
  });
  return found;
}

function inflate(node, by) {
  return {x: node.x - by, y: node.y - by, width: node.width + 2 * by, height: node.height + 2 * by};
}

/** The middles of the free bands between boxes along one axis, where lines may run. */
function gaps(boxes, axis, size) {
  const spans = boxes.map(node => [node[axis], node[axis] + node[size]]).sort((a, b) => a[0] - b[0]);
  const middles = [];
  let reach = spans[0][1];
  for (const [start, end] of spans.slice(1)) {
    if (start > reach + 4) middles.push((reach + start) / 2);
    reach = Math.max(reach, end);
  }
  middles.push(spans[0][0] - 8, reach + 8);
  return middles;
}

function coordinates(values) {
  return [...new Set(values.map(round))].sort((a, b) => a - b);
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function crosses([x1, y1], [x2, y2], o) {
  const [left, right] = [Math.min(x1, x2), Math.max(x1, x2)];
  const [top, bottom] = [Math.min(y1, y2), Math.max(y1, y2)];
  return right > o.x && left < o.x + o.width && bottom > o.y && top < o.y + o.height;
}

const STEPS = [[1, 0], [-1, 0], [0, 1], [0, -1]];
const DOWN = 2;
const UP = 3;

/** Dijkstra over (point, heading): length plus a price per bend, so lines take the few-bend way round. */
function shortest({start, leave}, {goal, enter}, {xs, ys, across}, passable, bend) {
  if (start[0] < 0 || start[1] < 0 || goal[0] < 0 || goal[1] < 0) return null;
  const key = (i, j, d) => ((i * ys.length) + j) * 4 + d;
  const cost = new Float64Array(xs.length * ys.length * 4).fill(Infinity);
  const previous = new Int32Array(cost.length).fill(-1);
  const queue = new Heap();
  for (const d of leave) {
    cost[key(start[0], start[1], d)] = 0;
    queue.push([0, start[0], start[1], d]);
  }
  const free = (i, j, ni, nj) => {
    const [li, lj] = [Math.min(i, ni), Math.min(j, nj)];
    const crossed = across(li, lj, i === ni);
    return crossed.every(index => passable[index]);
  };
  while (queue.size()) {
    const [c, i, j, d] = queue.pop();
    if (c > cost[key(i, j, d)]) continue;
    if (i === goal[0] && j === goal[1] && enter.includes(d)) return unwind(previous, ys.length, key(i, j, d));
    for (let nd = 0; nd < 4; nd++) {
      const ni = i + STEPS[nd][0];
      const nj = j + STEPS[nd][1];
      if (ni < 0 || nj < 0 || ni >= xs.length || nj >= ys.length) continue;
      if (i === start[0] && j === start[1] && !leave.includes(nd)) continue;
      if (!free(i, j, ni, nj)) continue;
      const next = c + Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]) + (nd === d ? 0 : bend);
      const k = key(ni, nj, nd);
      if (next < cost[k]) {
        cost[k] = next;
        previous[k] = key(i, j, d);
        queue.push([next, ni, nj, nd]);
      }
    }
  }
  return null;
}

function unwind(previous, rows, last) {
  const path = [];
  for (let state = last; state >= 0; state = previous[state]) {
    const point = state >> 2;
    path.unshift([Math.floor(point / rows), point % rows]);
  }
  return path;
}

function simplify(points) {
  return points.filter((point, i) => {
    if (i === 0 || i === points.length - 1) return true;
    const [a, b] = [points[i - 1], points[i + 1]];
    return !((a[0] === point[0] && point[0] === b[0]) || (a[1] === point[1] && point[1] === b[1]));
  });
}

/** Starts the line where it leaves its source's border and ends it where it meets the target's. */
function clip(points, source, target) {
  if (points.length < 2) return points;
  const out = points.map(point => [...point]);
  out[0] = border(out[0], out[1], source);
  out[out.length - 1] = border(out[out.length - 1], out[out.length - 2], target);
  return out;
}

function border([x, y], [towardX, towardY], box) {
  if (towardX === x) return [x, towardY > y ? box.y + box.height : box.y];
  return [towardX > x ? box.x + box.width : box.x, y];
}

/** A binary heap of [cost, …] arrays, cheapest first. */
class Heap {
  constructor() { this.items = []; }
  size() { return this.items.length; }
  push(item) {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (items[parent][0] <= items[i][0]) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length) {
      items[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let least = i;
        if (l < items.length && items[l][0] < items[least][0]) least = l;
        if (r < items.length && items[r][0] < items[least][0]) least = r;
        if (least === i) break;
        [items[least], items[i]] = [items[i], items[least]];
        i = least;
      }
    }
    return top;
  }
}
