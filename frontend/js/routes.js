// The way a token takes between two boxes: the shortest run of the diagram's edges, else straight.

export function Routes(diagram) {
  const next = new Map();
  for (const edge of diagram.edges) {
    if (!next.has(edge.from)) next.set(edge.from, []);
    next.get(edge.from).push(edge.to);
  }
  const cache = new Map();
  return function route(from, to) {
    const key = `${from}>${to}`;
    if (!cache.has(key)) cache.set(key, search(next, from, to));
    return cache.get(key);
  };
}

function search(next, from, to) {
  if (from === to) return [from];
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift();
    for (const neighbour of next.get(node) || []) {
      if (previous.has(neighbour)) continue;
      previous.set(neighbour, node);
      if (neighbour === to) return unwind(previous, to);
      queue.push(neighbour);
    }
  }
  return [from, to];
}

function unwind(previous, to) {
  const path = [];
  for (let node = to; node != null; node = previous.get(node)) path.unshift(node);
  return path;
}
