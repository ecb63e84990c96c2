// One truth for HTML between Rust and JavaScript (issue 18 part 4): the
// page's reader (www/blocks.js, on Chromium's DOMParser) gives, for every
// HTML page of tests/pages and of these tests' fixtures, exactly the blocks
// the CLI's reader (src/clean/html, on html5ever) gives, as
// tests/html_readers.rs keeps them in tests/pages/blocks/; and the page
// tells HTML from text as the library does: blocks.js's copy answers
// tests/cases/html/sniff.json and agrees with the module's looksLikeHtml.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ROOT } from './harness.mjs';
import { sharedSetup } from './page-helpers.mjs';

const shared = sharedSetup();

/** The HTML pages both readers are compared on, with the blocks kept for each. */
async function pages() {
  const out = [];
  for (const dir of ['tests/pages', 'tests/pages/html', 'tests/browser/fixtures']) {
    for (const f of (await readdir(join(ROOT, dir))).filter((f) => f.endsWith('.html')).sort()) {
      const name = basename(f, '.html');
      out.push({
        name,
        html: await readFile(join(ROOT, dir, f), 'utf8'),
        blocks: JSON.parse(await readFile(join(ROOT, 'tests/pages/blocks', `${name}.json`), 'utf8')),
      });
    }
  }
  return out;
}

/** A page of the served site with blocks.js imported, to run the reader in. */
async function readerPage() {
  const page = await shared.browser.newPage();
  await page.goto(`${shared.server.url}blocks.js`);
  return page;
}

test('blocks.js in Chromium gives the blocks the CLI reader gives, on every HTML fixture', async (t) => {
  const page = await readerPage();
  t.after(() => page.close());
  const all = await pages();
  assert.ok(all.length >= 9, `expected the HTML pages of tests/pages, found ${all.length}`);
  for (const { name, html, blocks } of all) {
    const got = await page.evaluate(async (html) => (await import('/blocks.js')).blocksFromHtml(html), html);
    // The first differing block names the difference, not the whole page.
    for (let i = 0; i < Math.max(got.length, blocks.length); i++) {
      assert.deepEqual(got[i], blocks[i], `${name}: block ${i}`);
    }
  }
});

test('markup a browser repairs reads alike on both sides', async (t) => {
  const page = await readerPage();
  t.after(() => page.close());
  // Small cases of the Rust reader's own tests (src/clean/html/mod.rs).
  const cases = [
    ['<p>a &#xZZ; b', [['a &#xZZ; b', 'p']]],
    ['<p>&Dstrok;&ecirc;m &amp &hellip;', [['Đêm & …', 'p']]],
    ['<p>&#99999999;', [['\ufffd', 'p']]],
    ['<div><p>Ba</div>', [['Ba', 'p']]],
    ['<p>Bảy<div>Tám</div>chín</p>', [['Bảy', 'p'], ['Tám', 'div'], ['chín', 'body']]],
    ['<p hidden>Một</p><p style="color:red; DISPLAY : None">Ba</p><p aria-hidden="false">Năm</p>', [['Năm', 'p']]],
  ];
  for (const [html, want] of cases) {
    const got = await page.evaluate(async (html) => (await import('/blocks.js')).blocksFromHtml(html), html);
    assert.deepEqual(got.map((b) => [b.text, b.tag]), want, html);
  }
  // Roles from class words, as src/clean/html/tables.rs reads them.
  const roles = await page.evaluate(async () => {
    const { role } = await import('/blocks.js');
    return [['box-tin-lien-quan'], ['otherNews'], ['RelatedOneNews'], ['articleBody', 'tags'], ['tagline', 'menuitem'], ['fck_detail']].map(role);
  });
  assert.deepEqual(roles, ['related-links', 'related-links', 'related-links', 'comments-or-tags', '', '']);
});

test('the page tells HTML from text as the library does', async (t) => {
  const page = await readerPage();
  t.after(() => page.close());
  const { cases } = JSON.parse(await readFile(join(ROOT, 'tests/cases/html/sniff.json'), 'utf8'));
  const texts = [...cases.map((c) => c.text), ...(await pages()).map((p) => p.html)];
  // blocks.js's synchronous copy and the module's export, on the same texts.
  const [copy, module] = await page.evaluate(async (texts) => {
    const { looksLikeHtml } = await import('/blocks.js');
    const m = await import('/pkg/vnextract.js');
    await m.default();
    return [texts.map(looksLikeHtml), texts.map((s) => m.looksLikeHtml(s))];
  }, texts);
  cases.forEach((c, i) => assert.equal(copy[i], c.html, `${JSON.stringify(c.text)}: ${c.why}`));
  texts.forEach((s, i) => assert.equal(copy[i], module[i], `blocks.js and the module differ on ${JSON.stringify(s.slice(0, 80))}`));
});
