// A live session on this page: the presenter's side (LiveLead) and a student's (LiveFollow) wired to the page's
// run, presenter mode and quiz. A student's page applies each state the presenter sends: another scenario is
// loaded and run to the presenter's hop, the same one only moves to it.
import {getJson} from './api.js';
import {LiveLead} from './live-lead.js';
import {LiveFollow} from './live-follow.js';

/**
 * `shown()` is the scenario on screen, `run(scenario, at)` runs one, `runReady()` resolves once that run's hops
 * may arrive, `goTo(hop)` moves to hop N (from 1) now or when it arrives.
 */
export function LivePage({dialog, bar, quiz, presenter, playback, editor, presets, shown, run, runReady, goTo}) {
  let followedShare = null;

  /** A presenter's state on this page: the scenario, the hop and the modes. */
  async function apply({scenario: id, hop, present, quiz: quizOn}) {
    presenter.set(present);
    if (quiz.active() !== quizOn) quiz.set(quizOn);
    if (id === followedShare) {
      goTo(hop);
      return;
    }
    const shared = await getJson(`/api/shares/${encodeURIComponent(id)}`);
    followedShare = id;
    presets.value = '';
    editor.fill(shared);
    run(shared, {hop: Math.max(1, hop)});
    await runReady();
    quiz.presenterAt(Math.max(1, hop) - 1);
  }

  const follow = LiveFollow({bar, quiz, apply});
  const lead = LiveLead({dialog, bar, quiz, scenario: shown,
    position: () => ({hop: playback.state().cursor + 1, present: presenter.active(), quiz: quiz.active()}),
    setQuiz: on => {
      quiz.set(on);
      const current = shown();
      if (current) run(current);
    }});
  // presenter and quiz mode are a presenter's state too: a student's page follows them
  new MutationObserver(() => lead.changed()).observe(document.documentElement, {attributeFilter: ['class']});

  return {
    /** The keys and buttons: a student who steps steps away from the presenter. */
    guard: target => follow.guard(target),
    join: code => follow.join(code),
    open: () => lead.open(),
    /** The presenter's page moved: its state goes to the class. */
    changed: () => lead.changed(),
    /** A presenter's tab reloaded during a session takes it up again where it was; false when there is none. */
    async resume(link) {
      const kept = lead.kept();
      if (!kept || link.encoded || link.shareId) return false;
      const current = await getJson(`/api/live/${kept.code}`).catch(() => null);
      if (!current || current.ended) {
        lead.forget();
        return false;
      }
      await apply(current.state);
      quiz.pause();
      lead.resume(kept, current.state);
      return true;
    },
  };
}
