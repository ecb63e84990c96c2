// What the page changes in an extraction before showing it, as pure
// functions of data: the prose fallback (issue 14, point 1: Vietnamese
// prose the cleaner could not place is still shown, unfiltered) and the
// user's corrections (point 7: pick the title, restore a removed block,
// remove or retype an entity, fix an event's date). Corrections are kept
// by text (a paragraph, an entity's type and canonical name, an event's
// type and sentence), so they hold across re-extractions of the same input
// and travel in share links; the exports carry them.

/** Letters only Vietnamese writes (tone marks and the modified vowels), for telling its prose from other text. */
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * Whether a block reads as Vietnamese prose: Vietnamese letters, not a
 * copyright notice, and either five words or more ending as a sentence
 * ends (. ! ? …, perhaps inside quotes or brackets), or, among the blocks
 * the cleaner could not place at all (`no-article`), ten words or more
 * (a sentence typed without its full stop).
 */
export function isProse({ text, reason }) {
  const s = String(text).trim();
  if (!VIETNAMESE_LETTER.test(s) || s.startsWith('©')) return false;
  const words = s.split(/\s+/).length;
  return (words >= 5 && /[.!?…]["'”’)\]]*$/.test(s)) || (reason === 'no-article' && words >= 10);
}

/**
 * The lines to show unfiltered when the cleaner kept no article: the
 * removed blocks that read as prose, in reading order; [] when the
 * extraction has an article or no prose.
 */
export function proseFallback(x) {
  if (!x || (x.paragraphs ?? []).length > 0 || x.title) return [];
  return (x.removed ?? []).filter(isProse).map((r) => r.text);
}

/**
 * The extraction to show for prose the cleaner could not place: `plain`
 * (the prose lines extracted without cleaning) with the cleaner's other
 * removed blocks and its warnings other than `no-article`, which the
 * page's notice replaces.
 */
export function withFallback(raw, plain, lines) {
  const used = new Set(lines);
  return {
    ...plain,
    removed: (raw.removed ?? []).filter((r) => !used.has(r.text)),
    warnings: (raw.warnings ?? []).filter((w) => w.code !== 'no-article').concat(plain.warnings ?? []),
  };
}

/** A correction set with nothing in it. */
export const emptyCorrections = () => ({ title: null, restored: [], entities: {}, eventDates: {} });

/** How many corrections a set holds. */
export function countCorrections(c) {
  return (c.title ? 1 : 0) + c.restored.length + Object.keys(c.entities).length + Object.keys(c.eventDates).length;
}

/** Key of an entity for corrections: its type as extracted and its canonical name. */
export const entityKey = (e) => `${e.original_type ?? e.type}\u0000${e.canonical ?? e.text}`;
/** Key of an event for corrections: its type and its sentence. */
export const eventKey = (v) => `${v.type}\u0000${v.sentence}`;

/** Whether the corrections change the article's text (so that it must be extracted again). */
export const changesText = (c) => !!c.title || c.restored.length > 0;

/**
 * The corrected article's parts, or null when the corrections leave the
 * text alone: the chosen title (taken out of the paragraphs or the removed
 * blocks; the old title is dropped), the paragraphs with the restored
 * blocks put back where they stood in `input`, and what stays removed.
 */
export function correctedArticle(x, c, input) {
  if (!changesText(c)) return null;
  const removedTexts = new Set((x.removed ?? []).map((r) => r.text));
  const restored = c.restored.filter((t) => removedTexts.has(t) && t !== c.title);
  const known = new Set([...(x.paragraphs ?? []), ...removedTexts]);
  const title = c.title && (known.has(c.title) || c.title === x.title) ? c.title : x.title;
  // Reading order: where each piece first occurs in the input (pieces not found keep their order, last).
  const at = (t) => {
    const i = input.indexOf(t);
    return i < 0 ? Infinity : i;
  };
  const pieces = [...(x.paragraphs ?? []), ...restored]
    .filter((p) => p !== title)
    .map((text, order) => ({ text, order, at: at(text) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map((p) => p.text);
  const gone = new Set([...restored, title]);
  const removed = (x.removed ?? []).filter((r) => !gone.has(r.text));
  const text = [title, ...pieces].filter(Boolean).join('\n\n');
  return { title: title ?? null, paragraphs: pieces, removed, text };
}

/**
 * The extraction of the corrected article: `plain` is its text extracted
 * without cleaning (title and paragraphs joined); byline, date, source and
 * captions stay the cleaner's.
 */
export function composeCorrected(x, article, plain) {
  return {
    ...x,
    title: article.title,
    paragraphs: article.paragraphs,
    removed: article.removed,
    text: plain.text,
    entities: plain.entities,
    events: plain.events,
  };
}

/**
 * Applies the entity and event corrections: removed entities are left out,
 * retyped ones get their new `type` and keep the old as `original_type`;
 * an event with a fixed date gets it as `date`, the old as `original_date`.
 * With any correction, the result lists them under `corrections`.
 */
export function applyCorrections(x, c) {
  const entities = [];
  for (const e of x.entities ?? []) {
    const fix = c.entities[entityKey(e)];
    if (fix?.removed) continue;
    entities.push(fix?.type && fix.type !== e.type ? { ...e, type: fix.type, original_type: e.type } : e);
  }
  const events = (x.events ?? []).map((v) => {
    const date = c.eventDates[eventKey(v)];
    return date && date !== v.date ? { ...v, date, original_date: v.date } : v;
  });
  const out = { ...x, entities, events };
  if (countCorrections(c) > 0) out.corrections = describe(c);
  return out;
}

/** The corrections as the exports list them. */
function describe(c) {
  const split = (k) => k.split('\u0000');
  return {
    title: c.title,
    restored: c.restored,
    entities: Object.entries(c.entities).map(([k, fix]) => {
      const [type, canonical] = split(k);
      return fix.removed ? { type, canonical, removed: true } : { type, canonical, new_type: fix.type };
    }),
    event_dates: Object.entries(c.eventDates).map(([k, date]) => {
      const [type, sentence] = split(k);
      return { type, sentence, date };
    }),
  };
}

/** Reads corrections back from a share link's JSON, keeping only well-formed parts. */
export function readCorrections(json) {
  const c = emptyCorrections();
  if (!json || typeof json !== 'object') return c;
  if (typeof json.title === 'string') c.title = json.title;
  if (Array.isArray(json.restored)) c.restored = json.restored.filter((t) => typeof t === 'string');
  for (const [k, fix] of Object.entries(json.entities ?? {})) {
    if (fix?.removed === true) c.entities[k] = { removed: true };
    else if (typeof fix?.type === 'string') c.entities[k] = { type: fix.type };
  }
  for (const [k, date] of Object.entries(json.eventDates ?? {})) {
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) c.eventDates[k] = date;
  }
  return c;
}
