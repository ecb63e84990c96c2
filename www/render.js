// Drawing an extraction: the reading view, the highlighted text, the legend,
// the entity summary, the event cards and the removed blocks. Everything is
// built with createElement and text nodes (see dom.js); no string from the
// input is ever parsed as HTML.

import { el, fill } from './dom.js';
import { t, ENTITY_TYPES } from './i18n.js';
import { groupEntities, participantLabel } from './exports.js';

/** "2025-03-17" -> "17/3/2025", "--03-17" -> "17/3", "2025-03" -> "3/2025"; anything else as given. */
export function formatDate(iso) {
  if (!iso) return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (m) return `${m[4] ? m[4] + ', ' : ''}${+m[3]}/${+m[2]}/${m[1]}`;
  m = /^--(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${+m[2]}/${+m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return `${+m[2]}/${m[1]}`;
  return iso;
}

/** The reading view: title, details, lead, body, then captions set apart. */
export function renderArticle(node, x) {
  const paragraphs = x.paragraphs ?? [];
  if (!x.title && paragraphs.length === 0) {
    return fill(node, el('p', { class: 'empty', text: t('article_none') }));
  }
  const details = [
    x.byline && el('span', { class: 'byline', 'data-testid': 'byline' }, el('span', { class: 'k', text: t('byline') + ': ' }), x.byline),
    x.published &&
      el('time', { class: 'published', 'data-testid': 'published', datetime: x.published }, el('span', { class: 'k', text: t('published') + ': ' }), formatDate(x.published)),
    x.source && el('span', { class: 'source', 'data-testid': 'source' }, el('span', { class: 'k', text: t('source') + ': ' }), x.source),
  ].filter(Boolean);
  return fill(
    node,
    el('h3', { class: 'title', 'data-testid': 'article-title', text: x.title || t('no_title') }),
    details.length ? el('p', { class: 'details' }, details.flatMap((d, i) => (i ? [' · ', d] : [d]))) : null,
    paragraphs.map((p, i) => el('p', { class: i === 0 ? 'lead' : 'body', text: p })),
    x.captions?.length
      ? el(
          'aside',
          { class: 'captions', 'data-testid': 'captions', 'aria-label': t('captions_heading') },
          el('h4', { text: t('captions_heading') }),
          x.captions.map((c) => el('p', { class: 'caption', text: c })),
        )
      : null,
  );
}

/** What the cleaner dropped, each block with its reason. */
export function renderRemoved(node, x) {
  const removed = x.removed ?? [];
  return fill(
    node,
    el('h4', { text: `${t('removed_heading')} (${removed.length})` }),
    removed.length === 0
      ? el('p', { class: 'empty', text: t('removed_none') })
      : el(
          'ol',
          { class: 'removed-list' },
          removed.map((r) =>
            el(
              'li',
              { 'data-testid': 'removed-item', 'data-reason': r.reason },
              el('span', { class: 'reason', text: t('reason_' + r.reason, {}, r.reason) }),
              ' ',
              el('span', { class: 'removed-text', text: r.text }),
            ),
          ),
        ),
  );
}

/** Splits `text` at blank lines into [start, end) ranges of its blocks (title, paragraphs). */
export function textBlocks(text) {
  const out = [];
  let i = 0;
  while (i <= text.length) {
    const j = text.indexOf('\n\n', i);
    const end = j < 0 ? text.length : j;
    if (end > i) out.push([i, end]);
    if (j < 0) break;
    i = j + 2;
  }
  return out;
}

/**
 * The cleaned text with every entity as a `<mark data-entity-type>`, nested
 * where the spans nest, one `<p>` per block (the first one the title when
 * the text starts with it). A span that would cross another is clipped to
 * it, so that a bad offset can never break the view. With `sentence`
 * ([start, end)), the text in that range is wrapped in
 * `<span class="sentence">` pieces (the event's sentence).
 */
export function renderHighlighted(node, x, { sentence = null } = {}) {
  const text = x.text ?? '';
  const entities = (x.entities ?? [])
    .map((e, idx) => ({ e, idx }))
    .filter(({ e }) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end && e.end <= text.length)
    .sort((a, b) => a.e.start - b.e.start || b.e.end - a.e.end);
  const blocks = textBlocks(text);
  if (blocks.length === 0) return fill(node, el('p', { class: 'empty', text: t('article_none') }));
  const titled = !!x.title && text.startsWith(x.title);
  const out = [];
  let k = 0; // next entity to place
  for (const [bi, [bs, be]] of blocks.entries()) {
    const block = el(bi === 0 && titled ? 'h3' : 'p', { class: bi === 0 && titled ? 'title' : 'body', 'data-start': bs });
    while (k < entities.length && entities[k].e.end <= bs) k++;
    const mine = [];
    for (let j = k; j < entities.length && entities[j].e.start < be; j++) mine.push(entities[j]);
    fillBlock(block, text, bs, be, mine, sentence);
    out.push(block);
  }
  return fill(node, out);
}

function fillBlock(block, text, bs, be, entities, sentence) {
  const stack = [{ node: block, end: be }];
  let pos = bs;
  const emit = (a, b) => {
    if (b <= a) return;
    const top = stack[stack.length - 1].node;
    // Cut the run at the sentence's ends; wrap the part inside it.
    const cuts = [a];
    if (sentence) for (const c of sentence) if (c > a && c < b) cuts.push(c);
    cuts.push(b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [x0, x1] = [cuts[i], cuts[i + 1]];
      const piece = text.slice(x0, x1);
      if (sentence && x0 >= sentence[0] && x1 <= sentence[1]) {
        top.append(el('span', { class: 'sentence', 'data-testid': 'sentence-mark', text: piece }));
      } else {
        top.append(piece);
      }
    }
  };
  for (const { e, idx } of entities) {
    let s = Math.max(e.start, bs);
    // Close the marks that end before this one starts.
    while (stack.length > 1 && stack[stack.length - 1].end <= s) {
      emit(pos, stack[stack.length - 1].end);
      pos = stack.pop().end;
    }
    if (s < pos) s = pos; // starts inside an earlier sibling: clip
    const end = Math.min(e.end, be, stack[stack.length - 1].end); // never cross the parent
    if (s >= end) continue;
    emit(pos, s);
    pos = s;
    const mark = el('mark', {
      class: 'ent',
      tabindex: '-1',
      'data-entity-type': e.type,
      'data-label': e.type,
      'data-idx': idx,
      'data-canonical': e.canonical ?? e.text,
    });
    stack[stack.length - 1].node.append(mark);
    stack.push({ node: mark, end });
  }
  while (stack.length) {
    const top = stack[stack.length - 1];
    emit(pos, top.end);
    pos = top.end;
    stack.pop();
  }
}

/** Legend: one toggle button per entity type present (aria-pressed = shown), with its count. */
export function renderLegend(node, x, hidden, onToggle) {
  const counts = new Map();
  for (const e of x.entities ?? []) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const types = ENTITY_TYPES.filter((ty) => counts.has(ty)).concat([...counts.keys()].filter((ty) => !ENTITY_TYPES.includes(ty)));
  if (types.length === 0) return fill(node, el('span', { class: 'empty', text: t('entities_none') }));
  return fill(
    node,
    types.map((ty) =>
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
        t('type_' + ty, {}, ty),
        ' ',
        el('span', { class: 'count', text: `(${counts.get(ty)})` }),
      ),
    ),
  );
}

/** Entity summary: per type, each canonical name with its mention count, as buttons that mark its mentions. */
export function renderSummary(node, x, picked, onPick) {
  const groups = groupEntities(x.entities ?? [], ENTITY_TYPES);
  if (groups.length === 0) return fill(node, el('p', { class: 'empty', text: t('entities_none') }));
  return fill(
    node,
    groups.map((g) =>
      el(
        'div',
        { class: 'summary-group', 'data-type': g.type },
        el('h4', {}, el('span', { class: 'swatch', 'data-entity-type-swatch': g.type, 'aria-hidden': 'true', text: g.type }), ' ', t('type_' + g.type, {}, g.type), ` (${g.count})`),
        el(
          'ul',
          {},
          g.items.map((item) =>
            el(
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
                el('span', { class: 'name', text: item.canonical }),
                ' ',
                el('span', { class: 'count', text: t('summary_mentions', { n: item.count }) }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** "17/3/2025 · sáng" (or the words for an unknown date). */
function eventWhen(v) {
  const when = v.date ? formatDate(v.date) : t('event_no_date');
  return v.time_of_day ? `${when} · ${t('tod_' + v.time_of_day, {}, v.time_of_day)}` : when;
}

/** Event cards, the main event first; `onSelect(index)` when one is chosen. */
export function renderEvents(node, x, selected, onSelect) {
  const events = (x.events ?? []).map((v, i) => ({ v, i })).sort((a, b) => (b.v.main ? 1 : 0) - (a.v.main ? 1 : 0) || a.i - b.i);
  if (events.length === 0) return fill(node, el('li', { class: 'empty', text: t('events_none') }));
  return fill(
    node,
    events.map(({ v, i }) =>
      el(
        'li',
        {
          class: 'event' + (v.main ? ' main' : '') + (selected === i ? ' selected' : ''),
          'data-testid': 'event',
          'data-index': i,
          'data-type': v.type,
          onclick: (ev) => {
            if (!ev.target.closest('button')) onSelect(i);
          },
        },
        el(
          'button',
          { type: 'button', class: 'event-head', 'aria-pressed': selected === i ? 'true' : 'false', title: t('event_show_sentence'), onclick: () => onSelect(i) },
          el('span', { class: 'when', text: eventWhen(v) }),
          ' · ',
          el('span', { class: 'what', text: t('event_' + v.type, {}, v.type) }),
          ' · ',
          el('span', { class: 'where', text: v.location || t('event_no_location') }),
        ),
        v.participants?.length
          ? el(
              'ul',
              { class: 'participants' },
              v.participants.map((p) =>
                el(
                  'li',
                  {},
                  el('span', { class: 'name', text: p.name }),
                  p.role || p.country ? el('span', { class: 'role', text: ` — ${[p.role, p.country].filter(Boolean).join(', ')}` }) : null,
                ),
              ),
            )
          : null,
        el(
          'p',
          { class: 'event-meta' },
          el('span', { class: 'status status-' + v.status, text: t('status_' + v.status, {}, v.status) }),
          v.main ? el('span', { class: 'badge-main', text: '★ ' + t('event_main') }) : null,
          v.cameo ? el('span', { class: 'cameo', text: 'CAMEO ' + v.cameo }) : null,
          v.trigger ? el('span', { class: 'trigger', text: `“${v.trigger}”` }) : null,
        ),
      ),
    ),
  );
}

/** The tooltip's lines for entity `e`: type, canonical name, roles, country, value and the rule that found it. */
export function fillTooltip(node, e) {
  const row = (key, value) => (value ? [el('dt', { text: t(key) }), el('dd', { text: value })] : null);
  return fill(
    node,
    el('p', { class: 'tip-head' }, el('span', { class: 'swatch', 'data-entity-type-swatch': e.type, text: e.type }), ' ', t('type_' + e.type, {}, e.type)),
    el(
      'dl',
      {},
      row('tip_canonical', e.canonical),
      row('tip_roles', (e.roles ?? []).join('; ')),
      row('tip_country', e.country),
      row('tip_value', e.value),
      row('tip_rule', e.rule),
    ),
  );
}

/** Participants as one line ("A (role, country); B"), for titles and exports. */
export function participantsLine(v) {
  return (v.participants ?? []).map(participantLabel).join('; ');
}
