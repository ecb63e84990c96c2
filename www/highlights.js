// The article, once: title, byline and date, paragraphs with their
// entities highlighted, captions. Highlights are flat, after displaCy: a
// mention that no other holds is a tinted box with its type as a label
// chip; mentions inside it are underlined in their own colour, without a
// chip, so labels never stack. Each mention also carries its type as
// visually hidden text after it ("Lê Văn An (người)"), for screen readers.
// Hover or focus shows the tooltip; a click (or Enter) marks every mention
// of the same entity, or, while correcting, opens the entity editor.
// Everything is built from text nodes (dom.js); nothing is parsed as HTML.

import { el, fill, fillInBatches } from './dom.js';
import { t } from './i18n.js';
import { readableDate, readableValue, inferredYear } from './readable.js';

/** Splits `text` at blank lines into [start, end) ranges of its blocks (title, paragraphs, captions). */
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

/** The byline, date and source line under the title. */
function details(x) {
  const part = (cls, key, value, attrs = {}) =>
    value ? el(cls === 'published' ? 'time' : 'span', { class: cls, 'data-testid': cls, ...attrs }, el('span', { class: 'k', text: t(key) + ': ' }), value) : null;
  const parts = [
    part('byline', 'byline', x.byline),
    part('published', 'published', x.published ? readableDate(x.published) : null, { datetime: x.published }),
    part('source', 'source', x.source),
  ].filter(Boolean);
  return parts.length ? el('p', { class: 'details' }, parts.flatMap((d, i) => (i ? [' · ', d] : [d]))) : null;
}

/**
 * Draws the article into `node`. `sentence` ([start, end) in text) wraps
 * the selected event's sentence in `<span class="sentence">` pieces;
 * `correcting` adds a "make this the title" button after each paragraph;
 * the mentions of `picked` (a canonical name) are marked.
 */
export function renderArticle(node, x, { sentence = null, correcting = false, picked = null } = {}) {
  const text = x.text ?? '';
  let blocks = textBlocks(text);
  if (blocks.length === 0) return fill(node);
  // `text` ends with the captions (docs/output.md): they are drawn apart,
  // below the article, with their own entities marked.
  const captionTexts = x.captions ?? [];
  const tailBlocks = blocks.slice(blocks.length - captionTexts.length);
  const captionsInText =
    captionTexts.length > 0 && tailBlocks.length === captionTexts.length && tailBlocks.every(([bs, be], i) => text.slice(bs, be) === captionTexts[i]);
  if (captionsInText) blocks = blocks.slice(0, blocks.length - captionTexts.length);
  const entities = (x.entities ?? [])
    .map((e, idx) => ({ e, idx }))
    .filter(({ e }) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end && e.end <= text.length)
    .sort((a, b) => a.e.start - b.e.start || b.e.end - a.e.end);
  const titled = !!x.title && text.startsWith(x.title);
  let k = 0; // next entity to place; blocks are drawn in order
  const block = ([bs, be], bi) => {
    const isTitle = bi === 0 && titled;
    const para = el(isTitle ? 'h3' : 'p', {
      class: isTitle ? 'title' : bi === (titled ? 1 : 0) ? 'lead' : 'body',
      'data-start': bs,
      'data-testid': isTitle ? 'article-title' : 'paragraph',
    });
    while (k < entities.length && entities[k].e.end <= bs) k++;
    const mine = [];
    for (let j = k; j < entities.length && entities[j].e.start < be; j++) mine.push(entities[j]);
    fillBlock(para, text, bs, be, mine, sentence, picked);
    if (isTitle) return [para, details(x)];
    if (correcting) return [para, el('p', { class: 'block-tools' }, el('button', { type: 'button', class: 'make-title', 'data-testid': 'make-title', 'data-text': text.slice(bs, be), text: t('make_title') }))];
    return para;
  };
  const captions = x.captions?.length
    ? el(
        'aside',
        { class: 'captions', 'data-testid': 'captions', 'aria-label': t('captions_heading') },
        el('h4', { text: t('captions_heading') }),
        captionsInText
          ? tailBlocks.map(([bs, be]) => {
              const p = el('p', { class: 'caption' });
              fillBlock(p, text, bs, be, entities.filter(({ e }) => e.start < be && e.end > bs), null, picked);
              return p;
            })
          : x.captions.map((c) => el('p', { class: 'caption', text: c })),
      )
    : null;
  // A long article paints its top at once; the rest follows below, batch by
  // batch; the selected sentence's block is always in the first part.
  const through = sentence ? blocks.findIndex(([, be]) => be >= sentence[1]) + 1 : 0;
  return fillInBatches(node, blocks, block, { head: titled ? [] : [details(x)], tail: [captions], first: Math.max(120, through) });
}

/** Fills one block with its text, its entities as nested marks (clipped so that none crosses another) and the sentence pieces. */
function fillBlock(block, text, bs, be, entities, sentence, picked) {
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
      if (sentence && x0 >= sentence[0] && x1 <= sentence[1]) top.append(el('span', { class: 'sentence', 'data-testid': 'sentence-mark', text: piece }));
      else top.append(piece);
    }
  };
  const close = () => {
    const done = stack.pop();
    // The type in words, for screen readers, after the mention (outside it, so that its text stays the mention's).
    done.node.after(el('span', { class: 'sr-label', text: ` (${t('entity.' + done.node.dataset.entityType, {}, done.node.dataset.entityType).toLowerCase()})` }));
  };
  for (const { e, idx } of entities) {
    let s = Math.max(e.start, bs);
    // Close the marks that end before this one starts.
    while (stack.length > 1 && stack[stack.length - 1].end <= s) {
      emit(pos, stack[stack.length - 1].end);
      pos = stack[stack.length - 1].end;
      close();
    }
    if (s < pos) s = pos; // starts inside an earlier sibling: clip
    const end = Math.min(e.end, be, stack[stack.length - 1].end); // never cross the parent
    if (s >= end) continue;
    emit(pos, s);
    pos = s;
    const canonical = e.canonical ?? e.text;
    const mark = el('mark', {
      class: (stack.length === 1 ? 'ent outer' : 'ent inner') + (picked !== null && canonical === picked ? ' picked' : ''),
      'aria-current': picked !== null && canonical === picked ? 'true' : null,
      tabindex: '-1',
      'data-entity-type': e.type,
      'data-label': e.type,
      'data-idx': idx,
      'data-canonical': canonical,
    });
    stack[stack.length - 1].node.append(mark);
    stack.push({ node: mark, end });
  }
  while (stack.length > 1) {
    emit(pos, stack[stack.length - 1].end);
    pos = stack[stack.length - 1].end;
    close();
  }
  emit(pos, be);
}

/**
 * A rule id in words: its base rule and its marks, each from i18n.js
 * (`rule.…`, `mark.…`), then the id itself. An id is the base, `+` and the
 * marks; a trigger's base carries its type and cue after a colon, and a
 * weekday mark may come first (`date.weekday+date.dm+year:anchor`).
 */
export function readableRule(id) {
  if (!id) return null;
  const parts = id.split('+');
  const words = parts.map((part, i) => {
    const base = part.startsWith('events/trigger:') ? 'events/trigger' : part;
    const asRule = t('rule.' + base, {}, '');
    const asMark = t('mark.' + base, {}, '');
    // The first part is the base unless it is the weekday mark before one.
    return (i === 0 && asRule && !(parts.length > 1 && asMark)) ? asRule : (asMark || asRule);
  }).filter(Boolean);
  return words.length ? `${words.join('; ')} (${id})` : id;
}

/** The tooltip's lines for entity `e`: type, canonical name, roles, country, readable value (and where its year came from), rule. */
export function fillTooltip(node, e, anchor = {}) {
  const row = (key, value) => (value ? [el('dt', { text: t(key) }), el('dd', { text: value })] : null);
  const year = e.type === 'DATE' ? inferredYear(e.rule, anchor) : null;
  return fill(
    node,
    el('p', { class: 'tip-head' }, el('span', { class: 'swatch', 'data-entity-type-swatch': e.type, text: e.type }), ' ', t('entity.' + e.type, {}, e.type)),
    el(
      'dl',
      {},
      row('tip_canonical', e.canonical),
      row('tip_roles', (e.roles ?? []).join('; ')),
      row('tip_country', e.country),
      row('tip_value', readableValue(e)),
      row('tip_year', year),
      row('tip_original_type', e.original_type ? t('entity.' + e.original_type, {}, e.original_type) : null),
      row('tip_rule', readableRule(e.rule)),
    ),
  );
}

/**
 * Wires the article's interactions. `view` gives `{result(), hidden(),
 * highlights(), correcting(), anchor()}`; `onPick(canonical)` marks an
 * entity's mentions, `onEdit(mark)` opens the editor (while correcting).
 */
export function wireArticle(node, tooltip, view, { onPick, onEdit }) {
  const active = (mark) => mark && view.highlights() && !view.hidden().has(mark.dataset.entityType);
  const marks = () => [...node.querySelectorAll('mark.ent')].filter(active);

  const show = (mark) => {
    const e = view.result()?.entities?.[Number(mark.dataset.idx)];
    if (!e || !active(mark)) return;
    fillTooltip(tooltip, e, view.anchor());
    tooltip.hidden = false;
    mark.setAttribute('aria-describedby', tooltip.id);
    const r = mark.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left, window.innerWidth - tooltip.offsetWidth - 8));
    const h = tooltip.offsetHeight;
    const top = r.bottom + 6 + h > window.innerHeight - 8 && r.top - h - 6 > 8 ? r.top - h - 6 : r.bottom + 6;
    tooltip.style.left = `${Math.round(left)}px`;
    tooltip.style.top = `${Math.round(top)}px`;
  };
  const hide = () => {
    tooltip.hidden = true;
    for (const m of node.querySelectorAll('[aria-describedby]')) m.removeAttribute('aria-describedby');
  };
  const focus = (mark) => {
    for (const m of node.querySelectorAll('mark.ent[tabindex="0"]')) m.tabIndex = -1;
    mark.tabIndex = 0;
    mark.focus();
  };
  const choose = (mark) => (view.correcting() ? onEdit(mark) : onPick(mark.dataset.canonical));

  node.addEventListener('mouseover', (event) => {
    const mark = event.target.closest?.('mark.ent');
    if (mark) show(mark);
  });
  node.addEventListener('mouseout', (event) => {
    const to = event.relatedTarget?.closest?.('mark.ent');
    if (to) show(to);
    else if (event.target.closest?.('mark.ent')) hide();
  });
  node.addEventListener('focusin', (event) => {
    const mark = event.target.closest?.('mark.ent');
    if (mark) show(mark);
  });
  node.addEventListener('focusout', hide);
  node.addEventListener('click', (event) => {
    // The innermost mark clicked: a nested mention is chosen on its own.
    const mark = event.target.closest?.('mark.ent');
    if (!active(mark)) return;
    focus(mark);
    choose(mark);
  });
  node.addEventListener('keydown', (event) => {
    const mark = event.target.closest?.('mark.ent');
    if (!mark) return;
    const all = marks();
    const i = all.indexOf(mark);
    const go = (j) => {
      event.preventDefault();
      if (all[j]) focus(all[j]);
    };
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        return go(Math.min(i + 1, all.length - 1));
      case 'ArrowLeft':
      case 'ArrowUp':
        return go(Math.max(i - 1, 0));
      case 'Home':
        return go(0);
      case 'End':
        return go(all.length - 1);
      case 'Enter':
      case ' ':
        event.preventDefault();
        return choose(mark);
      case 'Escape':
        hide();
        return;
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });

  return {
    hide,
    /** Keeps one keyboard stop among the marks that can be used. */
    resetFocusStop() {
      for (const m of node.querySelectorAll('mark.ent[tabindex="0"]')) m.tabIndex = -1;
      const first = marks()[0];
      if (first) first.tabIndex = 0;
    },
    /** Marks the mentions of `canonical` (null: none). */
    markPicked(canonical) {
      for (const m of node.querySelectorAll('mark.ent')) {
        const on = canonical !== null && m.dataset.canonical === canonical;
        m.classList.toggle('picked', on);
        if (on) m.setAttribute('aria-current', 'true');
        else m.removeAttribute('aria-current');
      }
      node.dataset.picked = canonical ?? '';
    },
  };
}
