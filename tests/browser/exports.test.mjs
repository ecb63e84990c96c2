// What the page lets people take away (issues 6 and 14): each download's
// file contents (JSON, entities CSV, events CSV, Markdown), the copied clean
// text, and the share link's round trip through the URL fragment
// (compressed). The CSV files are the core's tables (src/report, through the
// wasm binding): the CLI's columns, with the article's provenance first.
// Expected contents come from the extraction the page received, so that the
// checks hold for any extractor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedSetup, openPage, tid, paste, nextResult, currentResult, download, parseCsv, fixture, viewShot,
  waitForResults,
} from './page-helpers.mjs';

let article;
const shared = sharedSetup({}, async () => {
  article = await fixture('article.txt');
});

/** The columns every CSV row starts with: which article it comes from (issue 14, point 8). */
const PROVENANCE = ['document', 'title', 'published', 'source'];

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

/** The provenance cells of every row of `x`'s tables, under the document name `name`. */
const provenance = (name, x) => [name, cell(x.title ?? ''), x.published ?? '', cell(x.source ?? '')];

test('JSON download is the whole extraction', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-json'));
  assert.match(file.name, /^vnextract(-[a-z0-9-]+)?\.json$/);
  if (x.title) assert.notEqual(file.name, 'vnextract.json', 'named after the title');
  assert.deepEqual(JSON.parse(file.text), x);
  assert.deepEqual(errors, []);
});

test('entities CSV: the article’s provenance, then one row per mention with every field', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-csv-entities'));
  assert.match(file.name, /-entities\.csv$|^vnextract-entities\.csv$/);
  const rows = csvRows(file.text);
  assert.deepEqual(rows[0], [...PROVENANCE, 'type', 'text', 'start', 'end', 'canonical', 'value', 'roles', 'country', 'rule']);
  assert.equal(rows.length - 1, x.entities.length);
  const name = file.name.replace(/-entities\.csv$/, '');
  x.entities.forEach((e, i) => {
    // Text from the page is defused; values the core writes (ISO dates, codes, rule ids) are as in the JSON.
    const row = [e.type, cell(e.text), e.start, e.end, cell(e.canonical), e.value ?? '', cell((e.roles ?? []).join('; ')), cell(e.country), e.rule].map(String);
    assert.deepEqual(rows[i + 1], [...provenance(name, x), ...row], `row ${i + 1}`);
  });
  assert.deepEqual(errors, []);
});

test('events CSV: the article’s provenance, then one row per event with participants, status and sentence', async (t) => {
  const { page, errors, x } = await withArticle(t);
  const file = await download(page, tid('download-csv-events'));
  assert.match(file.name, /-events\.csv$/);
  const rows = csvRows(file.text);
  const header = rows[0];
  assert.deepEqual(header.slice(0, 4), PROVENANCE);
  assert.ok(['type', 'cameo', 'trigger', 'date', 'time_of_day', 'location', 'participants', 'status', 'main', 'sentence', 'sentence_start', 'sentence_end', 'rule'].every((c) => header.includes(c)), `columns: ${header}`);
  assert.equal(rows.length - 1, x.events.length);
  assert.ok(x.events.length > 0, 'the test article reports an event');
  const col = (row, name) => row[header.indexOf(name)];
  const name = file.name.replace(/-events\.csv$/, '');
  x.events.forEach((v, i) => {
    const row = rows[i + 1];
    assert.equal(row.length, header.length);
    assert.deepEqual(row.slice(0, 4), provenance(name, x));
    assert.equal(col(row, 'type'), v.type);
    assert.equal(col(row, 'date'), v.date ?? '', 'the ISO date, as in the JSON');
    assert.equal(col(row, 'location'), cell(v.location));
    assert.equal(col(row, 'status'), v.status);
    assert.equal(col(row, 'main'), v.main ? 'true' : 'false');
    assert.equal(col(row, 'sentence'), cell(v.sentence));
    assert.equal(col(row, 'sentence_start'), String(v.sentence_start));
    const people = col(row, 'participants');
    for (const p of v.participants ?? []) assert.ok(people.includes(p.name), `participant ${p.name}`);
  });
  assert.deepEqual(errors, []);
});

test('a CSV cell that a spreadsheet would run as a formula is defused (the core’s tables, through the binding)', async (t) => {
  const { page } = await openPage(shared.browser, shared.server.url, { waitResults: false });
  t.after(() => page.close());
  const out = await page.evaluate(async () => {
    const m = await import('./pkg/vnextract.js');
    await m.default();
    const extraction = { title: '@tiêu đề', entities: [{ type: 'MISC', text: '=HYPERLINK("http://x")', start: 0, end: 1, canonical: '+1', rule: 'misc.head', value: '-12.5', roles: [], country: null }] };
    return m.entitiesCsv([{ name: 'bai.txt', extraction }]);
  });
  const [header, row] = parseCsv(out);
  const col = (c) => row[header.indexOf(c)];
  assert.equal(col('document'), 'bai.txt');
  assert.equal(col('title'), "'@tiêu đề");
  assert.equal(col('text'), '\'=HYPERLINK("http://x")');
  assert.equal(col('canonical'), "'+1");
  assert.equal(col('value'), '-12.5', 'a number stays a number');
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
  // People and places by name; dates, times and amounts as people read them.
  const names = await page.evaluate(async (entities) => {
    const { readableValue } = await import('./readable.js');
    return entities.map((e) => (['DATE', 'TIME', 'NUM', 'MONEY', 'PERCENT'].includes(e.type) ? readableValue(e) || e.text : e.canonical ?? e.text));
  }, x.entities);
  for (const name of names) assert.ok(plain.includes(`- ${name} (`), `entity ${name}`);
  assert.match(md, /^## Sự kiện$/m);
  for (const v of x.events) if (v.sentence) assert.ok(plain.includes(`  > ${v.sentence}`), 'the event’s sentence');
  assert.deepEqual(errors, []);
});

test('copy puts the clean article on the clipboard: title, byline, date, source, paragraphs, captions (point 8)', async (t) => {
  const { page, errors, x } = await withArticle(t);
  await page.evaluate(() => navigator.clipboard.writeText('(before)'));
  await page.locator(tid('copy-text')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="toast"]').textContent.length > 0);
  assert.match(await page.locator(tid('toast')).innerText(), /^Đã chép văn bản sạch/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const parts = copied.split('\n\n');
  assert.equal(parts[0], x.title, 'the title first');
  const [y, m, d] = (x.published ?? '').slice(0, 10).split('-');
  const details = [
    x.byline && `Tác giả: ${x.byline}`,
    x.published && `Ngày đăng: ${x.published.length > 10 ? x.published.slice(11, 16) + ', ' : ''}${d}/${m}/${y}`,
    x.source && `Nguồn: ${x.source}`,
  ].filter(Boolean);
  assert.ok(details.length > 0, 'the test article names its author');
  assert.equal(parts[1], details.join(' · '), 'then who, when and from where');
  assert.deepEqual(parts.slice(2, 2 + x.paragraphs.length), x.paragraphs, 'then the paragraphs');
  for (const c of x.captions) assert.ok(copied.includes(c), 'and the captions');
  assert.ok(!copied.includes('Tin liên quan') || x.paragraphs.some((p) => p.includes('Tin liên quan')), 'the clean text, not the input');
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
  await nextResult(page, async () => {
    await page.locator(tid('reference-date')).fill('01/06/2025');
    await page.locator(tid('reference-date')).press('Enter');
  });
  const link = await makeLink(page);
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, shared.server.url, 'the page’s own address');
  assert.match(url.hash, /^#t=[A-Za-z0-9_-]+&r=2025-06-01$/);
  assert.match(await page.locator(tid('toast')).innerText(), /\(\d+ ký tự\)\.$/, 'a short link, said plainly');
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
  assert.equal(await other.locator(tid('reference-date')).inputValue(), '01/06/2025');
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

test('a share link too long for a URL is not made, and the page says so (point 8)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  // Text that does not compress: every word different (invented syllables from a seeded generator).
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const syllables = 'ba bê bi bô bơ bu bư ca cô cư da đa đê đi đô ga gô ha hô hư la lê li lô lu ma mê mi mô mu na nê ni nô nu pha phô qua ra rô sa sô ta tê ti tô tu va vê vi vô xa xô'.split(' ');
  const sentence = () => Array.from({ length: 12 }, () => syllables[Math.floor(rnd() * syllables.length)] + Math.floor(rnd() * 1000)).join(' ') + '.';
  // Long: made, with a word that many programs cut such links.
  await nextResult(page, () => paste(page, { text: Array.from({ length: 300 }, sentence).join('\n\n') }));
  await page.locator(tid('share')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="toast"]').textContent.length > 0);
  assert.match(await page.locator(tid('toast')).innerText(), /Liên kết dài/);
  assert.match(await page.evaluate(() => location.hash), /^#t=/);
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  // Too long: not made.
  const big = Array.from({ length: 2500 }, sentence).join('\n\n');
  await nextResult(page, () => paste(page, { text: big }));
  await page.evaluate(() => (document.querySelector('[data-testid="toast"]').textContent = ''));
  await page.locator(tid('share')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="toast"]').textContent.length > 0);
  assert.match(await page.locator(tid('toast')).innerText(), /quá dài để đưa vào liên kết/);
  assert.equal(await page.evaluate(() => location.hash), '', 'no huge link in the address bar');
  assert.ok(await page.locator(tid('share-url')).isHidden());
  assert.deepEqual(errors, []);
});
