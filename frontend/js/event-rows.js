// The event list's rows, as data: the hops that pass the reader's filters, a chain's visit folded into one
// row (its entry, then what follows in the same box for the same packet: its rules, its policy, the NAT the
// box did), and the visit that holds the current hop opened into its hops so that hop stays in view.

/** Where a hop happens, for the filter: a table of a family (ip:nat, bridge:filter) or a kind of place. */
export function area(hop) {
  const {family, table, chain} = hop.stage;
  if (table && chain) return `${family}:${table}`;
  switch (hop.kind) {
    case 'CONNTRACK': return 'conntrack';
    case 'NAT': return 'nat';
    case 'ROUTING': case 'BRIDGING': return 'routing';
    default: return 'device';
  }
}

/** Whether a hop passes the filters; empty values let every hop through, `ip` takes every iptables table. */
export function passes(hop, {packet = '', where = '', kind = ''} = {}) {
  if (packet && hop.flow !== Number(packet)) return false;
  if (kind && hop.kind !== kind) return false;
  if (!where) return true;
  const place = area(hop);
  return place === where || place.startsWith(`${where}:`);
}

/** The indices of the hops that pass, in the trace's order. */
export function shownHops(hops, filters) {
  const shown = [];
  hops.forEach((hop, index) => {
    if (passes(hop, filters)) shown.push(index);
  });
  return shown;
}

/**
 * The rows: {key, hops (indices), group, open}. A group is a chain's entry and the hops that continue it,
 * consecutive in the trace; it is open (one row per hop) when it holds the current hop.
 */
export function eventRows(hops, cursor, filters) {
  const rows = [];
  let group = null;
  for (const index of shownHops(hops, filters)) {
    const hop = hops[index];
    const last = group && group.hops[group.hops.length - 1];
    if (group && last === index - 1 && hop.kind !== 'CHAIN' && sameBox(hops[last], hop)) {
      group.hops.push(index);
      continue;
    }
    group = hop.kind === 'CHAIN' ? {hops: [index]} : null;
    rows.push(group ?? {hops: [index]});
  }
  return rows.flatMap(row => unfold(row, cursor));
}

function sameBox(a, b) {
  return a.flow === b.flow && a.node === b.node;
}

/** A group of one stays a hop's row; the group under the cursor becomes its hops' rows. */
function unfold({hops}, cursor) {
  if (hops.length === 1) return [{key: `h${hops[0]}`, hops, group: null, open: false}];
  const last = hops[hops.length - 1];
  if (cursor < hops[0] || cursor > last) return [{key: `g${hops[0]}`, hops, group: hops, open: false}];
  return hops.map(index => ({key: `h${index}`, hops: [index], group: hops, open: true}));
}

/** The hop a row stands for: a folded group's last hop (its verdict), else the row's hop. */
export function rowHop(row) {
  return row.hops[row.hops.length - 1];
}

/** The next (step 1) or previous (step -1) hop that passes the filters, from the current hop; null at an end. */
export function stepHop(hops, cursor, filters, step) {
  const shown = shownHops(hops, filters);
  const next = step > 0 ? shown.find(index => index > cursor) : shown.findLast(index => index < cursor);
  return next ?? null;
}
