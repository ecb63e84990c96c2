// What the page lets people take away (issue 6): each download's file
// contents (JSON, entities CSV, events CSV, Markdown), the copied clean text,
// and the share link's round trip through the URL fragment (compressed).
// Expected contents come from the extraction the page received, so that the
// checks hold for any extractor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedSetup, openPage, tid, paste, nextResult, currentResult, download, parseCsv, fixture, viewShot,
  waitForResults,
} from './page-helpers.mjs';

let article;
const shared = sharedSetup({}, async ({ server, browser }) => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  article = await fixture('article.txt');
});

/** Opens the page and pastes the test article; resolves to `{ page, errors, x }`. */
async function withArticle(t) {
  const { page, errors, dialogs } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await nextResult(page, () => paste(page, { text: article }));
  return { page, errors, dialogs, x };
}

/** The CSV file as rows, after checking its byte-order mark and CRLF line ends. */
function csvRows(text) {
  assert.equal(text[0], '\ufeff', 'a byte-order mark, for spreadsheets');
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  return parseCsv(text.slice(1));
}

/** What a CSV cell holds for `value` (a spreadsheet formula is defused with a leading apostrophe). */
const cell = (value) => {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return typeof value === 'string' && /^(?:[=+@\t\r]|-(?![0-9.,]*$))/.test(s) ? "'" + s : s;
};

test('JSON download is the whole extraction', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-json'));
  assert.match(file.name, /^vnextract(-[a-z0-9-]+)?\.json$/);
  if (x.title) assert.notEqual(file.name, 'vnextract.json', 'named after the title');
  assert.deepEqual(JSON.parse(file.text), x);
  assert.deepEqual(errors, []);
});

test('entities CSV: a header, then one row per mention with every field', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-csv-entities'));
  assert.match(file.name, /-entities\.csv$|^vnextract-entities\.csv$/);
  const rows = csvRows(file.text);
  assert.deepEqual(rows[0], ['type', 'text', 'start', 'end', 'canonical', 'value', 'roles', 'country', 'rule']);
  assert.equal(rows.length - 1, x.entities.length);
  x.entities.forEach((e, i) => {
    assert.deepEqual(rows[i + 1], [e.type, e.text, e.start, e.end, e.canonical, e.value, (e.roles ?? []).join('; '), e.country, e.rule].map(cell), `row ${i + 1}`);
  });
  assert.deepEqual(errors, []);
});

test('events CSV: a header, then one row per event with participants, status and sentence', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-csv-events'));
  assert.match(file.name, /-events\.csv$/);
  const rows = csvRows(file.text);
  const header = rows[0];
  assert.deepEqual(header.slice(0, 3), ['type', 'cameo', 'trigger']);
  assert.equal(rows.length - 1, x.events.length);
  assert.ok(x.events.length > 0, 'the test article reports an event');
  const col = (row, name) => row[header.indexOf(name)];
  x.events.forEach((v, i) => {
    const row = rows[i + 1];
    assert.equal(row.length, header.length);
    assert.equal(col(row, 'type'), v.type);
    assert.equal(col(row, 'date'), cell(v.date));
    assert.equal(col(row, 'location'), cell(v.location));
    assert.equal(col(row, 'status'), v.status);
    assert.equal(col(row, 'main'), v.main ? 'true' : 'false');
    assert.equal(col(row, 'sentence'), cell(v.sentence));
    assert.equal(col(row, 'sentence_start'), cell(v.sentence_start));
    const people = col(row, 'participants');
    for (const p of v.participants ?? []) assert.ok(people.includes(p.name), `participant ${p.name}`);
  });
  assert.deepEqual(errors, []);
});

test('a CSV cell that a spreadsheet would run as a formula is defused', async (t) => {
  const { page } = await openPage(shared.browser, shared.server.url, { waitResults: false });
  t.after(() => page.close());
  const out = await page.evaluate(async () => {
    const { entitiesCsv } = await import('./exports.js');
    return entitiesCsv({ entities: [{ type: 'MISC', text: '=HYPERLINK("http://x")', start: 0, end: 1, canonical: '+1', rule: '-x', value: '-12.5' }] });
  });
  const row = parseCsv(out.slice(1))[1];
  assert.deepEqual(row.slice(0, 2), ['MISC', '\'=HYPERLINK("http://x")']);
  assert.equal(row[4], "'+1");
  assert.equal(row[5], '-12.5', 'a negative number stays a number');
  assert.equal(row[8], "'-x");
});

test('Markdown download: the article, then entities and events', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-md'));
  assert.match(file.name, /\.md$/);
  const md = file.text;
  const plain = md.replace(/\\(.)/g, '$1');
  assert.equal(md.split('\n')[0], `# ${x.title || '(không có tiêu đề)'}`.replace(/([\\`*_[\]<>|~])/g, '\\$1'));
  for (const p of x.paragraphs) assert.ok(plain.includes(p), `paragraph: ${p.slice(0, 40)}…`);
  if (x.byline) assert.ok(plain.includes(x.byline), 'the byline');
  assert.match(md, /^## Thực thể$/m);
  for (const e of x.entities) assert.ok(plain.includes(`- ${e.canonical ?? e.text} (`), `entity ${e.canonical}`);
  assert.match(md, /^## Sự kiện$/m);
  for (const v of x.events) if (v.sentence) assert.ok(plain.includes(`  > ${v.sentence}`), 'the event’s sentence');
  assert.deepEqual(errors, []);
});

test('copy puts exactly the clean text on the clipboard', async (t) => {
  const { page, errors, x } = await withArticle(t);
  await page.evaluate(() => navigator.clipboard.writeText('(before)'));
  await page.locator(tid('copy-text')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="toast"]').textContent.length > 0);
  assert.equal(await page.locator(tid('toast')).innerText(), 'Đã chép văn bản sạch.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), x.text);
  assert.ok(!x.text.includes('Tin liên quan') || x.paragraphs.some((p) => p.includes('Tin liên quan')), 'the clean text, not the input');
  assert.deepEqual(errors, []);
});

/** Clicks "share" and resolves to the link it made. */
async function makeLink(page) {
  await page.locator(tid('share')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-url"]').value.includes('#'));
  return page.locator(tid('share-url')).inputValue();
}

/** The parts of a result that must survive a round trip. */
const essence = (x) => ({ title: x.title, text: x.text, entities: x.entities, events: x.events, removed: x.removed });

test('a share link carries the pasted text, compressed, in the fragment, and restores the same result', async (t) => {
  const { page, errors, x } = await withArticle(t);
  await nextResult(page, () => page.locator(tid('reference-date')).fill('2025-06-01'));
  const link = await makeLink(page);
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, shared.server.url, 'the page’s own address');
  assert.match(url.hash, /^#t=[A-Za-z0-9_-]+&r=2025-06-01$/);
  const packed = url.hash.slice(3).split('&')[0];
  assert.ok(packed.length < Buffer.byteLength(article), `compressed: ${packed.length} characters for ${Buffer.byteLength(article)} bytes of text`);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is copied');
  await viewShot(page, 'share-made');
  const requestsBefore = shared.server.requests.length;

  const other = await shared.browser.newPage();
  t.after(() => other.close());
  await other.goto(link);
  await waitForResults(other, { name: 'share-open' });
  assert.equal(await other.locator(tid('input')).inputValue(), article, 'the text is back in the box');
  assert.equal(await other.locator(tid('reference-date')).inputValue(), '2025-06-01');
  const y = await currentResult(other);
  assert.deepEqual(essence(y), essence(await currentResult(page)));
  assert.deepEqual(essence(y).text, x.text);
  assert.ok(shared.server.requests.slice(requestsBefore).every((r) => !r.includes('t=')), 'the text never reaches the server');
  assert.deepEqual(errors, []);
});

test('a share link made from pasted HTML carries the blocks', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const html = await fixture('article.html');
  const y = await nextResult(page, () => paste(page, { html, text: 'x' }));
  const blocks = await page.evaluate(() => globalThis.vnextract.source.blocks);
  const link = await makeLink(page);
  assert.match(new URL(link).hash, /^#b=/);
  const other = await shared.browser.newPage();
  t.after(() => other.close());
  await other.goto(link);
  await waitForResults(other, { name: 'share-blocks-open' });
  assert.equal(await other.locator(tid('source-kind')).getAttribute('data-kind'), 'blocks');
  assert.deepEqual(await other.evaluate(() => globalThis.vnextract.source.blocks), blocks);
  assert.deepEqual(essence(await currentResult(other)), essence(y));
  assert.deepEqual(errors, []);
});

test('a damaged share link says so and the page still works', async (t) => {
  const { page, errors } = await openPage(shared.browser, `${shared.server.url}#t=AAAA!!`, { waitResults: false });
  t.after(() => page.close());
  await page.locator(tid('banner')).waitFor({ state: 'visible' });
  assert.match(await page.locator(tid('banner')).innerText(), /Không đọc được liên kết chia sẻ/);
  await waitForResults(page, { name: 'share-damaged' });
  const x = await nextResult(page, () => paste(page, { text: article }));
  assert.equal(x.text.length > 0, true);
  assert.deepEqual(errors, []);
});
