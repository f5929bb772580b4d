// Reads a text/event-stream body (from fetch, which unlike EventSource can POST a scenario).

/** Calls onEvent({event, id, data}) for each event of the stream; resolves when the stream ends. */
export async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parse(block);
      if (event) onEvent(event);
    }
  }
}

function parse(block) {
  const event = {event: 'message', id: null, data: ''};
  let data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue; // a heartbeat comment
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  event.data = data.join('\n');
  return event;
}
