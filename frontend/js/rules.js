// The rules of one chain as the user wrote them, with their line numbers in the rules text, so the
// inspector can show the chain and mark the rule that decided.

/** [{line, text, kind: 'policy'|'rule'}] for `chain` of `table` in iptables-save or ebtables-save text. */
export function chainRules(text, table, chain) {
  const lines = (text || '').split('\n');
  const rules = [];
  let inTable = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('*')) {
      inTable = line.slice(1) === table;
      return;
    }
    if (!inTable) return;
    if (line.startsWith(`:${chain} `) || line === `:${chain}`) {
      rules.push({line: index + 1, text: line, kind: 'policy'});
    } else if (startsRule(line, chain)) {
      rules.push({line: index + 1, text: line, kind: 'rule'});
    }
  });
  return rules;
}

function startsRule(line, chain) {
  const words = line.split(/\s+/);
  const at = words[0] === '-c' || words[0].startsWith('[') ? (words[0] === '-c' ? 3 : 1) : 0;
  return (words[at] === '-A' || words[at] === '--append') && words[at + 1] === chain;
}
