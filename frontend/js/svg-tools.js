// What the drawing needs from SVG itself: a polyline's path, arrowheads, and zooming.
import d3 from './d3.js';
import {COLORS} from './palette.js';

export function polyline(points) {
  return points.length ? `M${points.map(([x, y]) => `${x},${y}`).join('L')}` : '';
}

/** Arrowheads: grey for the diagram's edges, one in each packet colour for the trails. */
export function defineArrows(defs) {
  const arrow = (id, color, size) => defs.append('marker').attr('id', id).attr('viewBox', '0 0 10 10')
    .attr('refX', 9).attr('refY', 5).attr('markerWidth', size).attr('markerHeight', size)
    .attr('orient', 'auto-start-reverse').attr('markerUnits', 'userSpaceOnUse')
    .append('path').attr('d', 'M0,0L10,5L0,10z').style('fill', color);
  arrow('arrow', '#8a939f', 7);
  COLORS.forEach((color, i) => arrow(`arrow-${i}`, color, 12));
}

/** Two fingers (or ctrl and the wheel) zoom and pan the drawing; a double click puts it back. */
export function bindZoom(svg, view) {
  const zoom = d3.zoom().scaleExtent([1, 4])
    .filter(event => (event.type === 'wheel' ? event.ctrlKey : (event.touches ? event.touches.length >= 2 : false)))
    .on('zoom', event => view.attr('transform', event.transform));
  svg.call(zoom).on('dblclick.zoom', () => svg.call(zoom.transform, d3.zoomIdentity));
}
