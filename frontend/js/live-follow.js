// A student's side of a live session (a page opened at /live/CODE): the page follows the presenter's state
// as it arrives, in its own language: the scenario, the hop, presenter and quiz mode. A student who steps
// (keys, buttons, the event list) steps away and may return to the presenter with one click; quiz answers
// go to the presenter. A broken connection is taken up again, and the page resumes at the presenter's hop.
import {getJson} from './api.js';
import {t} from './i18n.js';
import {answerLive, followLive, voterId} from './live-api.js';

export function LiveFollow({bar, quiz, apply}) {
  let code = null;
  let latest = null; // the presenter's newest state
  let following = true;
  let ended = false;
  let online = true;
  let applying = Promise.resolve();
  let events = null;

  /** Joins the session: its state of now first, then every state as the presenter moves. */
  async function join(joinCode) {
    code = joinCode;
    document.documentElement.dataset.live = 'follow';
    quiz.role('follow', {answer: (question, value) => answerLive(code, question, voterId(), value).catch(() => {})});
    const current = await getJson(`/api/live/${code}`);
    if (current.ended) {
      end();
      return;
    }
    receive(current);
    await applying;
    events = followLive(code, {
      onState: receive,
      onEnded: end,
      onLink: up => {
        online = up;
        show();
      },
    });
  }

  function receive({seq, state}) {
    if (latest && seq <= latest.seq) return;
    latest = {seq, state};
    if (following) follow();
    show();
  }

  /** Puts the page where the presenter is; states are applied one after another, the newest last. */
  function follow() {
    const {state} = latest;
    applying = applying.then(() => apply(state)).catch(() => {});
    return applying;
  }

  function end() {
    ended = true;
    events?.close();
    quiz.role('self');
    show();
  }

  function show() {
    bar.hidden = false;
    bar.replaceChildren();
    bar.classList.toggle('offline', !online && !ended);
    const dot = Object.assign(document.createElement('span'), {className: 'live-dot', textContent: t('live.on')});
    const code_ = Object.assign(document.createElement('strong'), {className: 'live-code', textContent: code});
    if (ended) {
      bar.append(Object.assign(document.createElement('span'), {textContent: t('live.ended.follow')}));
      return;
    }
    const status = Object.assign(document.createElement('span'), {className: 'live-status',
      textContent: !online ? t('live.reconnecting') : following ? t('live.following.presenter') : t('live.away')});
    bar.append(dot, code_, status);
    if (!following) {
      const back = Object.assign(document.createElement('button'), {type: 'button', id: 'live-return',
        className: 'primary', textContent: t('live.return')});
      back.addEventListener('click', () => {
        following = true;
        show();
        follow();
      });
      bar.append(back);
    }
  }

  function away() {
    if (code && following && !ended) {
      following = false;
      show();
    }
  }

  return {
    join,
    active: () => Boolean(code) && !ended,
    /** The keys and buttons: a student who steps steps away from the presenter (until they return). */
    guard(target) {
      const wrap = name => (...args) => {
        away();
        return target[name](...args);
      };
      return {toggle: wrap('toggle'), forward: wrap('forward'), back: wrap('back'), restart: wrap('restart'),
        end: wrap('end'), seek: wrap('seek')};
    },
  };
}
