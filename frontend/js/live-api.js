// A live session's API: start it, move it, end it (the presenter's key in Authorization), answer a question, and
// follow its events. The events come through EventSource, which connects again by itself after a broken
// connection (to whichever server the load balancer picks); a refusal (the server full, say) is retried here.
import {postJson} from './api.js';

export function startLive(state) {
  return postJson('/api/live', {state});
}

export async function stepLive(code, key, state) {
  return send(`/api/live/${code}/state`, 'POST', key, state);
}

export async function endLive(code, key) {
  return send(`/api/live/${code}`, 'DELETE', key, null);
}

export function answerLive(code, question, voter, answer) {
  return postJson(`/api/live/${code}/answers`, {question, voter, answer});
}

async function send(url, method, key, body) {
  const response = await fetch(url, {method, body: body == null ? undefined : JSON.stringify(body),
    headers: {'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${key}`}});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({title: response.statusText}));
    throw {...problem, status: response.status};
  }
  return response.status === 204 ? null : response.json();
}

/**
 * Follows the session's events: onState({seq, state}), onFollowers(n) and onAnswers({question, answers}) for a
 * presenter, onEnded(), onLink(connected) as the connection comes and goes. Returns {close}.
 */
export function followLive(code, {presenter = false, onState, onFollowers, onAnswers, onEnded, onLink}) {
  let source = null;
  let retry = null;
  let over = false;

  function connect() {
    source = new EventSource(`/api/live/${code}/events${presenter ? '?presenter=true' : ''}`);
    source.addEventListener('open', () => onLink?.(true));
    source.addEventListener('state', event => onState?.(JSON.parse(event.data)));
    source.addEventListener('followers', event => onFollowers?.(JSON.parse(event.data).followers));
    source.addEventListener('answers', event => onAnswers?.(JSON.parse(event.data)));
    source.addEventListener('ended', () => {
      over = true;
      source.close();
      onEnded?.();
    });
    source.addEventListener('error', () => {
      if (over) return;
      onLink?.(false);
      if (source.readyState === EventSource.CLOSED) { // refused, not just cut: EventSource gives up, this does not
        clearTimeout(retry);
        retry = setTimeout(connect, 2000);
      }
    });
  }

  connect();
  return {
    close() {
      over = true;
      clearTimeout(retry);
      source?.close();
    },
  };
}

/** This page's anonymous voter id: random, kept for the tab's life, never tied to a person. */
export function voterId() {
  const key = 'netfilter-flow.voter';
  let id = sessionStorage.getItem(key);
  if (!id) {
    const bits = crypto.getRandomValues(new Uint8Array(16));
    id = btoa(String.fromCharCode(...bits)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    sessionStorage.setItem(key, id);
  }
  return id;
}
