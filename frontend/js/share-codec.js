// A scenario carried inside a link: its JSON, deflated, in base64url. Decoding needs no server, so a
// fragment link works from a saved copy of the page too.

export async function encodeScenario(scenario) {
  const json = new Blob([JSON.stringify(scenario)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(json).arrayBuffer()));
}

/** The scenario of an encoded fragment; throws when the text is cut short or not ours. */
export async function decodeScenario(text) {
  const packed = new Blob([fromBase64Url(text)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return JSON.parse(await new Response(packed).text());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}
