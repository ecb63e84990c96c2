// What the page lets people take away, made in the page: the clean text
// (with its title, byline, date, source and captions), the whole result as
// JSON, and the article with its entities and events as Markdown, in the
// interface language with readable values. The CSV files are the core's
// (src/report, through the worker), so that the page and the CLI write the
// same columns. Pure functions of an extraction, no DOM.

import { t } from './i18n.js';
import { readableDate, readableValue, eventWhen, datesBySentence, inferredYear } from './readable.js';

const VALUE_TYPES = new Set(['DATE', 'TIME', 'NUM', 'MONEY', 'PERCENT']);

/** The details line: "Tác giả: … · Ngày đăng: … · Nguồn: …", or '' when the page names none. */
function detailsLine(x, escape = (s) => s) {
  return [
    x.byline && `${t('byline')}: ${escape(x.byline)}`,
    x.published && `${t('published')}: ${escape(readableDate(x.published))}`,
    x.source && `${t('source')}: ${escape(x.source)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The article as plain text: title, details line, paragraphs, then the captions; blank lines between. */
export function cleanText(x) {
  const captions = (x.captions ?? []).length ? [`${t('captions_heading')}:`, ...x.captions.map((c) => `– ${c}`)].join('\n') : '';
  return [x.title, detailsLine(x), ...(x.paragraphs ?? []), captions].filter((s) => s && s.trim()).join('\n\n');
}

/** The whole extraction, indented. */
export function toJson(x) {
  return JSON.stringify(x, null, 2) + '\n';
}

/** "Name (role, country)" for a participant, with the parts it has. */
export function participantLabel(p) {
  const extra = [p.role, p.country].filter(Boolean).join(', ');
  return extra ? `${p.name} (${extra})` : p.name;
}

/** Text made safe to put in Markdown: characters that would start markup are escaped. */
export function mdEscape(s) {
  return String(s ?? '')
    .replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c)
    .replace(/^([#+-]|\d+\.)(?=\s)/gm, (m) => '\\' + m);
}

/**
 * The article as Markdown: title, the details line, the paragraphs, the
 * captions, then entities grouped by type (with mention counts) and
 * events, with dates and amounts as people read them.
 */
export function toMarkdown(x, typeOrder, anchor = {}) {
  const out = [];
  out.push(`# ${mdEscape(x.title || t('no_title'))}`, '');
  const details = detailsLine(x, mdEscape);
  if (details) out.push(`*${details}*`, '');
  for (const p of x.paragraphs ?? []) out.push(mdEscape(p), '');
  if (x.captions?.length) {
    out.push(`## ${t('captions_heading')}`, '');
    for (const c of x.captions) out.push(`> ${mdEscape(c)}`, '');
  }
  const groups = groupEntities(x.entities ?? [], typeOrder);
  if (groups.length) {
    const first = new Map();
    for (const e of x.entities ?? []) if (!first.has(e.canonical ?? e.text)) first.set(e.canonical ?? e.text, e);
    out.push(`## ${t('entities_heading')}`, '');
    for (const g of groups) {
      out.push(`### ${g.type} · ${t('entity.' + g.type)}`, '');
      for (const item of g.items) {
        const e = first.get(item.canonical);
        const name = e && VALUE_TYPES.has(e.type) ? readableValue(e) || e.text : item.canonical;
        const year = e?.type === 'DATE' ? inferredYear(e.rule, anchor) : null;
        out.push(`- ${mdEscape(name)}${year ? ` (${mdEscape(year)})` : ''} (${t('summary_mentions', { n: item.count })})`);
      }
      out.push('');
    }
  }
  if (x.events?.length) {
    out.push(`## ${t('events_heading')}`, '');
    const dates = datesBySentence(x);
    for (const v of x.events) {
      const { when, note } = eventWhen(v, dates, anchor);
      const head = [when, t('event.' + v.type, {}, v.type), v.location].filter(Boolean).map(mdEscape);
      const who = (v.participants ?? []).map((p) => mdEscape(participantLabel(p))).join('; ');
      const flags = [t('status.' + v.status, {}, v.status), v.main ? t('event_main') : null, note, v.cameo ? `CAMEO ${v.cameo}` : null]
        .filter(Boolean)
        .join(', ');
      out.push(`- **${head.join(' · ')}**${who ? ` — ${who}` : ''} (${mdEscape(flags)})`);
      if (v.sentence) out.push(`  > ${mdEscape(v.sentence)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * Entities grouped by type (in `typeOrder`, unknown types last), each group's
 * canonical names with their mention counts, most mentioned first.
 */
export function groupEntities(entities, typeOrder = []) {
  const byType = new Map();
  for (const e of entities) {
    if (!byType.has(e.type)) byType.set(e.type, new Map());
    const names = byType.get(e.type);
    const key = e.canonical || e.text;
    names.set(key, (names.get(key) ?? 0) + 1);
  }
  const rank = (ty) => {
    const i = typeOrder.indexOf(ty);
    return i < 0 ? typeOrder.length : i;
  };
  return [...byType.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([type, names]) => ({
      type,
      count: [...names.values()].reduce((s, n) => s + n, 0),
      items: [...names.entries()]
        .map(([canonical, count]) => ({ canonical, count }))
        .sort((a, b) => b.count - a.count || a.canonical.localeCompare(b.canonical, 'vi')),
    }));
}

/** A file name stem from the title: no tone marks, lower case, dashes; "vnextract" when there is no title. */
export function fileStem(x) {
  const slug = String(x.title ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug ? `vnextract-${slug}` : 'vnextract';
}
