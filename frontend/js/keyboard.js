// Keys for a classroom: space plays or pauses, arrows step, Home and End jump, P enters or leaves
// presenter mode, N hides or shows its notes and Escape leaves it. Typing in a field wins.

export function bindKeys(playback, presenter) {
  document.addEventListener('keydown', event => {
    if (event.target.closest('input, textarea, select, [contenteditable]') || event.altKey || event.ctrlKey
        || event.metaKey) {
      return;
    }
    const action = {
      ' ': () => playback.toggle(),
      ArrowRight: () => playback.forward(),
      ArrowLeft: () => playback.back(),
      Home: () => playback.restart(),
      End: () => playback.end(),
      p: () => presenter.toggle(),
      P: () => presenter.toggle(),
      n: presenter.active() ? () => presenter.toggleNotes() : undefined,
      N: presenter.active() ? () => presenter.toggleNotes() : undefined,
      Escape: presenter.active() ? () => presenter.set(false) : undefined,
    }[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}

// A focused button would also take the space bar as a click; the space bar belongs to play and pause.
document.addEventListener('keyup', event => {
  if (event.key === ' ' && event.target.closest('button')) event.preventDefault();
});
