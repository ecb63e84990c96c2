// What people take away from the result on screen: the clean text copied,
// JSON, CSV (the core's tables, through the worker) and Markdown files, a
// share link, and the article added to the timeline. Exports carry the
// corrections. Nothing is offered when there is nothing to take (issue 14,
// point 6): the buttons are disabled without an article, and a share
// link is never made for an empty box or too long for a URL.

import { state, hasArticle, entityTypes } from './state.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { cleanText, toJson, toMarkdown, fileStem } from './exports.js';
import { makeFragment } from './share.js';

/** Links longer than this are cut by many mail and chat programs: said when made. */
export const LINK_WARN_CHARS = 8_000;
/** Links longer than this are not made: browsers and programs do not reliably open them. */
export const LINK_MAX_CHARS = 64_000;

/** Copies `text`; true when it is on the clipboard. */
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

/** Saves `content` as a file named `name`. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Wires the toolbar. `extractor` runs the CSV jobs; `toast(message)` says
 * what happened; `onAddToTimeline(name, result)` takes the article.
 */
export function wireActions(ui, { extractor, toast, onAddToTimeline }) {
  const anchor = () => ({ published: state.result?.published, referenceDate: state.refDate });
  const stem = () => fileStem(state.result);
  /** The document's name in the CSV's `document` column: its file stem. */
  const docs = () => [{ name: stem(), extraction: state.result }];
  const withArticle = (fn) => () => (hasArticle() ? fn(state.result) : undefined);
  const csv = (kind, suffix) =>
    withArticle(async () => {
      const r = await extractor.run(kind, docs());
      // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
      if (r.ok) download(`${stem()}-${suffix}.csv`, 'text/csv;charset=utf-8', '\ufeff' + r.result);
      else toast(t('error_prefix') + r.error);
    });

  ui.copy.addEventListener(
    'click',
    withArticle(async (x) => {
      const text = cleanText(x);
      if (!text) return;
      toast((await copyText(text)) ? t('copied') : t('copy_failed'));
    }),
  );
  ui.json.addEventListener('click', withArticle((x) => download(`${stem()}.json`, 'application/json', toJson(x))));
  ui.entities.addEventListener('click', csv('entitiesCsv', 'entities'));
  ui.events.addEventListener('click', csv('eventsCsv', 'events'));
  ui.markdown.addEventListener('click', withArticle((x) => download(`${stem()}.md`, 'text/markdown;charset=utf-8', toMarkdown(x, entityTypes(), anchor()))));
  ui.addToTimeline.addEventListener(
    'click',
    withArticle((x) => {
      onAddToTimeline(x.title ? stem() : t('pasted_doc', { n: state.docs.length + 1 }), x);
      toast(t('timeline_added', { n: state.docs.length }));
    }),
  );

  ui.share.addEventListener('click', async () => {
    if (!state.source.text?.trim() && !(state.source.blocks?.length > 0)) return;
    const fragment = await makeFragment(state.source, state.refFrom === 'hand' ? state.refDate : null, state.corrections);
    const url = location.href.replace(/#.*$/, '') + '#' + fragment;
    const local = location.protocol === 'file:' ? ' ' + t('share_file_only') : '';
    if (url.length > LINK_MAX_CHARS) {
      ui.shareBox.hidden = true;
      toast(t('share_too_long', { n: url.length, max: LINK_MAX_CHARS }));
      return;
    }
    history.replaceState(null, '', '#' + fragment);
    ui.shareUrl.value = url;
    ui.shareBox.hidden = false;
    ui.shareUrl.select();
    const copied = await copyText(url);
    const long = url.length > LINK_WARN_CHARS ? ' ' + t('share_long', { n: url.length }) : '';
    toast((copied ? t('share_copied', { n: url.length }) : t('share_made', { n: url.length })) + long + local);
  });

  return {
    /** Enables what can be used now: exports need an article, a share link an input. */
    update() {
      const article = hasArticle();
      for (const b of [ui.copy, ui.json, ui.entities, ui.events, ui.markdown, ui.addToTimeline]) b.disabled = !article;
      const input = state.source.kind === 'blocks' ? state.source.blocks.length > 0 : (state.source.text ?? '').trim() !== '';
      ui.share.disabled = !input;
      if (!input) ui.shareBox.hidden = true;
    },
  };
}
