// The playback buttons under the diagram, and its speed slider.
export function bindControls(steps, playback) {
  const on = (id, action) => document.getElementById(id).addEventListener('click', action);
  on('restart', () => steps.restart());
  on('back', () => steps.back());
  on('play', () => steps.toggle());
  on('forward', () => steps.forward());
  on('end', () => steps.end());
  document.getElementById('speed').addEventListener('input', event => playback.speed(Number(event.target.value)));
}
