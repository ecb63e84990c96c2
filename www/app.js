// The page: wires the input (typing, paste as text or HTML, a dropped or
// opened file, a share link) to the extraction worker, and draws each result
// in the three panes. Extraction runs in a Web Worker (worker.js), so the
// page never waits on it; the newest input always wins.

import { EXAMPLE } from './example.js';
import { el, fill } from './dom.js';
import { t, setLang, savedLang, lang, ENTITY_TYPES } from './i18n.js';
import { blocksFromHtml, blocksToText, looksLikeHtml } from './blocks.js';
import { createExtractor } from './extractor.js';
import { renderArticle, renderRemoved, renderHighlighted, renderLegend, renderSummary, renderEvents, fillTooltip } from './render.js';
import { cleanText, toJson, entitiesCsv, eventsCsv, toMarkdown, fileStem } from './exports.js';
import { makeFragment, readFragment } from './share.js';

/** Wait after the last keystroke before extracting again. */
const DEBOUNCE_MS = 150;
/**
 * The largest input (UTF-8 bytes) the page sends to the extractor; passed to
 * it as `maxInputBytes` too, so that both refuse at the same size. Larger
 * inputs get a message in the interface language instead of a result.
 */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const ui = {
  input: $('input'),
  file: $('file'),
  dropzone: $('dropzone'),
  refDate: $('reference-date'),
  sourceKind: $('source-kind'),
  status: $('status'),
  banner: $('banner'),
  article: $('article'),
  removed: $('removed'),
  showRemoved: $('show-removed'),
  warnings: $('warnings'),
  legend: $('legend'),
  highlighted: $('highlighted'),
  summary: $('summary'),
  events: $('events'),
  tooltip: $('tooltip'),
  toast: $('toast'),
  shareUrl: $('share-url'),
};

const state = {
  /** What goes to the extractor: {kind: 'text', text} or {kind: 'blocks', blocks, text}. */
  source: { kind: 'text', text: '' },
  /** The input box still holds the untouched example (a paste replaces it whole). */
  isExample: false,
  result: null,
  /** The reference date the user set (YYYY-MM-DD), or null. */
  refDate: null,
  refTouched: false,
  /** Entity types the legend has hidden. */
  hidden: new Set(),
  /** The canonical name whose mentions are marked, or null. */
  picked: null,
  /** Index into result.events of the event whose sentence is marked, or null. */
  selectedEvent: null,
  resultCount: 0,
};

// ---- the worker -----------------------------------------------------------

let workerUrl = null;
function makeWorker() {
  // The single-file build (build-single.mjs) defines VNX_WORKER_SOURCE: the
  // worker, its wasm glue and the module's bytes in one classic script
  // (a file:// page may not start a module worker from a blob: URL).
  // eslint-disable-next-line no-undef
  if (typeof VNX_WORKER_SOURCE === 'string') {
    // eslint-disable-next-line no-undef
    workerUrl ??= URL.createObjectURL(new Blob([VNX_WORKER_SOURCE], { type: 'text/javascript' }));
    return new Worker(workerUrl);
  }
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

const extractor = createExtractor({
  makeWorker,
  onResult: showResult,
  onError: (message, info) => {
    setStatus('error');
    const text = info.timeout ? t('error_timeout', { s: info.seconds }) : info.trap ? t('error_trap', { message }) : t('error_prefix') + message;
    showBanner(text, 'extract');
    ui.status.dataset.generation = String(extractor.generation());
  },
  onBusy: (busy) => {
    document.body.dataset.busy = busy ? 'true' : 'false';
    if (busy) setStatus('working');
  },
});

let debounceTimer = null;
/** Extracts the current source after `delay` ms (0: now). */
function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(runNow, delay);
}

/**
 * UTF-8 bytes of a source's text, or 0 when it is surely under the cap
 * (a UTF-16 unit is at most 3 bytes), which spares encoding on each edit.
 */
function bytesNearCap(source) {
  const texts = source.kind === 'blocks' ? source.blocks.map((b) => b.text) : [source.text];
  const units = texts.reduce((n, s) => n + s.length + 1, 0);
  if (units * 3 <= MAX_INPUT_BYTES) return 0;
  const encoder = new TextEncoder();
  return texts.reduce((n, s) => n + encoder.encode(s).length + 1, 0);
}

function runNow() {
  clearTimeout(debounceTimer);
  const bytes = bytesNearCap(state.source);
  if (bytes > MAX_INPUT_BYTES) {
    setStatus('error');
    const mb = (n) => (n / (1024 * 1024)).toFixed(1);
    showBanner(t('error_too_large', { size: mb(bytes), limit: mb(MAX_INPUT_BYTES) }), 'too-large');
    return;
  }
  if (ui.banner.dataset.kind === 'too-large') hideBanner();
  const options = { clean: true, referenceDate: state.refDate, maxInputBytes: MAX_INPUT_BYTES };
  if (state.source.kind === 'blocks') extractor.request('blocks', state.source.blocks, options);
  else extractor.request('text', state.source.text, options);
}

// ---- input ----------------------------------------------------------------

/** Puts a new source in place (in the box, too) and extracts it at once. */
function setSource(source, { example = false } = {}) {
  state.source = source;
  state.isExample = example;
  ui.input.value = source.kind === 'blocks' ? (source.text ?? blocksToText(source.blocks)) : source.text;
  showSourceKind();
  runNow();
}

function showSourceKind() {
  const s = state.source;
  ui.sourceKind.textContent = s.kind === 'blocks' ? t('source_html', { n: s.blocks.length }) : t('source_text');
  ui.sourceKind.dataset.kind = s.kind;
}

function loadExample() {
  setSource({ kind: 'text', text: EXAMPLE }, { example: true });
}

ui.input.addEventListener('input', () => {
  state.source = { kind: 'text', text: ui.input.value };
  state.isExample = false;
  showSourceKind();
  schedule();
});

ui.input.addEventListener('paste', (event) => {
  const data = event.clipboardData;
  if (!data) return;
  const replacing =
    state.isExample || ui.input.value.trim() === '' || (ui.input.selectionStart === 0 && ui.input.selectionEnd === ui.input.value.length);
  const html = data.types.includes('text/html') ? data.getData('text/html') : '';
  const plain = data.getData('text/plain');
  // A page copied from a browser (text/html), or a page's source pasted as
  // text: read as a page, whose structure helps the cleaner.
  const page = html || (looksLikeHtml(plain) ? plain : '');
  const blocks = page && replacing ? blocksFromHtml(page) : [];
  if (blocks.length > 0) {
    event.preventDefault();
    setSource({ kind: 'blocks', blocks, text: blocksToText(blocks) });
  } else if (replacing) {
    event.preventDefault();
    setSource({ kind: 'text', text: plain });
  }
  // Otherwise a piece pasted into a text being edited: the browser inserts it.
});

/** Reads a dropped or opened file: HTML by name, type or content, else text. */
async function readFile(file) {
  try {
    const text = await file.text();
    const isHtml = /\.x?html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(text);
    const blocks = isHtml ? blocksFromHtml(text) : [];
    if (blocks.length > 0) setSource({ kind: 'blocks', blocks, text: blocksToText(blocks) });
    else setSource({ kind: 'text', text });
  } catch (err) {
    showBanner(t('error_file') + (err?.message ?? err), 'file');
  }
}

ui.file.addEventListener('change', () => {
  const file = ui.file.files?.[0];
  if (file) readFile(file);
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
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  readFile(file);
});

$('example').addEventListener('click', loadExample);
$('clear').addEventListener('click', () => {
  setSource({ kind: 'text', text: '' });
  ui.input.focus();
});

ui.refDate.addEventListener('change', () => {
  state.refDate = /^\d{4}-\d{2}-\d{2}$/.test(ui.refDate.value) ? ui.refDate.value : null;
  state.refTouched = state.refDate !== null;
  delete ui.refDate.dataset.prefilled;
  runNow();
});

// ---- results --------------------------------------------------------------

function setStatus(kind, info = {}) {
  document.body.dataset.state = kind;
  if (kind === 'working') ui.status.textContent = t('status_working');
  else if (kind === 'done') ui.status.textContent = t('status_done', info);
  // The panes keep the last result, dimmed (style.css), and say whose it is.
  else if (kind === 'error') ui.status.textContent = state.result ? t('status_stale') : '';
}

function showResult(result, info) {
  state.result = result;
  state.resultCount++;
  state.selectedEvent = null;
  if (state.picked && !(result.entities ?? []).some((e) => e.canonical === state.picked)) state.picked = null;
  if (ui.banner.dataset.kind === 'extract') hideBanner();
  if (!state.refTouched) {
    // The page's own date: shown as the reference (the extractor uses it anyway).
    const day = /^\d{4}-\d{2}-\d{2}/.exec(result.published ?? '');
    ui.refDate.value = day ? day[0] : '';
    if (day) ui.refDate.dataset.prefilled = 'true';
    else delete ui.refDate.dataset.prefilled;
  }
  renderAll();
  const ms = info.ms.toFixed(1);
  Object.assign(ui.status.dataset, {
    ms,
    roundTrip: info.roundTrip.toFixed(1),
    results: String(state.resultCount),
    generation: String(extractor.generation()),
  });
  setStatus('done', { ms, entities: result.entities?.length ?? 0, events: result.events?.length ?? 0 });
  if (state.resultCount === 1) {
    // For performance tools (and tests/browser/perf.test.mjs): when the first result was on screen.
    performance.mark('vnextract:first-result');
    afterFirstResult();
  }
}

function renderAll() {
  const x = state.result;
  if (!x) return;
  hideTooltip();
  renderArticle(ui.article, x);
  if (!ui.removed.hidden) renderRemoved(ui.removed, x);
  renderWarnings(x);
  renderLegend(ui.legend, x, state.hidden, toggleType);
  renderText();
  renderSummary(ui.summary, x, state.picked, pick);
  renderEvents(ui.events, x, state.selectedEvent, selectEvent);
}

function renderWarnings(x) {
  const warnings = x.warnings ?? [];
  ui.warnings.hidden = warnings.length === 0;
  fill(ui.warnings, warnings.map((w) => el('li', { 'data-code': w.code, text: t('warning_' + w.code, {}, w.message) })));
}

/** Sentence range of event `i`: its offsets, or where its sentence occurs in the text. */
function sentenceRange(i) {
  const v = state.result?.events?.[i];
  if (!v) return null;
  if (Number.isInteger(v.sentence_start) && Number.isInteger(v.sentence_end) && v.sentence_end > v.sentence_start) {
    return [v.sentence_start, v.sentence_end];
  }
  const at = v.sentence ? state.result.text.indexOf(v.sentence) : -1;
  return at < 0 ? null : [at, at + v.sentence.length];
}

function renderText() {
  const sentence = state.selectedEvent === null ? null : sentenceRange(state.selectedEvent);
  renderHighlighted(ui.highlighted, state.result, { sentence });
  ui.highlighted.dataset.hidden = [...state.hidden].join(' ');
  markPicked();
  const marks = visibleMarks();
  if (marks[0]) marks[0].tabIndex = 0;
}

function toggleType(type) {
  if (state.hidden.has(type)) state.hidden.delete(type);
  else state.hidden.add(type);
  ui.highlighted.dataset.hidden = [...state.hidden].join(' ');
  for (const b of ui.legend.querySelectorAll('.legend-item')) b.setAttribute('aria-pressed', state.hidden.has(b.dataset.type) ? 'false' : 'true');
  // Keep one reachable stop for the keyboard among the marks still shown.
  const marks = visibleMarks();
  for (const m of ui.highlighted.querySelectorAll('mark.ent')) m.tabIndex = -1;
  if (marks[0]) marks[0].tabIndex = 0;
}

/** Marks every mention of `canonical` (again: unmarks). */
function pick(canonical) {
  state.picked = state.picked === canonical ? null : canonical;
  markPicked();
  for (const b of ui.summary.querySelectorAll('.summary-item')) b.setAttribute('aria-pressed', b.dataset.canonical === state.picked ? 'true' : 'false');
}

function markPicked() {
  let first = null;
  for (const m of ui.highlighted.querySelectorAll('mark.ent')) {
    const on = state.picked !== null && m.dataset.canonical === state.picked;
    m.classList.toggle('picked', on);
    if (on) m.setAttribute('aria-current', 'true');
    else m.removeAttribute('aria-current');
    first ??= on ? m : null;
  }
  ui.highlighted.dataset.picked = state.picked ?? '';
  return first;
}

function selectEvent(i) {
  state.selectedEvent = state.selectedEvent === i ? null : i;
  renderText();
  for (const li of ui.events.querySelectorAll('[data-testid=event]')) {
    const on = Number(li.dataset.index) === state.selectedEvent;
    li.classList.toggle('selected', on);
    li.querySelector('.event-head')?.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  ui.highlighted.querySelector('.sentence')?.scrollIntoView({ block: 'center' });
}

// ---- the highlighted text: hover, click, keyboard --------------------------

const visibleMarks = () => [...ui.highlighted.querySelectorAll('mark.ent')].filter((m) => !state.hidden.has(m.dataset.entityType));

function showTooltip(mark) {
  const e = state.result?.entities?.[Number(mark.dataset.idx)];
  if (!e || state.hidden.has(e.type)) return;
  fillTooltip(ui.tooltip, e);
  ui.tooltip.hidden = false;
  mark.setAttribute('aria-describedby', 'tooltip');
  const r = mark.getBoundingClientRect();
  const w = ui.tooltip.offsetWidth;
  const h = ui.tooltip.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  const below = r.bottom + 6;
  const top = below + h > window.innerHeight - 8 && r.top - h - 6 > 8 ? r.top - h - 6 : below;
  ui.tooltip.style.left = `${Math.round(left)}px`;
  ui.tooltip.style.top = `${Math.round(top)}px`;
}

function hideTooltip() {
  ui.tooltip.hidden = true;
  for (const m of ui.highlighted.querySelectorAll('[aria-describedby=tooltip]')) m.removeAttribute('aria-describedby');
}

ui.highlighted.addEventListener('mouseover', (event) => {
  const mark = event.target.closest?.('mark.ent');
  if (mark) showTooltip(mark);
});
ui.highlighted.addEventListener('mouseout', (event) => {
  const from = event.target.closest?.('mark.ent');
  const to = event.relatedTarget?.closest?.('mark.ent');
  if (from && !to) hideTooltip();
  else if (to) showTooltip(to);
});
ui.highlighted.addEventListener('focusin', (event) => {
  const mark = event.target.closest?.('mark.ent');
  if (mark) showTooltip(mark);
});
ui.highlighted.addEventListener('focusout', hideTooltip);
ui.highlighted.addEventListener('click', (event) => {
  const mark = event.target.closest?.('mark.ent');
  if (!mark || state.hidden.has(mark.dataset.entityType)) return;
  focusMark(mark);
  pick(mark.dataset.canonical);
});

function focusMark(mark) {
  for (const m of ui.highlighted.querySelectorAll('mark.ent[tabindex="0"]')) m.tabIndex = -1;
  mark.tabIndex = 0;
  mark.focus({ preventScroll: false });
}

ui.highlighted.addEventListener('keydown', (event) => {
  const mark = event.target.closest?.('mark.ent');
  if (!mark) return;
  const marks = visibleMarks();
  const i = marks.indexOf(mark);
  const go = (j) => {
    event.preventDefault();
    if (marks[j]) focusMark(marks[j]);
  };
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return go(Math.min(i + 1, marks.length - 1));
    case 'ArrowLeft':
    case 'ArrowUp':
      return go(Math.max(i - 1, 0));
    case 'Home':
      return go(0);
    case 'End':
      return go(marks.length - 1);
    case 'Enter':
    case ' ':
      event.preventDefault();
      return pick(mark.dataset.canonical);
    case 'Escape':
      hideTooltip();
      if (state.picked) pick(state.picked);
      return;
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTooltip();
});

ui.showRemoved.addEventListener('change', () => {
  ui.removed.hidden = !ui.showRemoved.checked;
  if (!ui.removed.hidden && state.result) renderRemoved(ui.removed, state.result);
});

// ---- out: copy, downloads, share ------------------------------------------

let toastTimer = null;
function toast(message) {
  ui.toast.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (ui.toast.textContent = ''), 6000);
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API here (or no permission): the old way, through a selection.
    const area = el('textarea', { class: 'visually-hidden', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const withResult = (fn) => () => {
  if (state.result) fn(state.result);
};

$('copy-text').addEventListener(
  'click',
  withResult(async (x) => toast((await copyText(cleanText(x))) ? t('copied') : t('copy_failed'))),
);
$('download-json').addEventListener(
  'click',
  withResult((x) => download(`${fileStem(x)}.json`, 'application/json', toJson(x))),
);
$('download-csv-entities').addEventListener(
  'click',
  withResult((x) => download(`${fileStem(x)}-entities.csv`, 'text/csv;charset=utf-8', entitiesCsv(x))),
);
$('download-csv-events').addEventListener(
  'click',
  withResult((x) => download(`${fileStem(x)}-events.csv`, 'text/csv;charset=utf-8', eventsCsv(x))),
);
$('download-md').addEventListener(
  'click',
  withResult((x) => download(`${fileStem(x)}.md`, 'text/markdown;charset=utf-8', toMarkdown(x, t, ENTITY_TYPES))),
);

$('share').addEventListener('click', async () => {
  const fragment = await makeFragment(state.source, state.refTouched ? state.refDate : null);
  history.replaceState(null, '', '#' + fragment);
  const url = location.href;
  ui.shareUrl.value = url;
  ui.shareUrl.closest('label').hidden = false;
  ui.shareUrl.select();
  toast((await copyText(url)) ? t('share_copied', { n: url.length }) : t('share_made', { n: url.length }));
});

/** Restores the input a share link carries; false when the fragment holds none. */
async function restoreFromFragment() {
  if (location.hash.length <= 1) return false;
  try {
    const shared = await readFragment(location.hash);
    if (!shared) return false;
    state.refDate = shared.referenceDate;
    state.refTouched = shared.referenceDate !== null;
    ui.refDate.value = shared.referenceDate ?? '';
    const source = shared.source.kind === 'blocks' ? { ...shared.source, text: blocksToText(shared.source.blocks) } : shared.source;
    setSource(source);
    return true;
  } catch (err) {
    showBanner(t('error_share') + (err?.message ?? err), 'share');
    return false;
  }
}

window.addEventListener('hashchange', () => {
  restoreFromFragment();
});

// ---- banner, language, start ---------------------------------------------

function showBanner(message, kind) {
  ui.banner.querySelector('.banner-text').textContent = message;
  ui.banner.dataset.kind = kind;
  ui.banner.hidden = false;
}

function hideBanner() {
  ui.banner.hidden = true;
  delete ui.banner.dataset.kind;
}

ui.banner.querySelector('.banner-close').addEventListener('click', hideBanner);

/** Switches the interface language; the switch itself is written in the other one. */
function switchLang(next) {
  setLang(next);
  $('lang').lang = lang() === 'vi' ? 'en' : 'vi';
}

$('lang').addEventListener('click', () => {
  switchLang(lang() === 'vi' ? 'en' : 'vi');
  showSourceKind();
  renderAll();
  if (state.result) {
    setStatus('done', { ms: ui.status.dataset.ms, entities: state.result.entities?.length ?? 0, events: state.result.events?.length ?? 0 });
  }
});

function afterFirstResult() {
  // The service worker caches the page's files for offline use; registered
  // only after the first result so that it never competes with start-up.
  // The single file (file://) has no use for one.
  // eslint-disable-next-line no-undef
  const single = typeof VNX_WORKER_SOURCE === 'string';
  if (!single && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

/** For people exploring in the browser console (and for the tests): the newest result and its input. */
globalThis.vnextract = Object.freeze({
  get result() {
    return state.result;
  },
  get source() {
    return state.source;
  },
});

switchLang(savedLang());
if (!(await restoreFromFragment())) loadExample();
