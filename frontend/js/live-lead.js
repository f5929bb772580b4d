// The presenter's side of a live session: the Live dialog starts one over the scenario on screen (stored as a
// share, so every page loads the same), then every move (the hop, presenter mode, quiz mode, a new scenario)
// is sent in order, the bar shows the join code and how many follow, and in a quiz the class's answers reach
// the quiz panel. A reload of the presenter's tab takes the session up again (the key stays in the tab).
import {postJson} from './api.js';
import {t} from './i18n.js';
import {endLive, followLive, startLive, stepLive} from './live-api.js';

const KEPT = 'netfilter-flow.live.presenting';

export function LiveLead({dialog, bar, scenario, position, quiz, setQuiz}) {
  let session = null; // {code, key}
  let events = null;
  let shared = {text: null, id: null};
  let lastSent = null;
  let sending = Promise.resolve();
  let followers = 0;

  const $ = selector => dialog.querySelector(selector);

  /** The scenario's share id, stored once per distinct scenario (the same object is not even compared again). */
  async function shareOf(current) {
    if (current === shared.object) return shared.id;
    const text = JSON.stringify(current);
    if (text !== shared.text) shared = {text, id: (await postJson('/api/shares', current)).id};
    shared.object = current;
    return shared.id;
  }

  async function stateNow() {
    return {scenario: await shareOf(scenario()), ...position()};
  }

  async function start() {
    $('#live-status').textContent = t('live.starting');
    try {
      const started = await startLive(await stateNow());
      lastSent = JSON.stringify(started.state);
      attach(started.code, started.key);
    } catch (problem) {
      $('#live-status').textContent = t('live.failed', problem.detail || problem.title || problem.message || problem);
    }
  }

  function attach(code, key) {
    session = {code, key};
    sessionStorage.setItem(KEPT, JSON.stringify(session));
    document.documentElement.dataset.live = 'lead';
    events = followLive(code, {presenter: true,
      onFollowers: count => { followers = count; show(); },
      onAnswers: ({question, answers}) => quiz.tally(question, answers),
      onEnded: () => stop(t('live.ended.lead')),
      onLink: up => {
        bar.classList.toggle('offline', !up);
        // answers given while the stream was away: the counts on screen are read again
        const shown = quiz.shownQuestion();
        if (up && shown != null) tallyOf(shown);
      }});
    quiz.role('lead', {ask: tallyOf});
    show();
    changed();
  }

  /** The class's counts for a question, read from the server (once shown, events bring the changes). */
  function tallyOf(index) {
    fetch(`/api/live/${session.code}/answers/${index}`).then(response => response.json())
      .then(({answers}) => quiz.tally(index, answers)).catch(() => {});
  }

  /** Sends the presenter's state if it moved: in order, one at a time, each state once. */
  function changed() {
    if (!session) return;
    sending = sending.then(async () => {
      if (!session) return;
      const state = await stateNow();
      const text = JSON.stringify(state);
      if (text === lastSent) return;
      lastSent = text;
      try {
        await stepLive(session.code, session.key, state);
        bar.classList.remove('failed');
      } catch (problem) {
        if (problem.status === 410 || problem.status === 404 || problem.status === 403) stop(t('live.ended.lead'));
        else {
          lastSent = null; // the next move sends it again
          bar.classList.add('failed');
          bar.title = problem.detail || problem.title || String(problem);
        }
      }
    });
  }

  function stop(message) {
    events?.close();
    events = null;
    session = null;
    sessionStorage.removeItem(KEPT);
    delete document.documentElement.dataset.live;
    quiz.role('self');
    bar.hidden = false;
    bar.replaceChildren(Object.assign(document.createElement('span'), {textContent: message}));
    show();
  }

  function link() {
    return `${location.origin}/live/${session.code}`;
  }

  /** The bar: the code in big letters (students type it from the projector), where to join, how many follow. */
  function show() {
    $('#live-idle').hidden = Boolean(session);
    $('#live-running').hidden = !session;
    if (!session) return;
    $('#live-code').textContent = session.code;
    $('#live-link').value = link();
    $('#live-count').textContent = t('live.following', followers);
    $('#live-quiz').checked = quiz.active();
    bar.hidden = false;
    bar.replaceChildren();
    const code = Object.assign(document.createElement('strong'), {className: 'live-code', textContent: session.code});
    const where = Object.assign(document.createElement('span'), {className: 'live-where',
      textContent: t('live.join.at', `${location.host}/live`)});
    const count = Object.assign(document.createElement('span'), {className: 'live-count',
      textContent: t('live.following', followers)});
    bar.append(Object.assign(document.createElement('span'), {className: 'live-dot', textContent: t('live.on')}),
      where, code, count);
  }

  $('#live-start').addEventListener('click', start);
  $('#live-end').addEventListener('click', async () => {
    if (!session) return;
    const {code, key} = session;
    try {
      await endLive(code, key);
    } catch {
      // ended already, or the server away: this page stops presenting either way
    }
    stop(t('live.ended.lead'));
  });
  $('#live-copy').addEventListener('click', async () => {
    $('#live-link').select();
    await navigator.clipboard?.writeText(link()).catch(() => {});
  });
  $('#live-join').addEventListener('click', () => {
    const code = $('#live-join-code').value.trim().toUpperCase();
    if (/^[A-HJKMNP-Z2-9]{6}$/.test(code)) location.assign(`/live/${code}`);
    else $('#live-status').textContent = t('live.join.bad');
  });
  $('#live-quiz').addEventListener('change', event => setQuiz(event.target.checked));
  $('#live-close').addEventListener('click', () => dialog.close());

  return {
    open() {
      $('#live-status').textContent = '';
      show();
      dialog.showModal();
    },
    changed,
    active: () => Boolean(session),
    /** The session this tab presented before a reload, if any: {code, key}. */
    kept() {
      try {
        return JSON.parse(sessionStorage.getItem(KEPT));
      } catch {
        return null;
      }
    },
    /** Takes the session up again once its state is on screen (a reload of the presenter's tab). */
    resume({code, key}, state) {
      lastSent = JSON.stringify(state);
      attach(code, key);
    },
    forget: () => sessionStorage.removeItem(KEPT),
  };
}
