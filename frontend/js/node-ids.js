// Which diagram box a hop lights: the same names the server gives its boxes (diagram/NodeIds.java).

export function nodeFor(step) {
  const {family, hook, table} = step.stage;
  if (step.kind === 'DELIVERED') return 'local-process';
  if (table != null && family != null) return `${family}:${table.replaceAll(' ', '-')}:${hook}`;
  switch (hook) {
    case 'rx': return 'nic-in';
    case 'xmit': return 'nic-out';
    case 'routing': return 'routing';
    case 'output routing': return 'output-routing';
    case 'bridging': return 'bridging';
    case 'bridge check': return 'bridge-check';
    case 'local process': return 'local-process';
    default: return family == null ? 'nic-in' : `${family}::${hook}`;
  }
}
