// A JSON array of objects edited as rows of labelled fields, kept in step with its JSON textarea: the textarea
// stays the scenario's text (the editor reads it), the rows write it on every change and are redrawn from it
// when it is filled or typed in. Keys the rows do not show are kept as they were.
import {t} from './i18n.js';

/**
 * `fields`: [{key, label, list?, options?() → [[value, text]], wide?}]; a `list` field is a
 * space-separated array, an `options` field a select, a `wide` one holds a MAC or addresses. `blank(items)` makes a new row's object; `name(item, index)` names a row.
 */
export function RowsForm(fieldset, {textarea, fields, blank, name, onChange = () => {}}) {
  const rows = fieldset.querySelector('.rows');
  const stale = fieldset.querySelector('.rows-stale');
  let items = [];

  fieldset.querySelector('.add-row').addEventListener('click', () => {
    items.push(blank(items));
    write();
    render();
    rows.lastElementChild?.querySelector('input, select')?.focus();
  });
  textarea.addEventListener('input', refresh);
  rows.addEventListener('input', event => edit(event.target));
  rows.addEventListener('change', event => edit(event.target));

  /** Reads the textarea; rows that cannot be read from it stay as they were, saying so. */
  function refresh() {
    let parsed;
    try {
      parsed = textarea.value.trim() ? JSON.parse(textarea.value) : [];
    } catch {
      parsed = null;
    }
    const valid = Array.isArray(parsed) && parsed.every(item => item && typeof item === 'object');
    stale.hidden = valid;
    if (!valid) return;
    items = parsed;
    render();
  }

  function edit(control) {
    const row = control.closest('.row');
    const field = fields.find(f => f.key === control.dataset.key);
    if (!row || !field) return;
    const item = items[Number(row.dataset.index)];
    const text = control.value.trim();
    const value = field.list ? text.split(/[\s,]+/).filter(Boolean) : text;
    if (value.length === 0) delete item[field.key];
    else item[field.key] = value;
    write();
    row.setAttribute('aria-label', name(item, Number(row.dataset.index)));
    onChange(items);
  }

  function write() {
    textarea.value = items.length ? JSON.stringify(items, null, 2) : '';
    stale.hidden = true;
  }

  function render() {
    rows.replaceChildren(...items.map((item, index) => row(item, index)));
  }

  function row(item, index) {
    const div = document.createElement('div');
    div.className = 'row';
    div.dataset.index = index;
    div.setAttribute('role', 'group');
    div.setAttribute('aria-label', name(item, index));
    for (const field of fields) div.append(cell(field, item));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove-row';
    remove.textContent = t('rows.remove');
    remove.addEventListener('click', () => {
      items.splice(index, 1);
      write();
      render();
      onChange(items);
      (rows.children[Math.min(index, items.length - 1)]?.querySelector('input, select')
        || fieldset.querySelector('.add-row')).focus();
    });
    div.append(remove);
    return div;
  }

  function cell(field, item) {
    const label = document.createElement('label');
    if (field.wide) label.className = 'wide';
    const span = document.createElement('span');
    span.textContent = t(field.label);
    const value = item[field.key];
    const control = field.options ? document.createElement('select') : document.createElement('input');
    control.dataset.key = field.key;
    if (field.options) fillSelect(control, field.options(items), value ?? '');
    else {
      control.value = Array.isArray(value) ? value.join(' ') : value ?? '';
      control.spellcheck = false;
      control.autocomplete = 'off';
    }
    label.append(span, control);
    return label;
  }

  /** Redraws the menus whose choices come from other rows (a bridge added, an interface renamed). */
  function updateOptions() {
    for (const select of rows.querySelectorAll('select')) {
      const field = fields.find(f => f.key === select.dataset.key);
      fillSelect(select, field.options(items), select.value);
    }
  }

  /** Marks one row's field as the one at fault, says why under the row, and brings it into view. */
  function mark(index, key, message) {
    const control = rows.children[index]?.querySelector(`[data-key="${key}"]`);
    if (!control) return false;
    const note = document.createElement('p');
    note.className = 'problem';
    note.id = `${fieldset.dataset.rows}-problem`;
    note.dataset.row = index;
    note.textContent = `${control.previousElementSibling.textContent}: ${message}`;
    rows.children[index].after(note);
    control.setAttribute('aria-describedby', note.id);
    control.setAttribute('aria-invalid', 'true');
    control.addEventListener('input', () => {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
      note.remove();
    }, {once: true});
    control.focus();
    return true;
  }

  return {refresh, updateOptions, mark};
}

/** The choices, and the current value among them even when no row offers it (a name still to be fixed). */
function fillSelect(select, pairs, value) {
  const choices = pairs.some(([v]) => v === value) ? pairs : [...pairs, [value, value]];
  select.replaceChildren(...choices.map(([v, text]) => {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = text;
    return option;
  }));
  select.value = value;
}
