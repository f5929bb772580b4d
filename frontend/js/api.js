// The server's API: the diagram, the presets, and simulations streamed hop by hop.
import {readEvents} from './sse.js';

export async function getJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  if (!response.ok) throw await problem(response);
  return response.json();
}

/** Posts JSON and reads the JSON answer; a refusal throws the server's ProblemDetail. */
export async function postJson(url, body) {
  const response = await fetch(url, {method: 'POST', body: JSON.stringify(body),
    headers: {'Content-Type': 'application/json', Accept: 'application/json'}});
  if (!response.ok) throw await problem(response);
  return response.json();
}

/** Posts JSON and reads a plain-text answer. */
export async function postText(url, body) {
  const response = await fetch(url, {method: 'POST', body: JSON.stringify(body),
    headers: {'Content-Type': 'application/json', Accept: 'text/plain'}});
  if (!response.ok) throw await problem(response);
  return response.text();
}

/**
 * Posts a scenario and streams its trace: onHop(step) per hop, onDone(summary) at the end, onError(problem)
 * with the server's ProblemDetail (a refused scenario names its field and line).
 */
export async function simulate(scenario, {onHop, onDone, onError, signal}) {
  let response;
  try {
    response = await fetch('/api/simulations', {
      method: 'POST', signal,
      headers: {'Content-Type': 'application/json', Accept: 'text/event-stream'},
      body: JSON.stringify(scenario),
    });
  } catch (error) {
    if (error.name !== 'AbortError') onError({title: 'network', detail: String(error.message || error)});
    return;
  }
  if (!response.ok) {
    onError(await problem(response));
    return;
  }
  try {
    await readEvents(response.body, ({event, data}) => {
      if (event === 'hop') onHop(JSON.parse(data));
      else if (event === 'done') onDone(JSON.parse(data));
      else if (event === 'error') onError(JSON.parse(data));
    });
  } catch (error) {
    if (error.name !== 'AbortError') onError({title: 'network', detail: String(error.message || error)});
  }
}

async function problem(response) {
  try {
    return await response.json();
  } catch {
    return {status: response.status, title: response.statusText, detail: `HTTP ${response.status}`};
  }
}
