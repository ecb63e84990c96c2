// A page pasted or dropped as HTML, turned into the blocks the extractor's
// cleaner reads: one block per paragraph-like element, with its tag, how much
// of its text sits in links, and the tags it sits inside (nav, aside,
// figure…), which tell navigation and related-article lists from the article.
//
// The HTML is parsed with DOMParser into an inert document: its scripts do
// not run and its images and styles are not fetched. Only text is taken out.
// The tables (block, skipped and furniture tags, furniture words) are the
// CLI's, from data/html/tags.txt; tests/browser/html-blocks.test.mjs checks
// that both readers give the same blocks.

import { HTML_TABLES } from './html-tables.js';

const BLOCK_TAGS = new Set(HTML_TABLES.block);
const SKIP_TAGS = new Set(HTML_TABLES.skip);
const CHROME_TAGS = new Set(HTML_TABLES['chrome-tags']);
const PAGE_TAGS = new Set(HTML_TABLES['page-tags']);
const HEAD_TAGS = new Set(HTML_TABLES['head-tags']);
/** Role words, by role, in the order they win (src/clean/html/tables.rs: ROLES). */
const ROLES = ['related-links', 'comments-or-tags', 'widget', 'navigation', 'caption', 'article-body'].map((r) => [r, new Set(HTML_TABLES[r])]);
/** The attributes whose words give an element its role. */
const ROLE_ATTRIBUTES = ['class', 'id', 'role', 'itemprop', 'type', 'data-role', 'data-type'];

/**
 * Reads `html` into `[{text, tag, linkChars, ancestors, ids, roles}]` in
 * document order, as the CLI's reader does (src/clean/html): `tag` is the
 * nearest block element's tag; `ancestors` its enclosing block elements'
 * tags, outermost first (html and body left out); `ids` a number for each
 * of those and the block's own element (body 0, then document order),
 * `roles` what their attribute words say (`role` below); `linkChars` counts
 * the code points of `text` inside `<a>`. `<br>` ends a block.
 */
export function blocksFromHtml(html) {
  const doc = new DOMParser().parseFromString(quiet(html), 'text/html');
  const blocks = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return blocks;
  // Open block elements ([tag, id, role], body first) and the current text;
  // the walk keeps its own stack, since a page may nest deeper than calls may.
  const open = [['body', 0, elementRole('body', false, roleOf(root))]];
  let articles = 0; // open article and main elements
  let parts = [];
  let linkChars = 0;
  let nextId = 1;
  const flush = () => {
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    if (text) {
      const from = open.length > 1 ? 1 : 0;
      const els = open.slice(from);
      blocks.push({
        text,
        tag: els[els.length - 1][0],
        linkChars: Math.min(linkChars, codePoints(text)),
        ancestors: els.slice(0, -1).map((e) => e[0]),
        ids: els.map((e) => e[1]),
        roles: els.map((e) => e[2]),
      });
    }
    parts = [];
    linkChars = 0;
  };
  const LEAVE = null;
  const todo = [...root.childNodes].reverse().map((n) => [n, false]);
  while (todo.length) {
    const step = todo.pop();
    if (step === LEAVE) {
      flush();
      if (isArticle(open.pop()[0])) articles--;
      continue;
    }
    const [node, inLink] = step;
    if (node.nodeType === 3) {
      parts.push(node.data);
      if (inLink) linkChars += codePoints(node.data.replace(/\s+/g, ' ').trim());
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.localName;
    if (SKIP_TAGS.has(name) || node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (name === 'img') continue; // alt text is a copy of the caption or title, not article text
    if (BLOCK_TAGS.has(name)) {
      flush();
      open.push([name, nextId++, elementRole(name, articles > 0, roleOf(node))]);
      if (isArticle(name)) articles++;
      todo.push(LEAVE);
    }
    const link = inLink || name === 'a';
    for (let c = node.lastChild; c; c = c.previousSibling) todo.push([c, link]);
  }
  flush();
  return blocks;
}

/** Code points in `s` (what Rust counts as characters). */
function codePoints(s) {
  return s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** An element whose header and footer are its own, not the page's. */
function isArticle(tag) {
  return tag === 'article' || tag === 'main';
}

/**
 * An element's role: its attribute words' when they name furniture; else
 * its tag's ('navigation' for nav, aside, menu and a footer outside an
 * article; 'page-header' for a header outside one); else the words'
 * ('caption', 'article-body' or ''). The rule of src/clean/html/tables.rs.
 */
function elementRole(tag, inArticle, words) {
  if (words && words !== 'article-body' && words !== 'caption') return words;
  if (CHROME_TAGS.has(tag) || (!inArticle && PAGE_TAGS.has(tag))) return 'navigation';
  if (!inArticle && HEAD_TAGS.has(tag)) return 'page-header';
  return words;
}

/** The role the element's attribute words give it (`role` below). */
function roleOf(el) {
  return role(ROLE_ATTRIBUTES.map((a) => el.getAttribute(a)).filter((v) => v !== null));
}

/**
 * The first role one of whose words is a word of `values`, or ''. A value's
 * words are the parts of each run of ASCII letters and digits (cut before an
 * upper-case letter that follows a lower-case one), each two parts in a row
 * joined, and a run of more than two parts whole, lower-cased: the rule of
 * src/clean/html/tables.rs.
 */
export function role(values) {
  let best = ROLES.length;
  const test = (w) => {
    for (let r = 0; r < best; r++) if (ROLES[r][1].has(w)) best = r;
  };
  for (const v of values) {
    let last = '';
    for (const run of v.split(/[^A-Za-z0-9]+/)) {
      if (!run) continue;
      const parts = run.split(/(?<=[a-z])(?=[A-Z])/).map((p) => p.toLowerCase());
      for (const p of parts) {
        test(p);
        if (last) test(last + p);
        last = p;
      }
      if (parts.length > 2) test(run.toLowerCase());
    }
  }
  return best < ROLES.length ? ROLES[best][0] : '';
}

/**
 * `html` without script and style elements and without event-handler and
 * style attributes. Not a safeguard (the parsed document never runs or
 * shows anything, and the page's CSP blocks inline code anyway) but a
 * courtesy: Chromium reports every inline handler and style in a parsed
 * document as a CSP violation in the console, and pages copied from a
 * browser carry hundreds of style attributes. A style that hides its
 * element (`display: none`) becomes `hidden`, which the walk skips, as the
 * CLI's reader skips it.
 */
export function quiet(html) {
  // A tag never spans another "<" (nor does a quoted value here), which
  // keeps the scan linear; a quoted value may hold ">".
  return dropElements(String(html), ['script', 'style']).replace(/<[a-zA-Z](?:[^<>"']|"[^"<]*"|'[^'<]*')*>/g, (tag) =>
    tag.replace(/[\s/](on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (_, name, value) =>
      name.toLowerCase() === 'style' && /display\s*:\s*none/i.test(value) ? ' hidden ' : ' ',
    ),
  );
}

/** `html` without the named elements and their content, in one pass (an unclosed one runs to the end). */
function dropElements(html, names) {
  const opener = new RegExp(`<(${names.join('|')})\\b`, 'gi');
  let out = '';
  let from = 0;
  for (let m; (m = opener.exec(html)) !== null; ) {
    out += html.slice(from, m.index);
    const closer = new RegExp(`</${m[1]}[^<>]*>`, 'gi');
    closer.lastIndex = opener.lastIndex;
    const close = closer.exec(html);
    from = close ? closer.lastIndex : html.length;
    opener.lastIndex = from;
  }
  return out + html.slice(from);
}

/**
 * Whether `text` is HTML source rather than prose: it opens with a doctype,
 * an <html>, <head> or <body> tag or a comment, or it starts with a tag and
 * closes a paragraph-like element within its first 64 KiB. The library's
 * rule (`looks_like_html` in src/input.rs, which the CLI uses, exported by
 * the module as `looksLikeHtml`), so that a paste and a file are read alike.
 *
 * A copy rather than a call, because the answer is needed where the module
 * is not: the module runs in the worker, while a paste must be decided
 * inside its event (to prevent the browser's insert) and turned into blocks
 * with DOMParser, which only this thread has. tests/browser/html-blocks.test.mjs
 * holds this copy to the module's export on tests/cases/html/sniff.json and
 * on every HTML fixture.
 */
export function looksLikeHtml(text) {
  const s = String(text);
  const head = s.replace(/^\ufeff+/, '').trimStart().slice(0, 4096);
  if (/^(?:<!doctype[\t\n\f\r ]+html|<(?:html|head|body|!--)[\t\n\f\r >])/i.test(head)) return true;
  if (!/^<[a-z][a-z0-9]*[\t\n\f\r >]/i.test(head)) return false;
  // The first 64 KiB of UTF-8, as the library reads it.
  const bytes = new TextEncoder().encode(s.slice(0, 65536)).subarray(0, 65536);
  const start = new TextDecoder().decode(bytes);
  return /<\/(?:p|div|li|h[1-6]|article|section|td|span|a|ul)>/i.test(start);
}

/** The blocks as plain text, one block a paragraph (what the input box shows). */
export function blocksToText(blocks) {
  return blocks.map((b) => b.text).join('\n\n');
}
