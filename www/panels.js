// The result's lists: the legend of entity types, the entity summary, the
// event cards (main event first, then by date, as the core orders them),
// the removed blocks with their reasons, and the one notice that says what
// the page could not find. Built from text nodes only (dom.js).

import { el, fill, fillInBatches } from './dom.js';
import { t } from './i18n.js';
import { readableValue, eventWhen, datesBySentence, inferredYear, showUserDate } from './readable.js';
import { groupEntities } from './exports.js';

const VALUE_TYPES = new Set(['DATE', 'TIME', 'NUM', 'MONEY', 'PERCENT']);

/** Legend: one toggle button per entity type present (aria-pressed = shown), with its count. */
export function renderLegend(node, x, types, hidden, onToggle) {
  const counts = new Map();
  for (const e of x.entities ?? []) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const present = types.filter((ty) => counts.has(ty)).concat([...counts.keys()].filter((ty) => !types.includes(ty)));
  return fill(
    node,
    present.map((ty) =>
      el(
        'button',
        {
          type: 'button',
          class: 'legend-item',
          'data-type': ty,
          'data-testid': 'legend-toggle',
          'aria-pressed': hidden.has(ty) ? 'false' : 'true',
          onclick: () => onToggle(ty),
        },
        el('span', { class: 'swatch', 'data-entity-type-swatch': ty, 'aria-hidden': 'true', text: ty }),
        ' ',
        t('entity.' + ty, {}, ty),
        ' ',
        el('span', { class: 'count', text: `(${counts.get(ty)})` }),
      ),
    ),
  );
}

/**
 * Entity summary: per type, each entity with its mention count, as buttons
 * that mark its mentions. Dates, times and amounts are named by their
 * readable value (with where an inferred year came from), people and
 * places by their canonical name.
 */
export function renderSummary(node, x, types, picked, anchor, onPick) {
  const groups = groupEntities(x.entities ?? [], types);
  if (groups.length === 0) return fill(node, el('p', { class: 'empty', text: t('entities_none') }));
  const first = new Map();
  for (const e of x.entities ?? []) if (!first.has(e.canonical ?? e.text)) first.set(e.canonical ?? e.text, e);
  const label = (canonical) => {
    const e = first.get(canonical);
    if (!e || !VALUE_TYPES.has(e.type)) return [canonical, null];
    return [readableValue(e) || e.text, e.type === 'DATE' ? inferredYear(e.rule, anchor) : null];
  };
  return fill(
    node,
    groups.map((g) =>
      el(
        'div',
        { class: 'summary-group', 'data-type': g.type },
        el('h3', {}, el('span', { class: 'swatch', 'data-entity-type-swatch': g.type, 'aria-hidden': 'true', text: g.type }), ' ', t('entity.' + g.type, {}, g.type), ` (${g.count})`),
        el(
          'ul',
          {},
          g.items.map((item) => {
            const [name, note] = label(item.canonical);
            return el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  class: 'summary-item',
                  'data-testid': 'summary-item',
                  'data-canonical': item.canonical,
                  'aria-pressed': picked === item.canonical ? 'true' : 'false',
                  onclick: () => onPick(item.canonical),
                },
                el('span', { class: 'name', text: name }),
                note ? el('span', { class: 'note', text: ` (${note})` }) : null,
                ' ',
                el('span', { class: 'count', text: t('summary_mentions', { n: item.count }) }),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

/**
 * Event cards in the core's order (the main event first, then by date).
 * `onSelect(index)` when one is chosen; while `correcting`, each card has a
 * date box and `onFixDate(event, isoOrNull)` gets what is typed in it.
 */
export function renderEvents(node, x, { selected, correcting, anchor, onSelect, onFixDate }) {
  const events = x.events ?? [];
  if (events.length === 0) return fill(node, el('li', { class: 'empty', text: t('events_none') }));
  const dates = datesBySentence(x);
  return fillInBatches(
    node,
    events,
    (v, i) => {
      const { when, note } = eventWhen(v, dates, anchor);
      return el(
        'li',
        { class: 'event' + (v.main ? ' main' : '') + (selected === i ? ' selected' : ''), 'data-testid': 'event', 'data-index': i, 'data-type': v.type },
        el(
          'button',
          { type: 'button', class: 'event-head', 'aria-pressed': selected === i ? 'true' : 'false', title: t('event_show_sentence'), onclick: () => onSelect(i) },
          el('span', { class: 'when', 'data-testid': 'event-when', text: when }),
          ' · ',
          el('span', { class: 'what', text: t('event.' + v.type, {}, v.type) }),
          ' · ',
          el('span', { class: 'where', text: v.location || t('event_no_location') }),
        ),
        note ? el('p', { class: 'event-note', 'data-testid': 'event-note', text: note }) : null,
        v.original_date !== undefined ? el('p', { class: 'event-note', text: t('event_date_fixed', { was: v.original_date ? readableValue({ type: 'DATE', value: v.original_date }) : t('event_no_date') }) }) : null,
        v.participants?.length
          ? el('ul', { class: 'participants' }, v.participants.map((p) => el('li', {}, el('span', { class: 'name', text: p.name }), p.role || p.country ? el('span', { class: 'role', text: ` — ${[p.role, p.country].filter(Boolean).join(', ')}` }) : null)))
          : null,
        el(
          'p',
          { class: 'event-meta' },
          el('span', { class: 'status status-' + v.status, text: t('status.' + v.status, {}, v.status) }),
          v.main ? el('span', { class: 'badge-main', text: '★ ' + t('event_main') }) : null,
          v.cameo ? el('span', { class: 'cameo', text: 'CAMEO ' + v.cameo }) : null,
          v.trigger ? el('span', { class: 'trigger', text: `“${v.trigger}”` }) : null,
        ),
        correcting ? dateFixer(v, onFixDate) : null,
      );
    },
    { first: 60 },
  );
}

/** While correcting: a box for the event's date (dd/mm/yyyy) and a button that keeps it. */
function dateFixer(v, onFixDate) {
  const box = el('input', {
    type: 'text',
    class: 'date-fix',
    'data-testid': 'event-date-fix',
    inputmode: 'numeric',
    placeholder: 'dd/mm/yyyy',
    size: 10,
    'aria-label': t('event_fix_date_label'),
  });
  box.value = showUserDate(v.date);
  const keep = () => onFixDate(v, box.value);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') keep();
  });
  return el(
    'p',
    { class: 'event-fix' },
    el('label', {}, t('event_fix_date') + ' ', box),
    ' ',
    el('button', { type: 'button', 'data-testid': 'event-date-save', onclick: keep, text: t('event_fix_save') }),
  );
}

/** What the cleaner dropped, each block with its reason; while correcting, buttons to restore it or make it the title (correct.js). */
export function renderRemoved(node, x, { correcting, onRestore }) {
  const removed = x.removed ?? [];
  return fill(
    node,
    el('h3', { text: `${t('removed_heading')} (${removed.length})` }),
    removed.length === 0
      ? el('p', { class: 'empty', text: t('removed_none') })
      : el(
          'ol',
          { class: 'removed-list' },
          removed.map((r) =>
            el(
              'li',
              { 'data-testid': 'removed-item', 'data-reason': r.reason },
              el('span', { class: 'reason', text: t('reason.' + r.reason, {}, r.reason) }),
              ' ',
              el('span', { class: 'removed-text', text: r.text }),
              correcting
                ? el(
                    'span',
                    { class: 'removed-tools' },
                    ' ',
                    el('button', { type: 'button', 'data-testid': 'restore', onclick: () => onRestore(r.text), text: t('restore') }),
                    ' ',
                    el('button', { type: 'button', class: 'make-title', 'data-testid': 'make-title', 'data-text': r.text, text: t('make_title') }),
                  )
                : null,
            ),
          ),
        ),
  );
}

/**
 * The one notice above the results: what is missing (an empty input, no
 * article, prose shown unfiltered) and the extractor's other warnings, in
 * the interface language; hidden when there is nothing to say.
 */
export function renderNotice(node, x, how) {
  const lines = [];
  const warnings = x?.warnings ?? [];
  if (how.fallback > 0) lines.push(['fallback', t('notice_fallback', { n: how.fallback })]);
  for (const w of warnings) lines.push([w.code, t('warning.' + w.code, {}, w.message)]);
  node.hidden = lines.length === 0;
  return fill(node, lines.map(([code, text]) => el('p', { 'data-code': code, 'data-testid': 'notice-line', text })));
}
