// What the page lets people take away: the clean text, the whole result as
// JSON, entities and events as CSV, and the article with its entities and
// events as Markdown. Pure functions of an extraction (no DOM), so that they
// are tested under Node as well as in the browser.

/** Columns of the entities CSV, in order. */
export const ENTITY_COLUMNS = ['type', 'text', 'start', 'end', 'canonical', 'value', 'roles', 'country', 'rule'];
/** Columns of the events CSV, in order. */
export const EVENT_COLUMNS = [
  'type', 'cameo', 'trigger', 'date', 'time_of_day', 'location', 'participants', 'status', 'main',
  'sentence', 'sentence_start', 'sentence_end', 'rule',
];

/** The cleaned article as plain text: the title, then the paragraphs, blank lines between. */
export function cleanText(x) {
  return x.text ?? '';
}

/** The whole extraction, indented. */
export function toJson(x) {
  return JSON.stringify(x, null, 2) + '\n';
}

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line
 * break). A text field that a spreadsheet would read as a formula (starting
 * with = + @ or a tab, or - before something that is not a number) gets a
 * leading apostrophe, so opening the file runs nothing.
 */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^(?:[=+@\t\r]|-(?![0-9.,]*$))/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function csv(rows) {
  // A byte-order mark so that spreadsheet programs read the file as UTF-8
  // (Vietnamese letters), and CRLF line ends as RFC 4180 asks.
  return '\ufeff' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** "Name (role, country)" for a participant, with the parts it has. */
export function participantLabel(p) {
  const extra = [p.role, p.country].filter(Boolean).join(', ');
  return extra ? `${p.name} (${extra})` : p.name;
}

/** The entities as CSV, one mention a row; roles joined with "; ". */
export function entitiesCsv(x) {
  const rows = [ENTITY_COLUMNS];
  for (const e of x.entities ?? []) {
    rows.push([e.type, e.text, e.start, e.end, e.canonical, e.value, (e.roles ?? []).join('; '), e.country, e.rule]);
  }
  return csv(rows);
}

/** The events as CSV, one event a row, with its CAMEO code; participants joined with "; ". */
export function eventsCsv(x) {
  const rows = [EVENT_COLUMNS];
  for (const v of x.events ?? []) {
    rows.push([
      v.type, v.cameo, v.trigger, v.date, v.time_of_day, v.location,
      (v.participants ?? []).map(participantLabel).join('; '),
      v.status, v.main ? 'true' : 'false', v.sentence, v.sentence_start, v.sentence_end, v.rule,
    ]);
  }
  return csv(rows);
}

/** Text made safe to put in Markdown: characters that would start markup are escaped. */
export function mdEscape(s) {
  return String(s ?? '')
    .replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c)
    .replace(/^([#+-]|\d+\.)(?=\s)/gm, (m) => '\\' + m);
}

/**
 * The article as Markdown: title, the details line, the paragraphs, the
 * captions, then entities grouped by type (with mention counts) and events.
 * `t(key, vars)` gives the headings in the interface language.
 */
export function toMarkdown(x, t, typeOrder) {
  const out = [];
  out.push(`# ${mdEscape(x.title || t('no_title'))}`, '');
  const details = [
    x.byline && `${t('byline')}: ${mdEscape(x.byline)}`,
    x.published && `${t('published')}: ${mdEscape(x.published)}`,
    x.source && `${t('source')}: ${mdEscape(x.source)}`,
  ].filter(Boolean);
  if (details.length) out.push(`*${details.join(' · ')}*`, '');
  for (const p of x.paragraphs ?? []) out.push(mdEscape(p), '');
  if (x.captions?.length) {
    out.push(`## ${t('captions_heading')}`, '');
    for (const c of x.captions) out.push(`> ${mdEscape(c)}`, '');
  }
  const groups = groupEntities(x.entities ?? [], typeOrder);
  if (groups.length) {
    out.push(`## ${t('entities_heading')}`, '');
    for (const g of groups) {
      out.push(`### ${g.type} · ${t('type_' + g.type)}`, '');
      for (const item of g.items) out.push(`- ${mdEscape(item.canonical)} (${t('summary_mentions', { n: item.count })})`);
      out.push('');
    }
  }
  if (x.events?.length) {
    out.push(`## ${t('events_heading')}`, '');
    for (const v of x.events) {
      const head = [v.date || t('event_no_date'), t('event_' + v.type, {}, v.type), v.location].filter(Boolean).map(mdEscape);
      const who = (v.participants ?? []).map((p) => mdEscape(participantLabel(p))).join('; ');
      const flags = [t('status_' + v.status, {}, v.status), v.main ? t('event_main') : null, v.cameo ? `CAMEO ${v.cameo}` : null]
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
