// The host's interfaces as ports on its edge, and the machines around it cabled to them, from the scenario:
// a bridge's ports sit together under its name; a machine hangs under the port it is attached to.

/** Ports in the scenario's order, a bridge's own ports grouped after it, each with the machines on it. */
export function hostPorts(scenario) {
  const interfaces = scenario?.host?.interfaces || [];
  const endpoints = scenario?.endpoints || [];
  const bridges = new Set(interfaces.filter(i => i.kind === 'bridge').map(i => i.name));
  const ports = [];
  const add = (device, bridge) => ports.push({
    id: portId(device.name), name: device.name, kind: device.kind || 'ethernet', bridge,
    addresses: device.addresses || [],
    machines: endpoints.filter(e => e.attach === device.name).map(e => ({name: e.name, ip: bare(e.ip)})),
  });
  for (const device of interfaces) {
    if (device.master && bridges.has(device.master)) continue; // drawn with its bridge
    if (bridges.has(device.name)) {
      const members = interfaces.filter(i => i.master === device.name);
      members.forEach(member => add(member, device.name));
      if (!members.length) add(device, null); // a bridge without ports is reached only as itself
    } else {
      add(device, null);
    }
  }
  return {hostname: scenario?.host?.hostname || '', ports, bridges: [...bridges]};
}

/** The diagram id of a device's port; a packet's `in` or `out` names the device. */
export function portId(device) {
  return `port:${device}`;
}

function bare(address) {
  return (address || '').split('/')[0];
}
