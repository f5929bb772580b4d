// Where the reader is in a trace: the hops received so far, the one shown, playing or paused, how fast.
// No drawing here; listeners hear "change" with {animate} when the shown hop moves.
import d3 from './d3.js';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];
const BASE_MS = 900;

export function Playback() {
  const events = d3.dispatch('change');
  const state = {hops: [], summary: null, cursor: -1, playing: false, speedIndex: 2};
  let timer = null;

  function emit(animate) {
    events.call('change', null, {...state, animate});
  }

  function schedule() {
    clearTimeout(timer);
    timer = null;
    if (!state.playing) return;
    if (state.cursor >= state.hops.length - 1) {
      if (state.summary) {
        state.playing = false;
        emit(false);
      }
      return; // waits for the next hop to arrive
    }
    timer = setTimeout(() => {
      state.cursor++;
      emit(true);
      schedule();
    }, state.cursor < 0 ? 0 : interval());
  }

  function interval() {
    return BASE_MS / SPEEDS[state.speedIndex];
  }

  return {
    on: (type, listener) => events.on(type, listener),
    state: () => state,
    duration: () => Math.min(interval() * 0.8, 700),
    reset() {
      clearTimeout(timer);
      Object.assign(state, {hops: [], summary: null, cursor: -1, playing: false});
      emit(false);
    },
    /** A hop from the stream; the very first is shown at once. */
    append(hop) {
      state.hops.push(hop);
      if (state.cursor < 0) {
        state.cursor = 0;
        emit(false);
      }
      if (state.playing && timer == null) schedule();
    },
    finish(summary) {
      state.summary = summary;
      emit(false);
      if (state.playing && timer == null) schedule();
    },
    play() {
      if (state.cursor >= state.hops.length - 1 && state.summary) state.cursor = -1;
      state.playing = true;
      emit(false);
      schedule();
    },
    pause() {
      state.playing = false;
      clearTimeout(timer);
      timer = null;
      emit(false);
    },
    toggle() {
      if (state.playing) this.pause();
      else this.play();
    },
    forward() {
      this.pause();
      if (state.cursor < state.hops.length - 1) {
        state.cursor++;
        emit(true);
      }
    },
    back() {
      this.pause();
      if (state.cursor > 0) {
        state.cursor--;
        emit(false);
      }
    },
    seek(index) {
      this.pause();
      state.cursor = state.hops.length ? Math.max(0, Math.min(index, state.hops.length - 1)) : -1;
      emit(false);
    },
    restart() {
      this.seek(0);
    },
    end() {
      this.seek(state.hops.length - 1);
    },
    speed(index) {
      state.speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, index));
      emit(false);
    },
  };
}
