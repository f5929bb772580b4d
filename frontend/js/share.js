// The Share dialog: a link to the scenario as it is in the editor, at the current hop, in presenter mode and
// as a quiz if asked. A scenario that fits travels whole in the fragment; a larger one is stored on the server.
import {encodeScenario} from './share-codec.js';
import {viewFragment} from './link.js';
import {postJson} from './api.js';
import {t} from './i18n.js';

/** Longest link kept serverless: what mail clients and chat apps pass on unbroken. */
export const MAX_FRAGMENT_LINK = 2000;

export async function shareLink(scenario, view, origin = location.origin) {
  const extra = viewFragment(view);
  const inline = `${origin}/#s=${await encodeScenario(scenario)}${extra ? `&${extra}` : ''}`;
  if (inline.length <= MAX_FRAGMENT_LINK) return {url: inline, stored: false};
  const created = await postJson('/api/shares', scenario);
  return {url: `${origin}${created.path}${extra ? `#${extra}` : ''}`, stored: true};
}

export function ShareDialog(dialog, {scenario, position}) {
  const form = dialog.querySelector('form');
  const output = dialog.querySelector('#share-link');
  const how = dialog.querySelector('#share-how');

  let made = 0;

  /** Makes the link for the boxes as they are; a link for boxes since changed is dropped. */
  async function refresh() {
    const request = ++made;
    delete dialog.dataset.ready;
    output.value = '';
    how.textContent = t('share.making');
    const hop = form.elements.atHop.checked ? position() : null;
    try {
      const link = await shareLink(scenario(), {hop, present: form.elements.present.checked, quiz: form.elements.quiz.checked});
      if (request !== made) return;
      output.value = link.url;
      how.textContent = link.stored ? t('share.stored') : t('share.inline');
      dialog.dataset.ready = 'true';
    } catch (error) {
      if (request === made) how.textContent = t('share.failed', error.detail || error.message || error);
    }
  }

  form.addEventListener('change', refresh);
  dialog.querySelector('#share-copy').addEventListener('click', async () => {
    output.select();
    try {
      await navigator.clipboard.writeText(output.value);
      how.textContent = t('share.copied');
    } catch {
      how.textContent = t('share.select');
    }
  });
  dialog.querySelector('#share-close').addEventListener('click', () => dialog.close());

  return {
    open() {
      const hop = position();
      form.elements.atHop.disabled = !hop;
      dialog.querySelector('#share-hop-label').textContent = hop ? t('share.atHop', hop) : t('share.atStart');
      dialog.showModal();
      refresh();
    },
  };
}
