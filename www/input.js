// Everything that puts an input in place: typing, pasting (text or HTML),
// dropping or opening files (several at once go to the timeline), the
// example, Clear, undoing a replacing paste, and the reference date.
//
// A paste replaces the box when it holds the example, nothing, or a whole
// selection, and also when what is pasted is page-sized (issue 14, point
// 2): a page pasted with the caret inside an old text must not splice two
// articles; an Undo button (and Ctrl+Z) brings the old text back. A short
// piece pasted into a text being edited is left to the browser.

import { state } from './state.js';
import { t } from './i18n.js';
import { blocksFromHtml, blocksToText, looksLikeHtml } from './blocks.js';
import { parseUserDate, showUserDate } from './readable.js';
import { emptyCorrections } from './corrections.js';

/** Wait after the last keystroke before extracting again. */
const DEBOUNCE_MS = 150;

/** A paste at least this long, or of this many lines, is a page: it replaces the box's text. */
const PAGE_CHARS = 300;
const PAGE_LINES = 4;

/** Whether pasted text is a page rather than a piece for an edit. */
export function isPageSized(text) {
  const s = String(text ?? '');
  return s.length >= PAGE_CHARS || s.split(/\n/).filter((l) => l.trim()).length >= PAGE_LINES;
}

/** Reads a file: HTML by name, type or content (as blocks), else text. Resolves to a source. */
export async function sourceFromFile(file) {
  const text = await file.text();
  const isHtml = /\.x?html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(text);
  const blocks = isHtml ? blocksFromHtml(text) : [];
  return blocks.length > 0 ? { kind: 'blocks', blocks, text: blocksToText(blocks) } : { kind: 'text', text };
}

/**
 * Wires the input area. `ui` holds its elements; `refresh()` extracts the
 * current source; `onNewSource({announce})` runs after a new input is put
 * in place (not after typing); `onFiles(files)` takes two or more files
 * dropped or opened at once; `onError(message)` reports a file that could
 * not be read.
 */
export function wireInput(ui, { refresh, onNewSource, onFiles, onError }) {
  let timer = null;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  };
  const now = () => {
    clearTimeout(timer);
    refresh();
  };

  const showSourceKind = () => {
    const s = state.source;
    ui.sourceKind.textContent = s.kind === 'blocks' ? t('source_html', { n: s.blocks.length }) : t('source_text');
    ui.sourceKind.dataset.kind = s.kind;
  };

  /** Shows where the reference date comes from: set by hand, the page's dateline, or nowhere. */
  const showRefDate = () => {
    if (state.refFrom === 'hand') ui.refDate.value = showUserDate(state.refDate);
    else ui.refDate.value = showUserDate(/^\d{4}-\d{2}-\d{2}/.exec(state.result?.published ?? '')?.[0] ?? '');
    const from = state.refFrom === 'hand' ? 'hand' : ui.refDate.value ? 'page' : 'none';
    ui.refNote.textContent = t('refdate_' + from);
    ui.refNote.dataset.from = from;
    ui.refDate.classList.remove('invalid');
  };

  /**
   * Puts a new source in place (in the box too) and extracts it at once. A
   * new input starts afresh: no corrections, and the reference date goes
   * unless `keep` carries one (a share link's).
   */
  const setSource = (source, { example = false, undoable = null, refDate = null, corrections = null, announce = true } = {}) => {
    state.source = source;
    state.isExample = example;
    state.undo = undoable;
    state.corrections = corrections ?? emptyCorrections();
    state.refDate = refDate;
    state.refFrom = refDate ? 'hand' : null;
    state.picked = null;
    ui.input.value = source.kind === 'blocks' ? (source.text ?? blocksToText(source.blocks)) : source.text;
    ui.replaced.hidden = !undoable;
    if (undoable) ui.replacedText.textContent = t('replaced_note');
    showSourceKind();
    showRefDate();
    onNewSource({ announce });
    now();
  };

  const undo = () => {
    const back = state.undo;
    if (!back) return;
    setSource(back.source, { example: back.isExample, refDate: back.refDate, corrections: back.corrections });
    ui.input.focus();
  };

  ui.input.addEventListener('input', () => {
    state.source = { kind: 'text', text: ui.input.value };
    state.isExample = false;
    if (state.undo) {
      state.undo = null;
      ui.replaced.hidden = true;
    }
    showSourceKind();
    schedule();
  });

  ui.input.addEventListener('keydown', (event) => {
    // Ctrl+Z right after a replacing paste: the old text, as the Undo button gives.
    if (state.undo && (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undo();
    }
  });

  ui.input.addEventListener('paste', (event) => {
    const data = event.clipboardData;
    if (!data) return;
    const box = ui.input;
    const html = data.types.includes('text/html') ? data.getData('text/html') : '';
    const plain = data.getData('text/plain');
    const wholeBox = state.isExample || box.value.trim() === '' || (box.selectionStart === 0 && box.selectionEnd === box.value.length);
    // A page copied from a browser (text/html), or a page's source pasted as text: read as a page.
    const page = html || (looksLikeHtml(plain) ? plain : '');
    const blocks = page ? blocksFromHtml(page) : [];
    const pageSized = isPageSized(plain) || blocks.length >= PAGE_LINES;
    if (!wholeBox && !pageSized) return; // a piece pasted into a text being edited: the browser inserts it
    event.preventDefault();
    const before = state.isExample || box.value.trim() === '' ? null : { source: state.source, isExample: state.isExample, refDate: state.refFrom === 'hand' ? state.refDate : null, corrections: state.corrections };
    const source = blocks.length > 0 ? { kind: 'blocks', blocks, text: blocksToText(blocks) } : { kind: 'text', text: plain };
    setSource(source, { undoable: wholeBox ? null : before });
  });

  const takeFiles = async (files) => {
    if (files.length > 1) return onFiles(files);
    try {
      setSource(await sourceFromFile(files[0]));
    } catch (err) {
      onError(t('error_file') + (err?.message ?? err));
    }
  };

  ui.file.addEventListener('change', () => {
    const files = [...(ui.file.files ?? [])];
    if (files.length) takeFiles(files);
    ui.file.value = '';
  });

  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    ui.dropzone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) ui.dropzone.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    ui.dropzone.classList.remove('dragging');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    takeFiles(files);
  });

  ui.undo.addEventListener('click', undo);
  ui.clear.addEventListener('click', () => {
    setSource({ kind: 'text', text: '' }, { announce: false });
    ui.input.focus();
  });

  ui.refDate.addEventListener('change', () => {
    const raw = ui.refDate.value.trim();
    const iso = raw ? parseUserDate(raw) : null;
    if (raw && !iso) {
      ui.refDate.classList.add('invalid');
      ui.refNote.textContent = t('refdate_invalid');
      ui.refNote.dataset.from = 'invalid';
      return;
    }
    state.refDate = iso;
    state.refFrom = iso ? 'hand' : null;
    showRefDate();
    now();
  });

  return { setSource, showSourceKind, showRefDate };
}
