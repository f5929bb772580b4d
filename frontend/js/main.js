// Wiring: loads the diagram and the presets, runs a scenario as a stream of hops, and keeps the diagram,
// inspector, event list and verdicts on the hop the reader is at.
import {getJson, simulate} from './api.js';
import {t} from './i18n.js';
import {Diagram} from './diagram.js';
import {Playback, SPEEDS} from './playback.js';
import {Inspector} from './inspector.js';
import {EventList} from './event-list.js';
import {Verdicts} from './verdicts.js';
import {Editor} from './editor.js';
import {bindKeys} from './keyboard.js';
import {nodeFor} from './node-ids.js';
import {showNotes, showRefusal} from './notes.js';

const $ = id => document.getElementById(id);
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const playback = Playback();
const diagram = Diagram($('diagram'));
const inspector = Inspector($('inspector'));
const events = EventList($('events'), {onSelect: index => playback.seek(index)});
const verdicts = Verdicts($('verdicts'));
const editor = Editor($('editor-form'));
const drawn = {backend: null};
let scenario = null;
let nodes = [];
let running = null;
let listPending = false;
let firstHopMarked = false;

playback.on('change', render);

function render(state) {
  const hop = state.hops[state.cursor];
  diagram.show({hops: state.hops, nodes, cursor: state.cursor, duration: playback.duration(),
    animate: state.animate && !reducedMotion.matches});
  inspector.show(hop, previousOfFlow(state), scenario, t('hop.of', state.cursor + 1, state.hops.length));
  events.update(state.hops, state.cursor);
  verdicts.update(state.hops, state.summary, state.cursor);
  $('play').textContent = state.playing ? t('pause') : t('play');
  $('play').setAttribute('aria-pressed', String(state.playing));
  $('position').textContent = hop ? t('hop.of', state.cursor + 1, state.hops.length) : t('hop.none');
  $('speed-value').textContent = t('speed', SPEEDS[state.speedIndex]);
  if (hop && !firstHopMarked) {
    firstHopMarked = true;
    requestAnimationFrame(() => performance.mark('first-hop-drawn'));
  }
}

function previousOfFlow(state) {
  const hop = state.hops[state.cursor];
  for (let i = state.cursor - 1; hop && i >= 0; i--) {
    if (state.hops[i].flow === hop.flow) return state.hops[i];
  }
  return null;
}

/** Hops that arrive while the shown one stays put still join the event list, once per frame. */
function listArrivals() {
  if (listPending) return;
  listPending = true;
  requestAnimationFrame(() => {
    listPending = false;
    const state = playback.state();
    events.update(state.hops, state.cursor);
    $('position').textContent = t('hop.of', state.cursor + 1, state.hops.length);
  });
}

async function drawDiagram(backend) {
  if (drawn.backend !== backend) {
    diagram.draw(await getJson(`/api/diagram?backend=${encodeURIComponent(backend)}`));
    drawn.backend = backend;
  }
}

async function run(next) {
  running?.abort();
  running = new AbortController();
  scenario = next;
  await drawDiagram(next.host?.backend || 'nft');
  nodes = [];
  firstHopMarked = false;
  performance.clearMarks();
  performance.mark('run');
  playback.reset();
  playback.play();
  $('scenario-title').textContent = next.title || '';
  showNotes($('notes'), next.notes);
  document.body.dataset.state = 'running';
  await simulate(next, {
    signal: running.signal,
    onHop: hop => {
      nodes.push(nodeFor(hop));
      playback.append(hop);
      listArrivals();
    },
    onDone: summary => {
      playback.finish(summary);
      document.body.dataset.state = 'done';
    },
    onError: problem => {
      document.body.dataset.state = 'refused';
      playback.pause();
      showRefusal($('verdicts'), problem);
      if (editor.showProblem(problem)) openEditor(true);
    },
  });
}

async function loadPreset(id) {
  const preset = await getJson(`/api/presets/${encodeURIComponent(id)}`);
  editor.fill(preset);
  scenario = preset;
  $('scenario-title').textContent = preset.title || '';
  showNotes($('notes'), preset.notes);
  await drawDiagram(preset.host?.backend || 'nft');
  return preset;
}

function openEditor(open) {
  $('editor').hidden = !open;
  $('edit').setAttribute('aria-expanded', String(open));
}

async function start() {
  const presets = await getJson('/api/presets');
  const select = $('preset');
  for (const preset of presets) {
    const option = document.createElement('option');
    option.value = preset.id;
    option.textContent = preset.title;
    option.title = preset.summary;
    select.append(option);
  }
  const wanted = new URLSearchParams(location.search).get('preset');
  if (wanted && presets.some(preset => preset.id === wanted)) select.value = wanted;
  if (select.value) await loadPreset(select.value);
  render(playback.state());
  document.body.dataset.ready = 'true';
}

$('preset').addEventListener('change', event => loadPreset(event.target.value));
$('run').addEventListener('click', () => {
  const edited = editor.read();
  if (edited) run(edited);
});
$('edit').addEventListener('click', () => openEditor($('editor').hidden));
$('editor-close').addEventListener('click', () => openEditor(false));
$('editor-form').addEventListener('submit', event => {
  event.preventDefault();
  const edited = editor.read();
  if (edited) run(edited);
});
$('restart').addEventListener('click', () => playback.restart());
$('back').addEventListener('click', () => playback.back());
$('play').addEventListener('click', () => playback.toggle());
$('forward').addEventListener('click', () => playback.forward());
$('end').addEventListener('click', () => playback.end());
$('speed').addEventListener('input', event => playback.speed(Number(event.target.value)));
bindKeys(playback);
start().catch(error => showRefusal($('verdicts'), {title: t('error.network', error.message || error)}));
