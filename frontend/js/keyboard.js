// Keys for a classroom: space plays or pauses, arrows (and a clicker's PageUp/PageDown) step, Home and End
// jump, P enters or leaves presenter mode, N hides or shows its notes, B (or a clicker's '.') blanks the
// screen and brings it back, Escape closes what is open. Typing in a field wins, but for the scenario menu:
// left, right and the clicker's keys step there too (up and down choose a scenario). A quiz's answer buttons
// take Enter and space as buttons do.

export function bindKeys(playback, presenter, {closeEditor, closeMenus}) {
  document.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ([' ', 'Enter'].includes(event.key) && event.target.closest('#quiz button')) return;
    if (event.key === 'Escape' && !presenter.active()) {
      closeMenus();
      if (!document.getElementById('editor').hidden) {
        closeEditor();
        document.getElementById('edit').focus();
      }
      return;
    }
    const stepping = ['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown'].includes(event.key)
      && event.target.closest('select#preset');
    if (event.target.closest('input, textarea, select, [contenteditable]') && !stepping) return;
    const action = {
      ' ': () => playback.toggle(),
      ArrowRight: () => playback.forward(),
      ArrowLeft: () => playback.back(),
      PageDown: () => playback.forward(),
      PageUp: () => playback.back(),
      Home: () => playback.restart(),
      End: () => playback.end(),
      b: () => document.body.classList.toggle('blank'),
      B: () => document.body.classList.toggle('blank'),
      '.': () => document.body.classList.toggle('blank'),
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
  if (event.key === ' ' && event.target.closest('button') && !event.target.closest('#quiz')) event.preventDefault();
});
