// A page pasted or dropped as HTML, turned into the blocks the extractor's
// cleaner reads: one block per paragraph-like element, with its tag, how much
// of its text sits in links, and the tags it sits inside (nav, aside,
// figure…), which tell navigation and related-article lists from the article.
//
// The HTML is parsed with DOMParser into an inert document: its scripts do
// not run and its images and styles are not fetched. Only text is taken out.

/** Elements that start a new block. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never visible text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'svg', 'math', 'iframe',
  'object', 'embed', 'canvas', 'video', 'audio', 'select', 'option', 'button', 'input', 'textarea',
]);

/**
 * Reads `html` into `[{text, tag, linkChars, ancestors}]` in document order.
 * `tag` is the nearest block element's tag; `ancestors` its enclosing
 * elements' tags, outermost first (html and body left out); `linkChars`
 * counts the characters of `text` inside `<a>`. `<br>` ends a block.
 */
export function blocksFromHtml(html) {
  const doc = new DOMParser().parseFromString(quiet(html), 'text/html');
  const blocks = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return blocks;
  walkBlock(root, [], 'body', blocks);
  return blocks;
}

/** Walks the children of the block element `node`, emitting its text runs and recursing into inner blocks. */
function walkBlock(node, ancestors, tag, blocks) {
  const run = { parts: [], linkChars: 0 };
  const flush = () => {
    const text = run.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) {
      // Link characters counted before trimming may exceed the trimmed text.
      blocks.push({ text, tag, linkChars: Math.min(run.linkChars, text.length), ancestors: ancestors.slice() });
    }
    run.parts = [];
    run.linkChars = 0;
  };
  const inner = tag === 'body' ? ancestors : ancestors.concat(tag);
  const visit = (n, inLink) => {
    for (const child of n.childNodes) {
      if (child.nodeType === 3) {
        run.parts.push(child.data);
        if (inLink) run.linkChars += child.data.replace(/\s+/g, ' ').trim().length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const name = child.localName;
      if (SKIP_TAGS.has(name) || child.hasAttribute('hidden') || child.getAttribute('aria-hidden') === 'true') continue;
      if (name === 'br') {
        flush();
      } else if (name === 'img') {
        continue; // alt text is a copy of the caption or title, not article text
      } else if (BLOCK_TAGS.has(name)) {
        flush();
        walkBlock(child, inner, name, blocks);
      } else {
        visit(child, inLink || name === 'a');
      }
    }
  };
  visit(node, false);
  flush();
}

/**
 * `html` without script and style elements and without event-handler and
 * style attributes. Not a safeguard (the parsed document never runs or
 * shows anything, and the page's CSP blocks inline code anyway) but a
 * courtesy: Chromium reports every inline handler and style in a parsed
 * document as a CSP violation in the console, and pages copied from a
 * browser carry hundreds of style attributes.
 */
export function quiet(html) {
  // [^<>]: a tag never spans another "<", which keeps the scan linear.
  return dropElements(String(html), ['script', 'style']).replace(/<[a-zA-Z][^<>]*>/g, (tag) =>
    tag.replace(/[\s/](?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ' '),
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
 * closes paragraph-like elements. Used on pasted text and opened files, so
 * that a page's source is read as a page (its text, never its markup).
 */
export function looksLikeHtml(text) {
  const head = String(text).slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  if (/^<(?:!doctype\s+html|html|head|body|!--)[\s>]/i.test(head)) return true;
  return /^<[a-z][a-z0-9]*[\s>]/i.test(head) && /<\/(?:p|div|li|h[1-6]|article|section|td|span|a)>/i.test(String(text).slice(0, 65536));
}

/** The blocks as plain text, one block a paragraph (what the input box shows). */
export function blocksToText(blocks) {
  return blocks.map((b) => b.text).join('\n\n');
}
