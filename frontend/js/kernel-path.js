// The real path a compared kernel trace took, as the diagram marks it: the boxes its lines stand at (each line
// is placed at the simulated hop it matches, or the nearest one on its chain) and the box where it first parts
// from the simulation.
import {shownNode} from './hop-node.js';

/**
 * {kernel: Set of box ids, diverged: box id or null, seq: the simulated hop where they part or null} from
 * POST /api/compare's answer.
 */
export function kernelPath(result) {
  const kernel = new Set(result.kernel.filter(line => line.node).map(line => shownNode(line)));
  let diverged = null;
  let seq = null;
  if (result.firstDivergence != null) {
    const row = result.rows[result.firstDivergence];
    const line = row.kernel != null ? result.kernel[row.kernel] : result.simulated[row.simulated];
    diverged = line.node ? shownNode(line) : null;
    seq = (row.simulated != null ? result.simulated[row.simulated].seq : line.seq) ?? null;
  }
  return {kernel, diverged, seq};
}
