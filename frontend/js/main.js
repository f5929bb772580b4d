// Wiring: loads the diagram and the presets, opens what the link asks for (a preset, a shared scenario, a
// hop, presenter mode, a quiz), runs a scenario as a stream of hops, and keeps the diagram, inspector, event list,
// verdicts and caption on the hop the reader is at.
import {getJson, simulate} from './api.js';
import {DiagramRegistry} from './diagram-registry.js';
import {readScenarioFile} from './scenario-file.js';
import {t} from './i18n.js';
import {Diagram} from './diagram.js';
import {Playback, SPEEDS} from './playback.js';
import {Inspector} from './inspector.js';
import {EventList} from './event-list.js';
import {Verdicts} from './verdicts.js';
import {Editor} from './editor.js';
import {bindKeys} from './keyboard.js';
import {showNotes, showRefusal} from './notes.js';
import {readLink} from './link.js';
import {decodeScenario} from './share-codec.js';
import {ShareDialog} from './share.js';
import {Presenter} from './presenter.js';
import {bindExportMenu} from './export-menu.js';
import {bindControls} from './controls.js';
import {CountersDialog} from './counters.js';
import {bindLanguage} from './language.js';
import {Quiz} from './quiz.js';
import {shownNode, withPorts} from './hop-node.js';
import {PacketBuilder, bindEndpointClicks} from './builder.js';
import {EndpointForms} from './endpoint-form.js';
import {CompareDialog} from './compare.js';
import {kernelPath} from './kernel-path.js';
import {LivePage} from './live-page.js';

const $ = id => document.getElementById(id);
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const playback = Playback();
const diagram = Diagram($('diagram'));
const inspector = Inspector($('inspector'));
const events = EventList($('events'), {onSelect: index => steps.seek(index), filters: $('event-filters'),
  empty: $('events-none')});
const verdicts = Verdicts($('verdicts'));
const editor = Editor($('editor-form'));
const forms = EndpointForms($('editor-form'));
const presenter = Presenter($('caption'));
const counters = CountersDialog($('counters-dialog'));
const share = ShareDialog($('share-dialog'), {
  scenario: () => editor.read() || scenario,
  position: () => (playback.state().cursor >= 0 ? playback.state().cursor + 1 : null),
});
// a compared trace: the simulation runs so its path shows, and the kernel's is drawn over it
const compare = CompareDialog($('compare-dialog'), {
  scenario: () => editor.read(),
  compared: (current, result) => {
    // at the hop where the two part, else at the end: the simulated path so far beside the kernel's
    const path = kernelPath(result);
    run(current, {hop: path.seq ?? Number.MAX_SAFE_INTEGER});
    showKernelPath(path);
  },
});
const registry = DiagramRegistry();
const quiz = Quiz($('quiz'), {playback, diagram: $('diagram')});
const live = LivePage({dialog: $('live-dialog'), bar: $('live-bar'), quiz, presenter, playback, editor,
  presets: $('preset'), shown: () => scenario || editor.read(), run, runReady: () => runReady, goTo});
// the keys and buttons: in a quiz, none steps past a question; a student following a presenter steps away
const steps = live.guard(quiz.guard(playback));
const builder = PacketBuilder($('builder-dialog'), {
  scenario: () => editor.read() || (openEditor(true), null),
  run: one => {
    openEditor(false); // the run is what the reader wants to see now; a refused field opens it again
    run(one, null, {fromBuilder: true});
  },
  add: packet => editor.addPacket(packet),
});
bindLanguage($('language'));
let scenario = null;
let running = null;
let listPending = false;
let firstHopMarked = false;
let target = null;
let runReady = Promise.resolve(); // resolves once a run's hops may arrive (its playback is reset)

playback.on('change', render);

function render(state) {
  const hop = state.hops[state.cursor];
  diagram.show({hops: state.hops, cursor: state.cursor, duration: playback.duration(),
    animate: state.animate && !reducedMotion.matches});
  inspector.show(hop, previousOfFlow(state), state.summary?.chains, t('hop.of', state.cursor + 1, state.hops.length));
  events.update(state.hops, state.cursor);
  verdicts.update(state.hops, state.summary, state.cursor);
  presenter.show(hop, t('hop.of', state.cursor + 1, state.hops.length));
  $('play').textContent = state.playing ? t('pause') : t('play');
  $('play').setAttribute('aria-pressed', String(state.playing));
  $('position').textContent = hop ? t('hop.of', state.cursor + 1, state.hops.length) : t('hop.none');
  $('speed-value').textContent = t('speed', SPEEDS[state.speedIndex]);
  quiz.update(state);
  live.changed();
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
    quiz.update(state);
  });
}

/**
 * Draws the registry's diagram for the scenario around its host; resolves once the registry is here, with the
 * drawing's own promise (finished when every edge is drawn).
 */
async function drawDiagram(shown) {
  const hooks = await registry.of(shown);
  quiz.setDiagram(withPorts(hooks, shown));
  return {finished: diagram.draw(hooks, shown)};
}

/** Stops at the hop a link points at once it has arrived: hop=N, or the first hop of packet=P. */
function reachTarget(final) {
  if (!target) return;
  const {hops} = playback.state();
  const index = target.hop ? target.hop - 1 : hops.findIndex(hop => hop.flow === target.packet);
  if (index >= 0 && index < hops.length) {
    target = null;
    playback.seek(index);
  } else if (final) {
    target = null;
    playback.seek(hops.length - 1);
  }
}

/** Forgets the run on screen: its hops, banners, counters and trails (a new preset or scenario is coming). */
function clearRun() {
  running?.abort();
  showKernelPath(null);
  running = null;
  target = null;
  $('verdicts').replaceChildren();
  $('counters').disabled = true;
  delete document.body.dataset.state;
  quiz.reset();
  playback.reset();
}

/** The kernel's path on the diagram and its legend; null hides both. */
function showKernelPath(path) {
  diagram.overlay(path);
  $('kernel-legend').hidden = !path;
}

async function run(next, at = null, {fromBuilder = false} = {}) {
  let ready;
  runReady = new Promise(resolve => { ready = resolve; });
  try {
    await runStream(next, at, fromBuilder, ready);
  } finally {
    ready();
  }
}

async function runStream(next, at, fromBuilder, ready) {
  running?.abort();
  showKernelPath(null);
  document.body.dataset.state = 'running';
  $('verdicts').replaceChildren();
  target = at;
  running = new AbortController();
  scenario = next;
  await drawDiagram(next); // the hops need not wait for the drawing: it shows the hop it is at once it is done
  firstHopMarked = false;
  performance.clearMarks();
  performance.mark('run');
  quiz.reset();
  playback.reset();
  ready();
  if (!target && !quiz.active()) playback.play();
  $('scenario-title').textContent = next.title || '';
  showNotes($('notes'), next.notes);
  document.body.dataset.state = 'running';
  $('counters').disabled = true;
  await simulate(next, {
    signal: running.signal,
    onHop: hop => {
      playback.append(hop);
      listArrivals();
      reachTarget(false);
    },
    onDone: summary => {
      playback.finish(summary);
      reachTarget(true);
      $('counters').disabled = false;
      document.body.dataset.state = 'done';
    },
    onError: problem => {
      document.body.dataset.state = 'refused';
      playback.pause();
      showRefusal($('verdicts'), problem);
      // the builder's one packet is not in the editor: its refusal goes back to the builder's field
      if (fromBuilder && builder.showRefusal(problem)) return;
      if (editor.showProblem(problem)) {
        openEditor(true);
        forms.showProblem(problem); // the row's own field too, when the JSON behind it is closed
      }
    },
  });
}

/** Goes to hop N (from 1) now, or as soon as it arrives: a presenter's hop followed. */
function goTo(hop) {
  quiz.presenterAt(Math.max(1, hop) - 1);
  target = {hop: Math.max(1, hop)};
  reachTarget(Boolean(playback.state().summary));
}

async function loadPreset(id) {
  clearRun();
  const preset = await getJson(`/api/presets/${encodeURIComponent(id)}`);
  editor.fill(preset);
  scenario = preset;
  $('scenario-title').textContent = preset.title || '';
  showNotes($('notes'), preset.notes);
  await (await drawDiagram(preset)).finished;
  return preset;
}

function openEditor(open) {
  $('editor').hidden = !open;
  $('edit').setAttribute('aria-expanded', String(open));
}

/** The scenario a share link carries or names, or null when the link names none. */
async function sharedScenario(link) {
  if (link.shareId) return getJson(`/api/shares/${encodeURIComponent(link.shareId)}`);
  if (!link.encoded) return null;
  try {
    return await decodeScenario(link.encoded);
  } catch {
    throw {title: t('share.broken')};
  }
}

async function start() {
  const link = readLink();
  presenter.set(link.present);
  quiz.set(link.quiz);
  // the server named the preset the page opens by default; a shared scenario has a title of its own
  if (link.encoded || link.shareId) $('scenario-title').textContent = '';
  const presets = await getJson('/api/presets');
  const select = $('preset');
  for (const preset of presets) {
    const option = document.createElement('option');
    option.value = preset.id;
    option.textContent = preset.title;
    option.title = preset.summary;
    select.append(option);
  }
  if (link.liveCode) { // a student's page: the presenter's scenario, where the presenter is
    await live.join(link.liveCode).catch(problem => showRefusal($('verdicts'), problem));
    document.body.dataset.ready = 'true';
    return;
  }
  if (await live.resume(link)) { // a presenter's tab reloaded during a live session
    document.body.dataset.ready = 'true';
    return;
  }
  const at = link.hop || link.packet ? {hop: link.hop, packet: link.packet} : null;
  let broken = null;
  const shared = await sharedScenario(link).catch(problem => {
    broken = problem;
    return null;
  });
  if (shared) {
    select.value = '';
    editor.fill(shared);
    document.body.dataset.ready = 'true';
    await run(shared, at);
    return;
  }
  if (link.preset && presets.some(preset => preset.id === link.preset)) select.value = link.preset;
  if (select.value) await loadPreset(select.value);
  render(playback.state());
  // a link that cannot be opened says so, and the message stays over the preset opened instead
  if (broken) showRefusal($('verdicts'), broken);
  document.body.dataset.ready = 'true';
  if (link.preset && scenario && (at || link.present || link.quiz)) await run(scenario, at);
}

$('preset').addEventListener('change', event => loadPreset(event.target.value));
$('run').addEventListener('click', () => {
  const edited = editor.read();
  if (edited) run(edited);
});
$('edit').addEventListener('click', () => openEditor($('editor').hidden));
$('editor-close').addEventListener('click', () => openEditor(false));
// a scenario file (one downloaded from here, or written by hand) loads into the editor and runs
$('scenario-file').addEventListener('change', async event => {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  const loaded = await readScenarioFile(file, $('verdicts'));
  if (!loaded) return;
  clearRun();
  $('preset').value = '';
  editor.fill(loaded);
  run(loaded);
});
$('editor-form').addEventListener('submit', event => {
  event.preventDefault();
  const edited = editor.read();
  if (edited) run(edited);
});
$('add-packet').addEventListener('click', () => builder.open());
// a box clicked shows its rules with the run's counters and the packets it saw (a quiz asks with clicks instead)
$('diagram').addEventListener('click', event => {
  const box = quiz.active() ? null : diagram.boxAt(event.target);
  if (!box) return;
  const state = playback.state();
  inspector.showBox(box, {hops: state.hops, cursor: state.cursor, summary: state.summary, where: shownNode,
    seek: index => steps.seek(index)});
});
bindEndpointClicks($('diagram'), name => builder.open(name));
bindControls(steps, playback);
$('share').addEventListener('click', () => share.open());
$('live').addEventListener('click', () => live.open());
$('compare').addEventListener('click', () => compare.open());
$('kernel-legend-clear').addEventListener('click', () => showKernelPath(null));
$('counters').addEventListener('click', () => counters.open(scenario));
$('present').addEventListener('click', () => presenter.toggle());
bindExportMenu($('export'), {read: () => editor.read(), refusals: $('verdicts')});
bindKeys(steps, presenter, {closeEditor: () => openEditor(false), closeMenus: () => { $('export').open = false; }});
start().catch(error => showRefusal($('verdicts'), {title: t('error.network', error.message || error)}));
