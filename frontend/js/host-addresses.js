// Addresses in a scenario, worked out the way the machines would: the packet builder computes every address
// from the scenario (an endpoint's own, the host's on the side a sender is on) so nobody types one.

/** `10.0.0.1/24` → `10.0.0.1`. */
export const bare = cidr => String(cidr || '').split('/')[0];

export function isIpv4(text) {
  const parts = String(text).split('.');
  return parts.length === 4 && parts.every(part => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

const toNumber = ip => bare(ip).split('.').reduce((sum, part) => sum * 256 + Number(part), 0);

/** Whether `ip` lies in the subnet of `cidr` (`192.168.0.1/24` holds 192.168.0.20). */
export function inSubnet(cidr, ip) {
  const bits = Number(String(cidr).split('/')[1] ?? 32);
  const size = 2 ** (32 - bits);
  return Math.floor(toNumber(cidr) / size) === Math.floor(toNumber(ip) / size);
}

const interfacesOf = scenario => scenario.host?.interfaces || [];
const endpointOf = (scenario, name) => (scenario.endpoints || []).find(endpoint => endpoint.name === name);

/**
 * The host's address as `from` sees it: {address, dev, bridge} or null. An endpoint reaches the host at the
 * address of the interface it is cabled to; on a bridge port that is the bridge's, since a port has none.
 * A local process reaching its own host uses the loopback.
 */
export function hostAddressFacing(scenario, from) {
  const interfaces = interfacesOf(scenario);
  if (from === 'host') {
    const lo = interfaces.find(i => i.kind === 'loopback');
    return {address: bare(lo?.addresses?.[0]) || '127.0.0.1', dev: lo?.name || 'lo', loopback: true};
  }
  const endpoint = endpointOf(scenario, from);
  if (!endpoint) return null;
  const port = interfaces.find(i => i.name === endpoint.attach);
  const dev = port?.master ? interfaces.find(i => i.name === port.master) || port : port;
  const own = pick(dev?.addresses || [], endpoint.ip);
  if (own) return {address: bare(own), dev: dev.name, bridge: port?.master && dev !== port ? port.name : null};
  // a routed interface without an address: the host's address in the endpoint's subnet, else its gateway's
  const all = interfaces.filter(i => i.kind !== 'loopback')
    .flatMap(i => (i.addresses || []).map(cidr => ({address: bare(cidr), cidr, dev: i.name})));
  const found = all.find(a => endpoint.ip && inSubnet(a.cidr, endpoint.ip))
    || all.find(a => a.address === endpoint.gateway);
  return found ? {address: found.address, dev: found.dev, bridge: null} : null;
}

/** Of an interface's addresses, the one in the peer's subnet, else the first. */
function pick(addresses, peer) {
  return addresses.find(cidr => peer && inSubnet(cidr, peer)) || addresses[0];
}

/** The source address a local process gets toward `dst`: the address on the connected subnet, else the default route's device. */
export function hostSourceToward(scenario, dst) {
  const interfaces = interfacesOf(scenario);
  for (const i of interfaces) {
    const cidr = (i.addresses || []).find(a => inSubnet(a, dst));
    if (cidr) return bare(cidr);
  }
  const route = (scenario.host?.routes || []).find(line => /^default\b/.test(line.trim()));
  const dev = / dev (\S+)/.exec(route || '')?.[1];
  const out = interfaces.find(i => i.name === dev) || interfaces.find(i => i.kind !== 'loopback' && i.addresses?.length);
  return bare(out?.addresses?.[0]) || null;
}

/** An endpoint's own address, without its prefix. */
export function endpointAddress(scenario, name) {
  return bare(endpointOf(scenario, name)?.ip) || null;
}
