// The page's composition root: finds its elements (by id), starts the
// extraction worker, and connects the parts: the input (input.js) feeds
// the pipeline (pipeline.js), whose results the view draws (view.js) into
// the layout (layout.js), with the corrections (correct.js), the exports
// (actions.js) and the timeline of several articles (timeline.js). The
// banner, the status line, the language switch and the start-up live here.

import { EXAMPLE } from './example.js';
import { state, hasArticle } from './state.js';
import { t, setLang, savedLang, lang } from './i18n.js';
import { createExtractor } from './extractor.js';
import { createPipeline } from './pipeline.js';
import { wireInput } from './input.js';
import { wireLayout } from './layout.js';
import { createView } from './view.js';
import { wireActions, download } from './actions.js';
import { wireCorrections } from './correct.js';
import { wireTimeline } from './timeline.js';
import { readFragment } from './share.js';
import { blocksToText } from './blocks.js';

const $ = (id) => document.getElementById(id);
const ui = {
  input: $('input'), file: $('file'), dropzone: $('input-area'), sourceKind: $('source-kind'), status: $('status'),
  example: $('example'), clear: $('clear'), undo: $('undo'), replaced: $('replaced'), replacedText: $('replaced-text'),
  refDate: $('reference-date'), refNote: $('refdate-note'), banner: $('banner'), toast: $('toast'), announcer: $('announcer'),
  notice: $('notice'), tabs: $('tabs'), results: $('results'), panes: $('panes'), tabTimeline: $('tab-timeline'),
  countEvents: $('count-events'), countEntities: $('count-entities'), countTimeline: $('count-timeline'),
  paneArticle: $('pane-article'), paneEvents: $('pane-events'), paneEntities: $('pane-entities'), timelinePane: $('pane-timeline'),
  article: $('article'), legend: $('legend'), removed: $('removed'), summary: $('summary'), events: $('events'),
  tooltip: $('tooltip'), back: $('back-to-event'),
  showHighlights: $('show-highlights'), showRemoved: $('show-removed'), correct: $('correct'),
};

// ---- messages -------------------------------------------------------------

let toastTimer = null;
function toast(message) {
  ui.toast.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (ui.toast.textContent = ''), 8000);
}

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

/** The status line: timings and counts, for the eye only (not a live region: issue 14, point 10). */
function setStatus(kind) {
  document.body.dataset.state = kind;
  const x = state.result;
  if (kind === 'working') ui.status.textContent = t('status_working');
  // With no article the notice says it all; the status line says nothing.
  else if (kind === 'done') ui.status.textContent = hasArticle() ? t('status_done', { ms: ui.status.dataset.ms, entities: x.entities?.length ?? 0, events: x.events?.length ?? 0 }) : '';
  // The panes keep the last result, dimmed (style.css), and say whose it is.
  else if (kind === 'error') ui.status.textContent = state.result ? t('status_stale') : '';
}

// ---- the worker and the pipeline -----------------------------------------

let workerUrl = null;
function makeWorker() {
  // The single-file build (build-single.mjs) defines VNX_WORKER_SOURCE: the
  // worker, its wasm glue and the module in one classic script (a file://
  // page may not start a module worker from a blob: URL).
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
  onReady: ({ schema }) => {
    const first = !state.schema;
    state.schema = schema;
    if (first && state.result) view.draw();
  },
  onBusy: (busy) => {
    document.body.dataset.busy = busy ? 'true' : 'false';
    if (busy) setStatus('working');
  },
});

/** After a paste, a drop or a file: say what was found once, and bring the results into view. */
let announceNext = false;

function onShow(raw, result, how, timing) {
  state.raw = raw;
  state.result = result;
  state.how = how;
  state.resultCount++;
  if (['extract', 'too-large'].includes(ui.banner.dataset.kind)) hideBanner();
  view.show();
  input.showRefDate();
  Object.assign(ui.status.dataset, {
    ms: timing.ms.toFixed(1),
    roundTrip: timing.roundTrip.toFixed(1),
    results: String(state.resultCount),
    generation: String(extractor.generation()),
  });
  setStatus('done');
  if (announceNext) {
    announceNext = false;
    ui.announcer.textContent = view.summary();
    if (hasArticle()) layout.scrollToResults();
  }
  if (state.resultCount === 1) {
    // For performance tools (and tests/browser/perf.test.mjs): when the first result was on screen.
    performance.mark('vnextract:first-result');
    afterFirstResult();
  }
}

function onFailure(f) {
  setStatus('error');
  ui.status.dataset.generation = String(extractor.generation());
  if (f.name === 'input-too-large') {
    // The core refused it; its limit is in the schema, the size is counted here only now.
    const mb = (n) => (n / (1024 * 1024)).toFixed(1);
    const texts = state.source.kind === 'blocks' ? state.source.blocks.map((b) => b.text) : [state.source.text];
    const bytes = texts.reduce((n, s) => n + new TextEncoder().encode(s).length, 0);
    const limit = state.schema?.maxInputBytes ?? bytes;
    return showBanner(t('error.input-too-large', { size: mb(bytes), limit: mb(limit) }), 'too-large');
  }
  const message = f.timeout ? t('error_timeout', { s: f.seconds }) : f.trap ? t('error_trap', { message: f.error }) : f.name && t('error.' + f.name, {}, '') ? t('error.' + f.name) + ' ' + f.error : t('error_prefix') + f.error;
  showBanner(message, 'extract');
}

const refresh = createPipeline({ extractor, onShow, onFailure });

// ---- the parts -------------------------------------------------------------

const layout = wireLayout({ tabs: ui.tabs, results: ui.results });
const actions = wireActions(
  { copy: $('copy-text'), json: $('download-json'), entities: $('download-csv-entities'), events: $('download-csv-events'), markdown: $('download-md'), share: $('share'), shareUrl: $('share-url'), shareBox: $('share-url-box'), addToTimeline: $('add-to-timeline') },
  { extractor, toast, onAddToTimeline: (name, x) => timeline.add(name, x).then(() => layout.show('pane-timeline')) },
);
const corrections = wireCorrections(
  { article: ui.article, removed: ui.removed, bar: $('corrections-bar'), count: $('corrections-count'), reset: $('corrections-reset'), editor: $('entity-editor'), editorTitle: $('entity-editor-title'), editorType: $('entity-editor-type'), editorRemove: $('entity-editor-remove'), editorClose: $('entity-editor-close') },
  { refresh, toast },
);
const view = createView(ui, { layout, corrections, actions });
const timeline = wireTimeline(
  { docs: $('timeline-docs'), list: $('timeline'), json: $('timeline-json'), csv: $('timeline-csv'), clear: $('timeline-clear') },
  { extractor, download, onError: (m) => showBanner(m, 'timeline'), onChange: () => view.draw() },
);
const input = wireInput(ui, {
  refresh,
  onNewSource: ({ announce }) => {
    announceNext = announce;
    ui.correct.checked = state.correcting = false;
  },
  onFiles: async (files) => {
    await timeline.addFiles(files);
    layout.show('pane-timeline');
    ui.timelinePane.scrollIntoView({ block: 'start' });
    ui.announcer.textContent = t('timeline_added', { n: state.docs.length });
  },
  onError: (m) => showBanner(m, 'file'),
});

ui.example.addEventListener('click', () => input.setSource({ kind: 'text', text: EXAMPLE }, { example: true }));

// ---- share links, language, start ------------------------------------------

/** Restores the input a share link carries; false when the fragment holds none. */
async function restoreFromFragment() {
  if (location.hash.length <= 1) return false;
  try {
    const shared = await readFragment(location.hash);
    if (!shared) return false;
    const source = shared.source.kind === 'blocks' ? { ...shared.source, text: blocksToText(shared.source.blocks) } : shared.source;
    input.setSource(source, { refDate: shared.referenceDate, corrections: shared.corrections, announce: false });
    return true;
  } catch (err) {
    showBanner(t('error_share') + (err?.message ?? err), 'share');
    return false;
  }
}
window.addEventListener('hashchange', () => restoreFromFragment());

/** Switches the interface language; the switch itself is written in the other one. */
function switchLang(next) {
  setLang(next);
  $('lang').lang = lang() === 'vi' ? 'en' : 'vi';
}
$('lang').addEventListener('click', () => {
  switchLang(lang() === 'vi' ? 'en' : 'vi');
  input.showSourceKind();
  input.showRefDate();
  view.draw();
  timeline.redraw();
  if (state.result) setStatus('done');
});

function afterFirstResult() {
  // The service worker keeps the page's files for offline use; registered
  // only after the first result so that it never competes with start-up.
  // The single file (file://) has no use for one.
  // eslint-disable-next-line no-undef
  const single = typeof VNX_WORKER_SOURCE === 'string';
  if (!single && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

/** For people exploring in the browser console (and for the tests): the result on screen and its input. */
globalThis.vnextract = Object.freeze({
  get result() {
    return state.result;
  },
  get raw() {
    return state.raw;
  },
  get source() {
    return state.source;
  },
  get schema() {
    return state.schema;
  },
});

switchLang(savedLang());
if (!(await restoreFromFragment())) input.setSource({ kind: 'text', text: EXAMPLE }, { example: true, announce: false });
