// Which hops a quiz asks about, and the answers it offers. Asking before every hop would put 63 questions
// between a class and one SYN and its SYN-ACK, most of them answered by the diagram itself, so a quiz asks
// only where the student has to know something:
// - where a packet goes when it leaves a box that has more than one way out (the routing and bridging
//   decisions, a hook's last chain, br_netfilter's detours), or when it leaves by a way the diagram does not
//   draw as the box's only way (a frame that skips the bridge, a reply that is not re-NATed); where the one
//   drawn arrow is taken, the arrow gives the answer away and nothing is asked;
// - the verdicts a rule decides (accept, drop, queue) or that the student may think it decides (continue:
//   LOG, MARK, NOTRACK let the packet go on), a policy that drops, and a policy that accepts after rules
//   had their say (jump, return, continue); not jump and return themselves (user chains' bookkeeping);
// - each move and each rule's verdict once per run: the SYN-ACK's second pass through the same arrow or the
//   same rule teaches nothing new. A diagram without edges asks at every change of box.
import {has, t} from './i18n.js';
import {shownNode} from './hop-node.js';

const ASKED_RULE_VERDICTS = new Set(['accept', 'drop', 'queue', 'continue']);
const RULE_CHOICES = ['accept', 'drop', 'continue'];
const POLICY_CHOICES = ['policy accept', 'policy drop'];
const MAX_CHOICES = 4;

/** Questions over the diagram as the server describes it ({nodes, edges}). */
export function Questions(diagram) {
  const named = new Map((diagram?.nodes || []).map(node => [node.id, node]));
  const boxes = new Map([...named].filter(([, node]) => node.kind !== 'hook')); // a hook's frame is no answer to offer
  const ways = new Map();
  for (const edge of diagram?.edges || []) {
    if (!ways.has(edge.from)) ways.set(edge.from, []);
    if (!ways.get(edge.from).includes(edge.to)) ways.get(edge.from).push(edge.to);
  }
  const drawn = ways.size > 0;
  let planned = {hops: null, done: 0, asked: new Map(), seen: new Set(), last: new Map(), ruled: new Set()};

  /** The question asked before hop `index` (counted from 0) is shown, or null; hops are read in order once. */
  function at(hops, index) {
    if (planned.hops !== hops || planned.done > hops.length) {
      planned = {hops, done: 0, asked: new Map(), seen: new Set(), last: new Map(), ruled: new Set()};
    }
    for (; planned.done < hops.length; planned.done++) plan(hops, planned.done);
    return planned.asked.get(index) || null;
  }

  function plan(hops, index) {
    // a hop where the page draws it: a frame received or sent is at its device's port
    const hop = {...hops[index], node: shownNode(hops[index])};
    const previous = planned.last.has(hop.flow) ? {...hops[planned.last.get(hop.flow)]} : null;
    if (previous) previous.node = shownNode(previous);
    planned.last.set(hop.flow, index);
    if (!previous || previous.node !== hop.node) planned.ruled.delete(hop.flow);
    // a packet's first hop is given: where it enters is the scenario's, not the kernel's, choice
    const question = !previous ? null
      : previous.node !== hop.node ? boxQuestion(previous, hop) : verdictQuestion(hop, planned.ruled.has(hop.flow));
    if (hop.kind === 'RULE') planned.ruled.add(hop.flow);
    if (!question || planned.seen.has(question.key)) return;
    planned.seen.add(question.key);
    planned.asked.set(index, {...question, index, seq: hop.seq, flow: hop.flow, hop, from: previous});
  }

  function boxQuestion(previous, hop) {
    const out = ways.get(previous.node) || [];
    if (drawn && out.length === 1 && out[0] === hop.node) return null;
    return {kind: 'box', key: `${previous.node}>${hop.node}`, answer: hop.node,
      choices: shuffled(boxChoices(previous.node, hop.node), hop.seq)};
  }

  function verdictQuestion(hop, ruled) {
    const rule = hop.rule ? `${hop.rule.input}:${hop.rule.line}` : '';
    if (hop.kind === 'RULE' && ASKED_RULE_VERDICTS.has(hop.verdict)) {
      const values = RULE_CHOICES.includes(hop.verdict) ? RULE_CHOICES : [...RULE_CHOICES, hop.verdict];
      return {kind: 'verdict', key: `${hop.node}|${rule}|${hop.verdict}`, answer: hop.verdict, choices: values.map(verdictChoice)};
    }
    if (hop.kind === 'POLICY' && POLICY_CHOICES.includes(hop.verdict) && (hop.verdict !== 'policy accept' || ruled)) {
      return {kind: 'verdict', key: `${hop.node}|policy|${hop.verdict}`, answer: hop.verdict, choices: POLICY_CHOICES.map(verdictChoice)};
    }
    return null;
  }

  /** The right box and plausible wrong ones: the other ways out, the right box's hook, one box too far, the nearest. */
  function boxChoices(from, to) {
    const picks = [to];
    const add = id => {
      if (picks.length < MAX_CHOICES && id !== from && boxes.has(id) && !picks.includes(id)) picks.push(id);
    };
    (ways.get(from) || []).forEach(add);
    const target = boxes.get(to);
    const byDistance = list => list.sort((a, b) => distance(a, target) - distance(b, target)).map(box => box.id);
    if (target?.group) byDistance([...boxes.values()].filter(box => box.group === target.group)).forEach(add);
    (ways.get(to) || []).forEach(add);
    if (target) byDistance([...boxes.values()]).forEach(add);
    return picks.map(id => ({value: id, label: boxName(id)}));
  }

  /** A box named as the event list names its hops: iptables nat PREROUTING, conntrack (INPUT), routing decision. */
  function boxName(id) {
    const box = named.get(id);
    if (box?.kind === 'chain') return `${t(`family.${box.family}`)} ${box.table} ${box.hook}`;
    if (box?.kind === 'hook') return `${t(`family.${box.family}`)} ${box.hook}`;
    if (box?.kind === 'port') return t('node.port', box.label);
    if (box?.table) return `${translated('node', box.table.replaceAll(' ', '-'), box.table)} (${box.hook})`;
    if (has(`stage.${id}`)) return t(`stage.${id}`);
    return translated('node', id, box?.label || id);
  }

  return {at, boxName};
}

/** A verdict as an answer: the kernel's word and, in the reader's language, what it does. */
export function verdictChoice(verdict) {
  return {value: verdict, label: translated('quiz.verdict', verdict.replace(/\s+/g, '-'), verdict)};
}

function translated(prefix, key, fallback) {
  return has(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : fallback;
}

function distance(a, b) {
  return Math.hypot((a.col ?? 0) - (b?.col ?? 0), (a.row ?? 0) - (b?.row ?? 0));
}

/** The same order for the same hop every time (a redraw does not move the buttons), not the diagram's order. */
function shuffled(choices, seed) {
  const rank = value => [...value].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261 ^ seed) >>> 0;
  return choices.map(choice => ({choice, rank: rank(choice.value)})).sort((a, b) => a.rank - b.rank).map(item => item.choice);
}
