// The host around the diagram's boxes: the layer bands with their names, the host's edge and name, a bridge's
// frame around its ports, and the machines outside cabled to their ports (each a button: a packet from it).
import {t} from './i18n.js';

export function drawBands(layer, geometry) {
  layer.selectAll('g.band').data(geometry.bands, d => d.key).join(enter => {
    const band = enter.append('g').attr('class', d => `band ${d.kind}`);
    band.append('rect').attr('rx', 8);
    band.append('text').attr('class', 'band-label');
    return band;
  }).call(band => {
    band.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
      .attr('height', d => d.height);
    band.select('text').attr('transform', d => `translate(${d.x + geometry.font * 1.4},${d.y + d.height / 2}) rotate(-90)`)
      .call(text => text.selectAll('tspan').data(d => bandLines(t(d.key))).join('tspan')
        .attr('x', 0).attr('dy', (line, i, all) => (i === 0 ? `${-(all.length - 1) * 0.6}em` : '1.2em'))
        .text(line => line));
  });
}

export function drawHost(layer, geometry) {
  const host = geometry.host;
  layer.selectAll('*').remove();
  layer.append('rect').attr('class', 'host-edge').attr('x', host.x).attr('y', host.y)
    .attr('width', host.width).attr('height', host.height).attr('rx', 10);
  layer.append('text').attr('class', 'host-label').attr('x', host.x + 4)
    .attr('y', host.y - geometry.font * 0.4).text(host.label);
  for (const group of geometry.groups) {
    layer.append('rect').attr('class', 'bridge-group').attr('x', group.x).attr('y', group.y)
      .attr('width', group.width).attr('height', group.height).attr('rx', 6);
    layer.append('text').attr('class', 'bridge-label').attr('x', group.labelX).attr('y', group.labelY)
      .text(group.name);
  }
}

export function drawMachines(layer, geometry) {
  layer.selectAll('g.endpoint').data(geometry.machines, d => d.name).join(enter => {
    const machine = enter.append('g').attr('tabindex', 0).attr('role', 'button');
    machine.append('line').attr('class', 'cable');
    machine.append('rect').attr('rx', 4);
    machine.append('text').attr('class', 'machine-name');
    machine.append('text').attr('class', 'machine-ip');
    return machine;
  }).attr('class', 'endpoint').attr('data-endpoint', d => d.name)
    .attr('aria-label', d => t('endpoint.label', d.name, d.ip)).call(machine => {
      const port = d => geometry.byId.get(d.port);
      machine.select('line').attr('x1', d => d.cx).attr('y1', d => d.y).attr('x2', d => port(d).cx)
        .attr('y2', d => port(d).y + port(d).height);
      machine.select('rect').attr('x', d => d.x).attr('y', d => d.y).attr('width', d => d.width)
        .attr('height', d => d.height);
      machine.select('.machine-name').attr('x', d => d.cx).attr('y', d => d.y + d.height * 0.42).text(d => d.name);
      machine.select('.machine-ip').attr('x', d => d.cx).attr('y', d => d.y + d.height * 0.82).text(d => d.ip);
    });
}

/** A band's name on two lines when it says which tables: "Network layer" over "(iptables)". */
function bandLines(text) {
  const at = text.search(/[(（]/);
  return at > 0 ? [text.slice(0, at).trim(), text.slice(at)] : [text];
}
