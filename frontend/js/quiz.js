// Quiz mode, for a classroom (a link with `quiz` in its fragment): nothing plays by itself; before each hop
// worth a question (quiz-questions.js) the student clicks the box the packet visits next on the diagram, or
// picks it (or the chain's verdict) among a few buttons; right or wrong, the hop is then shown and explained
// with its sentence and deciding rule, and the score (right of asked) stays in view. Between questions the
// packet moves on by itself. The stepping keys and buttons go through `guard`, so none skips a question.
// In a live session the presenter leads (role 'lead': the class's answers are shown instead of buttons, and a
// reveal moves on) and the students follow (role 'follow': an answer is sent and kept until the presenter
// reveals it; nothing moves by itself).
import {t} from './i18n.js';
import {packetLine} from './packet-fields.js';
import {Questions} from './quiz-questions.js';
import {tallyList} from './quiz-tally.js';

export function Quiz(panel, {playback, diagram}) {
  const root = document.documentElement;
  let on = false;
  let role = 'self';
  let onAnswer = () => {};
  let onAsk = () => {};
  let tallies = new Map(); // question index → the class's counts (lead)
  let tallyShown = null; // the question whose counts are on screen, and whether revealed
  let questions = Questions(null);
  let answers = new Map(); // hop index → {chosen, label, answer (its label), right}
  let frontier = -1; // the furthest hop shown: behind it the student reviews, at it the quiz asks
  let told = null; // the hop whose answer is being explained
  let moving = false; // on to the next question, a hop at a time
  let timer = null;
  let drawnView = '';

  diagram.addEventListener('click', event => {
    const box = event.target.closest('g.node[data-id]');
    const question = asking();
    if (box && question?.kind === 'box' && role !== 'lead') answer(box.dataset.id); // a frame too: a hop may light one
  });

  function set(active) {
    if (active && !on) { // a quiz begins: nothing asked yet, from wherever the packet is
      answers = new Map();
      frontier = -1;
      told = null;
    }
    on = active;
    root.classList.toggle('quiz', on);
    panel.hidden = !on;
    if (!on) {
      halt();
      delete root.dataset.quiz;
    }
    drawnView = '';
    update();
  }

  /** A new run: no answers yet, and the packet moves on by itself up to the first question. */
  function reset() {
    answers = new Map();
    frontier = -1;
    told = null;
    halt();
    moving = on && role !== 'follow';
    tallies = new Map();
    drawnView = '';
  }

  /** The question waiting before the next hop: only at the frontier, only once the hop has arrived. */
  function asking(state = playback.state()) {
    if (!on || state.cursor < frontier || state.cursor + 1 >= state.hops.length) return null;
    const question = questions.at(state.hops, state.cursor + 1);
    return question && !answers.has(question.index) ? question : null;
  }

  /** Called whenever the shown hop moves or hops arrive: keeps the panel on what the student faces now. */
  function update(state = playback.state()) {
    if (!on) return;
    if (role !== 'follow') frontier = Math.max(frontier, state.cursor); // a student's is where the presenter is
    const view = currentView(state);
    const arrived = view.kind === 'ask' && moving; // the packet reached a question: it waits there
    if (arrived) halt();
    root.dataset.quiz = view.question ? `${view.kind}-${view.question.kind}` : view.kind; // for the styles
    panel.dataset.view = view.kind;
    const key = `${view.kind}:${view.index ?? ''}:${view.atEnd ? 'end' : ''}`;
    if (key !== drawnView) {
      drawnView = key;
      draw(view, state);
    }
    panel.querySelector('.quiz-score').textContent = role === 'lead' ? '' : t('quiz.score', rightCount(), answeredCount());
    if (arrived) focus('.quiz-choice');
    if (moving && timer == null) timer = setTimeout(step, 0);
  }

  function currentView(state) {
    if (state.hops.length === 0) return {kind: 'waiting'}; // a scenario picked, not run yet
    const atEnd = state.summary && state.cursor === state.hops.length - 1;
    if (told != null && told === state.cursor) return {kind: 'told', index: told, atEnd};
    if (role === 'follow' && told != null && told === state.cursor + 1) return {kind: 'sent', index: told};
    const question = asking(state);
    if (question) return {kind: 'ask', index: question.index, question};
    if (atEnd) return {kind: 'done'};
    return {kind: moving ? 'moving' : 'idle'};
  }

  function draw(view, state) {
    const body = panel.querySelector('.quiz-body'); // a live region: a reader hears each question and answer
    body.replaceChildren();
    delete body.dataset.kind;
    if (view.kind === 'ask') ask(body, view.question);
    else if (view.kind === 'told' && role === 'lead') reveal(body, state, view);
    else if (view.kind === 'told') explain(body, state.hops[view.index], answers.get(view.index), view.atEnd);
    else if (view.kind === 'sent') body.append(line('p', 'quiz-status', t('live.quiz.sent', answers.get(view.index).label)));
    else if (view.kind === 'done') body.append(finalLine());
    else if (view.kind === 'moving') body.append(line('p', 'quiz-status', t('quiz.moving')));
    else if (view.kind === 'waiting') body.append(line('p', 'quiz-status', t('hop.none')));
    else if (role === 'follow') body.append(line('p', 'quiz-status', t('live.quiz.follow')));
    else body.append(continueButton());
    panel.dataset.seq = ['ask', 'told', 'sent'].includes(view.kind) ? String(state.hops[view.index].seq) : '';
  }

  function ask(body, question) {
    const where = questions.boxName(question.from.node);
    const text = question.kind === 'box' ? t('quiz.ask.box', question.flow, where) : t('quiz.ask.verdict', question.flow, where);
    const heading = line('p', 'quiz-question', text);
    heading.id = 'quiz-question';
    const context = line('p', 'quiz-context', '');
    context.append(line('span', 'quiz-packet', packetLine(question.from.packet)));
    if (question.kind === 'box') context.append(' ', line('span', 'quiz-hint', t('quiz.hint.box')));
    body.append(heading, context);
    if (role === 'lead') {
      if (!tallies.has(question.index)) {
        tallies.set(question.index, {});
        onAsk(question.index); // the answers given before this page drew the question
      }
      tallyShown = {question, reveal: false};
      body.append(tallyList(question, tallies.get(question.index), {reveal: false, boxName: questions.boxName}));
      const button = line('button', 'quiz-reveal primary', t('live.quiz.reveal'));
      button.type = 'button';
      button.addEventListener('click', revealNow);
      body.append(button);
      body.dataset.kind = question.kind;
      return;
    }
    const choices = line('div', 'quiz-choices', '');
    choices.setAttribute('role', 'group');
    choices.setAttribute('aria-labelledby', 'quiz-question');
    for (const choice of question.choices) {
      const button = line('button', 'quiz-choice', choice.label);
      button.type = 'button';
      button.dataset.value = choice.value;
      button.addEventListener('click', () => answer(choice.value));
      choices.append(button);
    }
    body.append(choices);
    body.dataset.kind = question.kind;
  }

  function explain(body, hop, given, atEnd) {
    const result = line('p', `quiz-result ${given.right ? 'right' : 'wrong'}`,
      given.right ? t('quiz.right', given.answer) : t('quiz.wrong', given.label, given.answer));
    body.append(result, line('p', 'quiz-why', hop.why || ''));
    if (hop.rule) {
      body.append(line('code', 'quiz-rule', `${hop.rule.input} ${t('rule.line', hop.rule.line)}: ${hop.rule.text}`));
    }
    if (role !== 'follow') body.append(atEnd ? finalLine() : continueButton());
  }

  /** The presenter's reveal: the right answer beside the class's, the hop's sentence and rule. */
  function reveal(body, state, view) {
    const question = questions.at(state.hops, view.index);
    const hop = state.hops[view.index];
    body.append(line('p', 'quiz-result', t('live.quiz.answer', question.choices.find(choice => choice.value === question.answer)?.label
      ?? questions.boxName(question.answer))));
    tallyShown = {question, reveal: true};
    body.append(tallyList(question, tallies.get(view.index), {reveal: true, boxName: questions.boxName}));
    body.append(line('p', 'quiz-why', hop.why || ''));
    body.append(view.atEnd ? finalLine() : continueButton());
  }

  /** The presenter moves on to the hop asked about: every student sees whether they were right. */
  function revealNow() {
    const question = asking();
    if (!question) return;
    answers.set(question.index, {chosen: null, label: '', answer: '', right: false});
    told = question.index;
    playback.forward();
    focus('.quiz-continue, .quiz-final');
  }

  function continueButton() {
    const button = line('button', 'quiz-continue primary', t('quiz.continue'));
    button.type = 'button';
    button.addEventListener('click', proceed);
    return button;
  }

  /** The student's answer: counted, then the hop is shown (the reveal) and explained. */
  function answer(value) {
    const question = asking();
    if (!question) return;
    const chosen = question.choices.find(choice => choice.value === value);
    const label = chosen ? chosen.label : questions.boxName(value);
    const right = question.choices.find(choice => choice.value === question.answer)?.label ?? question.answer;
    answers.set(question.index, {chosen: value, label, answer: right, right: value === question.answer});
    told = question.index;
    if (role === 'follow') {
      onAnswer(question.index, value); // kept until the presenter reveals it
      drawnView = '';
      update();
      return;
    }
    playback.forward();
    focus('.quiz-continue, .quiz-final');
  }

  /** Continue: the packet moves on, a hop at a time, until the next question or the end. */
  function proceed() {
    told = null;
    halt();
    moving = true;
    step();
  }

  function step() {
    timer = null;
    if (!on || !moving) return;
    const state = playback.state();
    if (asking(state)) {
      update(state); // asks, and stops
      return;
    }
    if (state.cursor >= state.hops.length - 1) {
      if (state.summary) {
        moving = false;
        update(state);
      }
      return; // the next hop to arrive calls update, which steps on
    }
    timer = setTimeout(step, playback.duration() / 0.8);
    playback.forward();
  }

  function halt() {
    moving = false;
    clearTimeout(timer);
    timer = null;
  }

  /** → and the forward button: ask the question waiting (focus its answers), else go on. */
  function next() {
    if (moving) return;
    const state = playback.state();
    if (asking(state)) {
      if (role === 'lead') revealNow();
      else focus('.quiz-choice');
    } else if (state.cursor < frontier) playback.forward();
    else if (role !== 'follow') proceed();
  }

  /** Keyboard users land on the answers; the page does not jump (a phone keeps the diagram in view). */
  function focus(selector) {
    panel.querySelector(selector)?.focus({preventScroll: true});
  }

  function rightCount() {
    return [...answers.values()].filter(given => given.right).length;
  }

  /** The answers the student gave (a presenter's reveals are not answers). */
  function answeredCount() {
    return [...answers.values()].filter(given => given.chosen != null).length;
  }

  /** The final score; focusable, so an answer to the last question leaves the focus on it, not on the page. */
  function finalLine() {
    const final = line('p', 'quiz-final', role === 'lead' ? t('live.quiz.over') : t('quiz.final', rightCount(), answeredCount()));
    final.tabIndex = -1;
    return final;
  }

  function line(tag, className, text) {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  return {
    set,
    reset,
    update,
    active: () => on,
    /**
     * A live session's part: 'lead' (the presenter: `ask(index)` when a question shows, for its counts so far),
     * 'follow' (a student: `answer(index, value)` sends each answer) or 'self' (alone).
     */
    role(next, {answer = () => {}, ask = () => {}} = {}) {
      role = next;
      onAnswer = answer;
      onAsk = ask;
      if (role === 'follow') halt();
      drawnView = '';
      update();
    },
    /** Stops the packet moving on by itself (a presenter's page taken up again stays where it was). */
    pause() {
      halt();
      update();
    },
    /** Where the presenter is (follow): the quiz asks there, and the student cannot step past it. */
    presenterAt(index) {
      frontier = index;
    },
    /** The question whose class counts are on screen (lead), or null. */
    shownQuestion: () => (panel.querySelector('.quiz-tally') ? tallyShown?.question.index ?? null : null),
    /** The class's counts for a question (lead), drawn at once when it is on screen. */
    tally(index, counts) {
      tallies.set(index, counts);
      const list = panel.querySelector('.quiz-tally');
      if (list && tallyShown?.question.index === index) { // the counts change in place: the buttons stay put
        list.replaceWith(tallyList(tallyShown.question, counts, {reveal: tallyShown.reveal, boxName: questions.boxName}));
      }
    },
    /** The diagram's boxes and edges, for the answers offered (they change with the backend). */
    setDiagram(description) {
      questions = Questions(description);
      drawnView = '';
    },
    /** Playback as the keys and buttons drive it, with no way past a question in quiz mode. */
    guard(target) {
      return {
        toggle: () => (on ? (moving ? (halt(), update()) : next()) : target.toggle()),
        forward: () => (on ? next() : target.forward()),
        back: () => { halt(); target.back(); },
        restart: () => { halt(); target.restart(); },
        end: () => (on ? (halt(), target.seek(frontier)) : target.end()),
        seek: index => (on ? (halt(), target.seek(Math.min(index, frontier))) : target.seek(index)),
      };
    },
  };
}
