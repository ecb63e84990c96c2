// Values as people read them (issue 14, point 3): the extractor's ISO and
// code values (`--11-11`, `TEV`, `T16:00`, `20000000000 USD`) turned into
// "11/11 (năm không rõ)", "tối", "16:00", "20 tỷ USD" in the interface
// language. Only the page's own text uses these; JSON and CSV keep the ISO
// values. Pure functions of a value and `t` (i18n.js), so that the tests
// can call them directly.

import { t, lang } from './i18n.js';

/** TIMEX3 parts of the day (TIME values) and the word the events stage writes for each. */
export const PARTS_OF_DAY = { TMO: 'sáng', TMI: 'trưa', TAF: 'chiều', TEV: 'tối', TNI: 'đêm' };

const pad2 = (n) => String(n).padStart(2, '0');

/** "T09:30", "T16:00:00" -> "09:30", "16:00"; a part-of-day code -> its word; null when it is neither. */
function clock(v) {
  const m = /^T(\d{2}):(\d{2})(?::\d{2})?$/.exec(v);
  if (m) return `${m[1]}:${m[2]}`;
  return v in PARTS_OF_DAY ? partOfDay(PARTS_OF_DAY[v]) : null;
}

/** A part of the day ("sáng", as events give it) in the interface language. */
export function partOfDay(word) {
  return t('tod.' + word, {}, word);
}

/** One ISO date (no range): day, month and year in the order people write them. */
function oneDate(v) {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(v);
  if (m) return (m[4] ? `${m[4]}:${m[5]}, ` : '') + `${m[3]}/${m[2]}/${m[1]}`;
  if ((m = /^--(\d{2})-(\d{2})$/.exec(v))) return t('date_no_year', { date: `${m[2]}/${m[1]}` });
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return t('date_month', { month: m[2], year: m[1] });
  if ((m = /^--(\d{2})$/.exec(v))) return t('date_month_no_year', { month: m[1] });
  if ((m = /^(\d{4})$/.exec(v))) return t('date_year', { year: m[1] });
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return t('date_quarter', { q: m[2], year: m[1] });
  if ((m = /^(\d{3})$/.exec(v))) return t('date_decade', { decade: m[1] + '0' });
  if ((m = /^XXXX-WXX-([1-7])$/.exec(v))) return t('weekday_' + m[1]);
  return null;
}

/** A DATE value (or a range "a/b" of them) as people write it; the value itself when it has another form. */
export function readableDate(value) {
  if (!value) return '';
  const parts = String(value).split('/');
  const read = parts.map(oneDate);
  if (read.some((r) => r === null) || parts.length > 2) return String(value);
  return read.join(' – ');
}

/** A TIME value: "sáng", "16:00", "10:00 – 11:30". */
export function readableTime(value) {
  const parts = String(value ?? '').split('/');
  const read = parts.map(clock);
  return read.some((r) => r === null) ? String(value ?? '') : read.join(' – ');
}

/** Digits grouped in threes with the language's separator; decimals after its decimal mark. */
export function groupDigits(number) {
  const [int, frac] = String(number).replace(/^-/, '').split('.');
  const sep = lang() === 'vi' ? '.' : ',';
  const dec = lang() === 'vi' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (String(number).startsWith('-') ? '-' : '') + grouped + (frac ? dec + frac : '');
}

/** Scale words, largest first: "nghìn tỷ" / "trillion", "tỷ" / "billion", "triệu" / "million". */
const SCALES = [
  [1e12, 'scale_trillion'],
  [1e9, 'scale_billion'],
  [1e6, 'scale_million'],
];

/** A plain decimal ("20000000000", "2.25") as people say it: "20 tỷ", "2,25"; up to three decimals. */
export function readableNumber(value) {
  const n = Number(value);
  if (!Number.isFinite(n) || !/^-?\d+(\.\d+)?$/.test(String(value))) return String(value);
  for (const [size, key] of SCALES) {
    if (Math.abs(n) >= size) {
      const short = Number((n / size).toFixed(3)).toString();
      return `${groupDigits(short)} ${t(key)}`;
    }
  }
  return groupDigits(String(value));
}

/** NUM, MONEY and PERCENT values (ranges "a/b" too): "3 triệu", "2,25 tỷ USD", "8,02%". */
export function readableQuantity(type, value) {
  const v = String(value ?? '');
  if (type === 'MONEY') {
    const m = /^(\S+)\s+([A-Z]{3})$/.exec(v);
    if (!m) return v;
    return `${m[1].split('/').map(readableNumber).join(' – ')} ${m[2]}`;
  }
  const numbers = v.split('/').map(readableNumber).join(' – ');
  return type === 'PERCENT' ? numbers + '%' : numbers;
}

/** An entity's value as people read it, by its type; '' when it has none. */
export function readableValue(e) {
  if (e.value === null || e.value === undefined || e.value === '') return '';
  switch (e.type) {
    case 'DATE':
      return readableDate(e.value);
    case 'TIME':
      return readableTime(e.value);
    case 'NUM':
    case 'MONEY':
    case 'PERCENT':
      return readableQuantity(e.type, e.value);
    default:
      return String(e.value);
  }
}

/**
 * Where a year the text does not write came from, read from a rule id's
 * suffix (src/entities/temporal.rs, src/events/mod.rs), or null when the
 * year is written. `anchor` is `{published, referenceDate}` of the page.
 */
export function inferredYear(rule, anchor = {}) {
  const r = String(rule ?? '');
  if (r.includes('+year:anchor')) {
    if (anchor.published) return t('year_from_published', { date: readableDate(anchor.published.slice(0, 10)) });
    if (anchor.referenceDate) return t('year_from_reference', { date: readableDate(anchor.referenceDate) });
    return t('year_from_anchor');
  }
  if (r.includes('+year:relative')) return t('year_from_relative');
  if (r.includes('+year:planned')) return t('year_from_planned');
  return null;
}

/**
 * The DATE entities of `x`, sorted by start, for finding the one inside an
 * event's sentence by binary search (a long article has thousands of each).
 */
export function datesBySentence(x) {
  return (x?.entities ?? []).filter((e) => e.type === 'DATE').sort((a, b) => a.start - b.start);
}

/** The first of the sorted `dates` that starts at or after `at`. */
function firstFrom(dates, at) {
  let [lo, hi] = [0, dates.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An event's date with the part of the day ("sáng 17/03/2025"), and a note
 * saying where a year or date not written in its sentence came from: the
 * event's own rule (a date from a tied event, a planned year), or the
 * anchored DATE entity inside its sentence that gave the date. `dates` is
 * `datesBySentence(x)`.
 */
export function eventWhen(v, dates, anchor = {}) {
  const date = v.date ? readableDate(v.date) : t('event_no_date');
  const tod = v.time_of_day ? partOfDay(v.time_of_day) : '';
  const when = tod ? t('date_with_part_of_day', { date, part: tod }) : date;
  let note = null;
  const rule = String(v.rule ?? '');
  if (rule.includes('+tie:same-day')) note = t('date_from_tie');
  else if (rule.includes('+year:planned')) note = inferredYear(rule, anchor);
  else if (v.date) {
    for (let i = firstFrom(dates, v.sentence_start); i < dates.length && dates[i].start < v.sentence_end; i++) {
      const e = dates[i];
      if (e.end <= v.sentence_end && String(e.value ?? '').startsWith(v.date.slice(0, 10))) {
        note = inferredYear(e.rule, anchor);
        break;
      }
    }
  }
  return { when, note };
}

/** A date the user typed: "17/3/2025", "17-03-2025", "2025-03-17" -> "2025-03-17"; null when it is not a real date. */
export function parseUserDate(text) {
  const s = String(text ?? '').trim();
  let y, m, d;
  let k = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (k) [d, m, y] = [k[1], k[2], k[3]].map(Number);
  else if ((k = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [k[1], k[2], k[3]].map(Number);
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** "2025-03-17" -> "17/03/2025", for the date box. */
export function showUserDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
