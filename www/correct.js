// The correction controls (issue 14, point 7), shown while "Sửa kết quả"
// is on: make a paragraph or a removed block the title, restore a removed
// block, retype or remove an entity (the editor that a click on a mention
// opens), fix an event's date. Each changes state.corrections and asks for
// the result again; corrections.js applies them, and they travel in the
// exports and the share link.

import { state, entityTypes } from './state.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';
import { entityKey, eventKey, countCorrections, emptyCorrections } from './corrections.js';
import { parseUserDate } from './readable.js';

/** Wires the controls; `refresh()` extracts again with the corrections; `toast(message)` reports. */
export function wireCorrections(ui, { refresh, toast }) {
  let editing = null; // the entity the editor is open for

  const change = (fn) => {
    fn(state.corrections);
    refresh();
  };

  const setTitle = (text) => change((c) => (c.title = text));
  const restore = (text) => change((c) => c.restored.includes(text) || c.restored.push(text));

  const closeEditor = () => {
    ui.editor.hidden = true;
    const back = editing?.mark;
    editing = null;
    if (back?.isConnected) back.focus();
  };

  /** Opens the editor for the entity under `mark`, beside it. */
  const openEditor = (mark) => {
    const e = state.result?.entities?.[Number(mark.dataset.idx)];
    if (!e) return;
    editing = { key: entityKey(e), mark };
    ui.editorTitle.textContent = t('editor_title', { name: e.canonical ?? e.text });
    const types = entityTypes().length ? entityTypes() : [e.type];
    fill(
      ui.editorType,
      types.map((ty) => {
        const o = el('option', { value: ty, text: `${ty} · ${t('entity.' + ty, {}, ty)}` });
        o.selected = ty === e.type;
        return o;
      }),
    );
    ui.editor.hidden = false;
    const r = mark.getBoundingClientRect();
    ui.editor.style.left = `${Math.round(Math.max(8, Math.min(r.left, window.innerWidth - ui.editor.offsetWidth - 8)))}px`;
    ui.editor.style.top = `${Math.round(Math.min(r.bottom + 6, window.innerHeight - ui.editor.offsetHeight - 8))}px`;
    ui.editorType.focus();
  };

  ui.editorType.addEventListener('change', () => {
    if (!editing) return;
    const key = editing.key;
    const original = key.split('\u0000')[0];
    change((c) => {
      if (ui.editorType.value === original) delete c.entities[key];
      else c.entities[key] = { type: ui.editorType.value };
    });
    toast(t('corrected_type'));
  });
  ui.editorRemove.addEventListener('click', () => {
    if (!editing) return;
    const key = editing.key;
    closeEditor();
    change((c) => (c.entities[key] = { removed: true }));
    toast(t('corrected_removed'));
  });
  ui.editorClose.addEventListener('click', closeEditor);
  ui.editor.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeEditor();
  });

  // "Make this the title" after each paragraph (the article) and on each removed block.
  for (const node of [ui.article, ui.removed]) {
    node.addEventListener('click', (e) => {
      const b = e.target.closest?.('button.make-title');
      if (b) setTitle(b.dataset.text);
    });
  }

  ui.reset.addEventListener('click', () => {
    state.corrections = emptyCorrections();
    refresh();
  });

  return {
    openEditor,
    closeEditor,
    setTitle,
    restore,
    /** An event's date as typed: a real date is kept, '' takes the correction back. */
    fixDate(v, typed) {
      const key = eventKey(v);
      const iso = parseUserDate(typed);
      if (String(typed).trim() === '') change((c) => delete c.eventDates[key]);
      else if (iso) change((c) => (c.eventDates[key] = iso));
      else toast(t('refdate_invalid'));
    },
    /** Shows how many corrections there are, and the reset button. */
    update() {
      const n = countCorrections(state.corrections);
      ui.bar.hidden = n === 0 && !state.correcting;
      ui.count.textContent = t('corrections_count', { n });
      ui.reset.disabled = n === 0;
    },
  };
}
