// What a link asks for: a live session to follow (/live/{code}), a scenario (a preset in ?preset=, a stored
// share at /s/{id}, or one carried in the
// fragment as s=), the hop to open at (hop=12, counted from 1 as the page counts) or the first hop of a
// packet (packet=3), presenter mode (present) and quiz mode (quiz).

export function readLink(where = location) {
  const view = new URLSearchParams(where.hash.replace(/^#/, ''));
  return {
    preset: new URLSearchParams(where.search).get('preset'),
    shareId: document.querySelector('meta[name="share-id"]')?.content || null,
    liveCode: document.querySelector('meta[name="live-code"]')?.content || null,
    encoded: view.get('s'),
    hop: positive(view.get('hop')),
    packet: positive(view.get('packet')),
    present: view.has('present'),
    quiz: view.has('quiz'),
  };
}

/** The fragment's view part: {@code hop=12&present&quiz}, empty when there is nothing to say. */
export function viewFragment({hop, present, quiz}) {
  const parts = [];
  if (hop) parts.push(`hop=${hop}`);
  if (present) parts.push('present');
  if (quiz) parts.push('quiz');
  return parts.join('&');
}

function positive(text) {
  const value = Number.parseInt(text, 10);
  return Number.isInteger(value) && value > 0 ? value : null;
}
