// Presenter mode, for a projector: big type, the editor and the on-screen controls hidden (keys only),
// the diagram on the whole screen (N shows the notes over its right side, and hides them) and a caption line
// saying what the current hop does and why.
import {t} from './i18n.js';
import {stageName} from './inspector.js';
import {packetLine} from './packet-fields.js';

export function Presenter(caption) {
  const root = document.documentElement;

  function set(on) {
    root.classList.toggle('presenting', on);
    document.body.dataset.presenting = String(on);
  }

  return {
    set,
    toggle: () => set(!root.classList.contains('presenting')),
    toggleNotes: () => root.classList.toggle('notes-shown'),
    active: () => root.classList.contains('presenting'),
    /** The caption: where the packet is and what happens to it, the sentence saying why and the deciding rule. */
    show(hop, position) {
      caption.replaceChildren();
      if (!hop) return;
      const where = document.createElement('strong');
      where.textContent = `${t('packet', hop.flow)} · ${position} · ${stageName(hop)}${hop.verdict ? ` → ${hop.verdict}` : ''}`;
      const packet = document.createElement('span');
      packet.className = 'packet-line';
      packet.textContent = packetLine(hop.packet);
      const why = document.createElement('span');
      why.className = 'why-line';
      why.textContent = hop.why || '';
      caption.append(where, packet, why);
      if (hop.rule) {
        const rule = document.createElement('code');
        rule.className = 'rule-line';
        rule.textContent = `${hop.rule.input} ${t('rule.line', hop.rule.line)}: ${hop.rule.text}`;
        caption.append(rule);
      }
    },
  };
}
