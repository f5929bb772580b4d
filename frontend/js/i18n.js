// UI strings from the server's message bundle (the page carries them, resolved for the reader's locale).
const meta = document.querySelector('meta[name="ui-messages"]');
const messages = meta ? JSON.parse(meta.content || '{}') : {};

/** The message for `key` with {0}, {1}… filled from `args`; the key itself when the bundle lacks it. */
export function t(key, ...args) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (match, index) => (args[index] ?? match));
}

/** Whether the bundle has `key`: for names that have a translation only sometimes (a hook function's label). */
export function has(key) {
  return key in messages;
}
