// Several articles at once (issue 14, point 9): documents gathered from
// several files dropped or opened together, or from the article on screen
// ("add to the timeline"), and one merged timeline of their events, made
// by the core exactly as the CLI's --timeline makes it (the same event in
// several articles is one entry that lists them). Exported as the CLI's
// JSON lines and as the events CSV of every document.

import { state } from './state.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';
import { readableDate, partOfDay } from './readable.js';
import { participantLabel } from './exports.js';
import { sourceFromFile } from './input.js';

/** The documents as the core's report functions take them. */
export const named = () => state.docs.map((d) => ({ name: d.name, extraction: d.result }));

/** A name not yet used by a document: `base`, else "base (2)", … */
function freeName(base) {
  const used = new Set(state.docs.map((d) => d.name));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} (${i})`)) return `${base} (${i})`;
}

/** The merged timeline's entries, drawn. */
function renderEntries(node, entries) {
  if (entries.length === 0) return fill(node, el('li', { class: 'empty', text: t('events_none') }));
  return fill(
    node,
    entries.map((v) => {
      const date = v.date ? readableDate(v.date) : t('event_no_date');
      const when = v.time_of_day ? t('date_with_part_of_day', { date, part: partOfDay(v.time_of_day) }) : date;
      return el(
        'li',
        { class: 'event', 'data-testid': 'timeline-entry', 'data-type': v.type },
        el('p', { class: 'event-head' }, el('span', { class: 'when', text: when }), ' · ', el('span', { class: 'what', text: t('event.' + v.type, {}, v.type) }), ' · ', el('span', { class: 'where', text: v.location || t('event_no_location') })),
        v.participants?.length ? el('p', { class: 'participants-line', text: v.participants.map(participantLabel).join('; ') }) : null,
        el(
          'ul',
          { class: 'sources', 'aria-label': t('timeline_sources') },
          v.sources.map((s) => el('li', { 'data-testid': 'timeline-source', text: (s.main ? '★ ' : '') + s.file + (s.title ? ` — ${s.title}` : '') })),
        ),
      );
    }),
  );
}

/**
 * Wires the timeline pane. `extractor` runs jobs in the worker;
 * `onChange()` runs after the documents change (to show or hide the pane);
 * `download(name, type, text)` saves an export; `onError(message)` reports.
 */
export function wireTimeline(ui, { extractor, onChange, download, onError }) {
  let drawn = 0;

  const redraw = async () => {
    const mine = ++drawn;
    fill(
      ui.docs,
      state.docs.map((d, i) =>
        el(
          'li',
          { 'data-testid': 'timeline-doc' },
          el('span', { class: 'doc-name', text: d.name }),
          d.result.title ? el('span', { class: 'doc-title', text: ` — ${d.result.title}` }) : null,
          ' ',
          el('span', { class: 'count', text: t('timeline_doc_events', { n: d.result.events?.length ?? 0 }) }),
          ' ',
          el('button', { type: 'button', class: 'small', 'data-testid': 'timeline-remove', 'aria-label': t('timeline_remove_label', { name: d.name }), text: t('timeline_remove'), onclick: () => remove(i) }),
        ),
      ),
    );
    onChange();
    if (state.docs.length === 0) return fill(ui.list);
    const r = await extractor.run('timeline', named());
    if (mine !== drawn) return;
    if (!r.ok) return onError(t('error_prefix') + r.error);
    state.timeline = r.result;
    renderEntries(ui.list, r.result);
    ui.list.dataset.entries = String(r.result.length);
  };

  const remove = (i) => {
    state.docs.splice(i, 1);
    redraw();
  };

  /** Adds an extraction under `name` (made unique). */
  const add = (name, result) => {
    state.docs.push({ name: freeName(name), result });
    return redraw();
  };

  /** Reads and extracts each file, then adds them all. */
  const addFiles = async (files) => {
    for (const file of files) {
      try {
        const source = await sourceFromFile(file);
        const r = await extractor.run(source.kind, source.kind === 'blocks' ? source.blocks : source.text, { clean: true });
        if (r.ok) state.docs.push({ name: freeName(file.name), result: r.result });
        else onError(`${file.name}: ${r.error}`);
      } catch (err) {
        onError(t('error_file') + `${file.name}: ${err?.message ?? err}`);
      }
    }
    return redraw();
  };

  ui.clear.addEventListener('click', () => {
    state.docs = [];
    state.timeline = [];
    redraw();
  });
  ui.json.addEventListener('click', () => {
    // The CLI's --timeline: one JSON object a line.
    download('vnextract-timeline.jsonl', 'application/x-ndjson', (state.timeline ?? []).map((e) => JSON.stringify(e) + '\n').join(''));
  });
  ui.csv.addEventListener('click', async () => {
    const r = await extractor.run('eventsCsv', named());
    if (r.ok) download('vnextract-timeline-events.csv', 'text/csv;charset=utf-8', '\ufeff' + r.result);
    else onError(t('error_prefix') + r.error);
  });

  return { add, addFiles, redraw };
}
