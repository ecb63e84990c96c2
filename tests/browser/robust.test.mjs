// Never break (issue 8), in the browser: empty and whitespace-only input,
// a page of nothing but site furniture, English text, decomposed (NFD)
// Vietnamese, CRLF and lone CR line ends, emoji and other characters outside
// the BMP (highlight offsets stay right), TCVN3 legacy text, an input over the size cap, a
// page's HTML source pasted as text, and a trap inside the WebAssembly
// module (a banner; the next input works). Each asserts what the page shows.

import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedSetup, launchBrowser, openPage, screenshot, viewShot, tid, paste, nextResult, resultCount,
  fixture, typeText, collectErrors, waitForResults,
} from './page-helpers.mjs';

let article;
const shared = sharedSetup({}, async () => {
  article = await fixture('article.txt');
});

/** Every mark on the page against the result: its text is the slice its entity's UTF-16 offsets name. */
async function assertMarksMatch(page, x) {
  const marks = await page.locator('[data-testid="article"] mark[data-entity-type]').evaluateAll((ms) =>
    ms.map((m) => {
      // The mention's own text: the screen-reader labels of marks inside it are left out.
      const copy = m.cloneNode(true);
      for (const l of copy.querySelectorAll('.sr-label')) l.remove();
      return { idx: Number(m.dataset.idx), text: copy.textContent };
    }),
  );
  for (const e of x.entities) {
    assert.equal(x.text.slice(e.start, e.end), e.text, `offsets of ${e.text}`);
    // Neither end splits a surrogate pair.
    for (const at of [e.start, e.end]) {
      const c = x.text.charCodeAt(at);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `offset ${at} is not inside a character`);
    }
  }
  assert.equal(marks.length, x.entities.length, 'one mark per entity');
  for (const m of marks) assert.equal(m.text, x.entities[m.idx].text, `mark ${m.idx}`);
}

/** Whether the panes show the previous result as stale: dimmed, and the status says so. */
async function assertStale(page, stale) {
  const { state, status, opacity } = await page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.querySelector('[data-testid="status"]').textContent,
    opacity: Number(getComputedStyle(document.querySelector('.panes')).opacity),
  }));
  assert.equal(state, stale ? 'error' : 'done');
  if (stale) {
    assert.match(status, /của nội dung trước/, 'the status says the results are the previous input’s');
    assert.ok(opacity < 1, 'the old results are dimmed');
  } else {
    assert.doesNotMatch(status, /của nội dung trước/);
    assert.equal(opacity, 1);
  }
}

/** The warning codes the page's notice lists, with their text. */
const shownWarnings = (page) => page.locator(tid('notice-line')).evaluateAll((ps) => ps.map((p) => ({ code: p.dataset.code, text: p.textContent })));

test('empty and whitespace-only input: no article, a clear word, no error', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  for (const [name, act] of [
    ['clear', () => page.locator(tid('clear')).click()],
    ['whitespace', () => typeText(page, '  \n\t \r\n   \u00a0 \n')],
  ]) {
    const x = await nextResult(page, act);
    assert.equal(x.text.trim(), '', name);
    assert.deepEqual([x.entities.length, x.events.length, x.paragraphs.length], [0, 0, 0], name);
    assert.ok(x.warnings.some((w) => w.code === 'empty-input'), `${name}: the result says the input is empty`);
    const warnings = await shownWarnings(page);
    assert.ok(warnings.some((w) => w.code === 'empty-input' && /Chưa có nội dung/.test(w.text)), `${name}: the page says so in Vietnamese`);
    assert.equal(warnings.length, 1, `${name}: one notice, not one per pane`);
    assert.ok(await page.locator(tid('article')).isHidden(), `${name}: no empty panes`);
    assert.equal(await page.locator('mark[data-entity-type]').count(), 0);
    assert.ok(await page.locator(tid('banner')).isHidden(), 'not an error');
  }
  await viewShot(page, 'robust-empty');
  assert.deepEqual(errors, []);
});

test('only site furniture: the page says there is no article and invents none', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const furniture = [
    'Trang chủ', 'Thời sự', 'Thế giới', 'Kinh tế', 'Thể thao', 'Giải trí', 'Video', 'Đăng nhập', 'Đăng ký',
    'Tin liên quan', 'Đọc thêm', 'Xem nhiều nhất', 'Liên hệ quảng cáo', 'Điều khoản sử dụng', 'Chính sách bảo mật',
    '© 2025 Báo Điện tử Tin Mới. Giấy phép số 123/GP-BTTTT.', 'Theo dõi chúng tôi trên', 'Về đầu trang',
  ].join('\n');
  const x = await nextResult(page, () => paste(page, { text: furniture }));
  assert.deepEqual(x.paragraphs, [], 'no paragraphs invented');
  assert.equal(x.events.length, 0, 'no events invented');
  assert.ok(x.warnings.some((w) => w.code === 'no-article'), 'the result says there is no article');
  const warnings = await shownWarnings(page);
  assert.ok(warnings.some((w) => w.code === 'no-article' && /Không tìm thấy bài viết/.test(w.text)), JSON.stringify(warnings));
  if (!x.title) assert.ok(await page.locator(tid('article')).isHidden(), 'no article pane for no article');
  await page.locator(tid('lang')).click();
  assert.match(await page.locator(tid('notice')).innerText(), /No article found/);
  await page.locator(tid('lang')).click();
  await viewShot(page, 'robust-no-article');
  assert.deepEqual(errors, []);
});

test('English text is read without error: kept with its offsets right, or said to be in another language', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const english = [
    'Finland and Vietnam agree to expand trade',
    '',
    'On Monday, Foreign Minister Aino Lehtonen met her Vietnamese counterpart in Hanoi to discuss renewable energy and education.',
    '',
    'The two ministers agreed to raise bilateral trade to 2 billion USD by 2030, officials said.',
  ].join('\n');
  const x = await nextResult(page, () => paste(page, { text: english }));
  assert.ok(await page.locator(tid('banner')).isHidden(), 'not an error');
  if (x.text) {
    assert.ok(x.text.includes('renewable energy and education'), 'what is kept is the article');
    assert.match(await page.locator(tid('article')).innerText(), /bilateral trade/);
    await assertMarksMatch(page, x);
  } else {
    // The cleaner keeps only Vietnamese news: the page says so, naming another language, and shows no empty panes.
    assert.deepEqual((await shownWarnings(page)).map((w) => w.code), ['no-article']);
    assert.match(await page.locator(tid('notice')).innerText(), /ngôn ngữ khác/);
    assert.ok(await page.locator(tid('article')).isHidden());
  }
  assert.deepEqual(errors, []);
});

test('decomposed (NFD) Vietnamese gives the same result as composed (NFC)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const nfc = await nextResult(page, () => paste(page, { text: article.normalize('NFC') }));
  const nfdText = article.normalize('NFD');
  assert.notEqual(nfdText, article.normalize('NFC'), 'the fixture has tone marks to decompose');
  const nfd = await nextResult(page, () => paste(page, { text: nfdText }));
  assert.equal(await page.locator(tid('input')).inputValue(), nfdText, 'the box keeps what was pasted');
  assert.equal(nfd.text, nfd.text.normalize('NFC'), 'the result is composed');
  assert.equal(nfd.text, nfc.text);
  assert.deepEqual(nfd.entities, nfc.entities);
  assert.deepEqual(nfd.events, nfc.events);
  await assertMarksMatch(page, nfd);
  assert.deepEqual(errors, []);
});

test('CRLF and lone CR line ends give the same result as LF', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const lf = await nextResult(page, () => paste(page, { text: article }));
  for (const [name, text] of [
    ['CRLF', article.replace(/\n/g, '\r\n')],
    ['CR', article.replace(/\n/g, '\r')],
  ]) {
    const x = await nextResult(page, () => paste(page, { text }));
    assert.ok(!x.text.includes('\r'), `${name}: no CR left in the text`);
    assert.equal(x.text, lf.text, name);
    assert.deepEqual(x.entities, lf.entities, name);
    assert.deepEqual(x.events, lf.events, name);
    await assertMarksMatch(page, x);
  }
  assert.deepEqual(errors, []);
});

test('emoji and other non-BMP characters keep highlight offsets right', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  // Astral characters before, between and after the mentions: flags, a ZWJ family, math letters, an emoji with a skin tone.
  const spice = ['😀', '🇻🇳', '👩‍👩‍👧', '𝐀𝐁', '👍🏽', '𠀋'];
  let k = 0;
  const text = article
    .split('\n')
    .map((line) => (line.trim() ? `${spice[k++ % spice.length]} ${line.replace(/, /g, () => `, ${spice[k++ % spice.length]} `)}` : line))
    .join('\n');
  const x = await nextResult(page, () => paste(page, { text }));
  assert.ok(/[\u{10000}-\u{10FFFF}]/u.test(x.text), 'the astral characters are in the result text');
  assert.ok(x.entities.length > 0);
  const firstAstral = x.text.search(/[\u{10000}-\u{10FFFF}]/u);
  assert.ok(x.entities.some((e) => e.start > firstAstral), 'some mention comes after an astral character');
  await assertMarksMatch(page, x);
  // The event sentence marking stays on character boundaries too.
  if (x.events.length) {
    await page.locator(tid('event')).first().locator('.event-head').click();
    const marked = await page.locator(tid('sentence-mark')).evaluateAll((s) => s.map((n) => n.textContent).join(''));
    const i = Number(await page.locator(tid('event')).first().getAttribute('data-index'));
    const v = x.events[i];
    if (Number.isInteger(v.sentence_start)) assert.equal(marked, x.text.slice(v.sentence_start, v.sentence_end));
  }
  await viewShot(page, 'robust-emoji');
  assert.deepEqual(errors, []);
});

/** TCVN3 (ABC fonts) bytes 0xA1-0xFF in order, as Unicode; 0xB0-0xB4 are combining tone marks. */
const TCVN3_HIGH = 'ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';

/** `text` (NFC) as TCVN3 bytes read as Latin-1: what a paste from an old .Vn-font document gives. */
function asTcvn3(text) {
  const table = [...TCVN3_HIGH];
  return [...text.normalize('NFC')]
    .map((c) => {
      if (c.charCodeAt(0) < 0x80) return c;
      const i = table.indexOf(c);
      if (i < 0) throw new Error(`no TCVN3 byte for ${c}`);
      return String.fromCharCode(0xa1 + i);
    })
    .join('');
}

test('text in the legacy TCVN3 encoding is converted, and the page says so', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  // Invented; no capital letter with a tone mark (TCVN3 keeps those in a separate font).
  const unicode = [
    'Chủ tịch tỉnh Bình Định tiếp đoàn chuyên gia thủy lợi Hà Lan',
    '',
    'Sáng 8/11, ở thành phố Quy Nhơn, Chủ tịch tỉnh Bình Định Lương Văn Tài đã tiếp đoàn chuyên gia thủy lợi Hà Lan do ông Pieter de Vries dẫn đầu.',
    '',
    'Tỉnh mong học hỏi cách chống ngập, đắp đê biển và giữ nước ngọt cho vùng ven đầm Thị Nại trong mùa mưa bão sắp tới.',
  ].join('\n');
  const plain = await nextResult(page, () => paste(page, { text: unicode }));
  const legacy = asTcvn3(unicode);
  assert.doesNotMatch(legacy, /[ộưạđ]/, 'the fixture really is in the old encoding');
  const x = await nextResult(page, () => paste(page, { text: legacy }));
  assert.equal(x.text, plain.text, 'converted to the same Unicode text');
  assert.deepEqual(x.entities, plain.entities);
  assert.ok(x.warnings.some((w) => w.code === 'legacy-encoding'));
  const warnings = await shownWarnings(page);
  assert.ok(warnings.some((w) => w.code === 'legacy-encoding' && /bảng mã cũ/.test(w.text)), JSON.stringify(warnings));
  await assertMarksMatch(page, x);
  assert.deepEqual(errors, []);
});

test('text in the legacy VNI encoding is converted, and the page says so', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  // The invented VNI page of the CLI case (tests/cases/robust/legacy_vni.json): one source for both tiers.
  const file = JSON.parse(readFileSync(new URL('../cases/robust/legacy_vni.json', import.meta.url), 'utf8'));
  const legacy = file.files[0].text;
  assert.doesNotMatch(legacy, /[ộưạđ]/, 'the fixture really is in the old encoding');
  const x = await nextResult(page, () => paste(page, { text: legacy }));
  for (const want of file.docs[0].text_has) assert.ok(x.text.includes(want), `converted text has ${want}`);
  assert.ok(!x.text.includes('Haø Noäi'), 'no VNI bytes left');
  assert.ok(x.entities.some((e) => e.type === 'PER' && e.text === 'Trần Văn An'), 'the name is found in the converted text');
  assert.ok(x.warnings.some((w) => w.code === 'legacy-encoding' && /VNI/.test(w.message)), JSON.stringify(x.warnings));
  const warnings = await shownWarnings(page);
  assert.ok(warnings.some((w) => w.code === 'legacy-encoding'), JSON.stringify(warnings));
  await assertMarksMatch(page, x);
  assert.deepEqual(errors, []);
});

test('an input over the size cap gets a clear message, and the next input works', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const before = await resultCount(page);
  // Just over 8 MiB of UTF-8 (Vietnamese letters take 2-3 bytes each; the cap counts bytes).
  const huge = 'Hà Nội hội đàm. '.repeat(Math.ceil((8.3 * 1024 * 1024) / Buffer.byteLength('Hà Nội hội đàm. ')));
  const mb = (Buffer.byteLength(huge) / (1024 * 1024)).toFixed(1);
  await paste(page, { text: huge });
  const banner = page.locator(tid('banner'));
  await banner.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await banner.getAttribute('role'), 'alert');
  const message = await banner.innerText();
  assert.match(message, /quá lớn/, `banner: ${message}`);
  assert.ok(message.includes(`${mb} MB`) && message.includes('8.0 MB'), `it gives the size (${mb} MB) and the limit`);
  await viewShot(page, 'robust-too-large');
  assert.equal(await resultCount(page), before, 'no result for it');
  await assertStale(page, true);
  const x = await nextResult(page, () => paste(page, { text: article }));
  assert.ok(x.text.length > 0);
  assert.ok(await banner.isHidden(), 'the message goes with the next input');
  await assertStale(page, false);
  assert.deepEqual(errors, []);
});

test('a page’s HTML source pasted as text is read as a page, never as markup', async (t) => {
  const { page, errors, dialogs } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const html = await fixture('article.html');
  const x = await nextResult(page, () => paste(page, { text: html }));
  assert.equal(await page.locator(tid('source-kind')).getAttribute('data-kind'), 'blocks', 'read as a page');
  assert.doesNotMatch(x.text, /<\/?(p|div|html|script|figure|a)\b|onerror|__pwned/, 'no markup or script text in the article');
  assert.ok(x.paragraphs.length > 0, 'the article is found');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('main img, main script').count(), 0);
  // The same source dropped as a .txt file is read the same way.
  const y = await nextResult(page, () =>
    page.locator(tid('file')).setInputFiles({ name: 'nguon.txt', mimeType: 'text/plain', buffer: Buffer.from(html) }),
  );
  assert.equal(y.text, x.text);
  // Prose that merely mentions a tag stays text.
  const prose = [
    'Hướng dẫn viết trang web cho phóng viên',
    '',
    'Trong buổi tập huấn sáng 14/3 tại Hà Nội, kỹ sư Trần Minh Đức giải thích rằng thẻ <p> mở một đoạn văn còn thẻ </p> đóng nó, và mỗi bài báo trên trang điện tử đều được chia thành nhiều đoạn như vậy để người đọc dễ theo dõi.',
    '',
    'Các học viên đến từ nhiều tòa soạn đã thực hành viết một bài ngắn, sau đó cùng nhau sửa lỗi trình bày và thảo luận cách đặt tiêu đề, ảnh và chú thích ảnh cho phù hợp.',
  ].join('\n');
  const z = await nextResult(page, () => paste(page, { text: prose }));
  assert.equal(await page.locator(tid('source-kind')).getAttribute('data-kind'), 'text');
  assert.match(z.text, /<p>/);
  assert.deepEqual(errors, []);
});

test('a trap inside the WebAssembly module shows a banner; the worker is replaced and the next input works', async (t) => {
  // A browser of its own, without service workers, so that the route below
  // sees every worker's request for the module's glue. The glue is served
  // with one change: extract() of a text holding the marker first calls
  // the module's own allocator with an impossible alignment (3), which
  // aborts inside the real module (panic=abort): a genuine trap.
  const own = await launchBrowser({ serviceWorkers: 'block' });
  t.after(() => own.close());
  const MARKER = 'VNX-TEST-TRAP';
  let patched = 0;
  await own.context.route('**/pkg/vnextract.js', async (route) => {
    const response = await route.fetch();
    let glue = await response.text();
    // extract() passes its text through the module's allocator: passStringToWasm0(text, malloc, realloc).
    const head = /export function extract\(([^),]*)[^)]*\)\s*\{\s*const \w+ = passStringToWasm0\(\w+, (wasm\.[\w$]+),/;
    const found = head.exec(glue);
    assert.ok(found, 'the glue passes extract()’s text through the allocator');
    const [, arg, malloc] = found;
    glue = glue.replace(head, (m) => `${m.replace(/const \w+ = passStringToWasm0[\s\S]*$/, '')}if (String(${arg}).includes(${JSON.stringify(MARKER)})) ${malloc}(8, 3);\n    ${m.slice(m.indexOf('const '))}`);
    patched++;
    await route.fulfill({ response, body: glue });
  });
  const page = await own.newPage();
  const errors = collectErrors(page);
  await page.goto(shared.server.url);
  await waitForResults(page, { name: 'trap-open', errors });
  const generation = Number(await page.locator(tid('status')).getAttribute('data-generation'));
  const before = await resultCount(page);

  await paste(page, { text: `Sáng 1/2, Trần Văn Bình tiếp Lê Thị Hoa. ${MARKER}` });
  const banner = page.locator(tid('banner'));
  await banner.waitFor({ state: 'visible', timeout: 30_000 });
  const message = await banner.innerText();
  assert.match(message, /lỗi nội bộ/, `banner: ${message}`);
  assert.match(message, /unreachable|RuntimeError/i, 'it names the trap');
  await page.waitForFunction((g) => Number(document.querySelector('[data-testid="status"]').dataset.generation) > g, generation);
  assert.equal(await resultCount(page), before, 'no result from the trapped run');
  await assertStale(page, true);
  await viewShot(page, 'robust-trap');

  const x = await nextResult(page, () => paste(page, { text: article }));
  assert.ok(x.entities.length > 0, 'the replacement worker extracts');
  assert.ok(await banner.isHidden(), 'the banner goes once extraction works again');
  await assertStale(page, false);
  assert.ok(patched >= 2, 'the replacement worker loaded the module afresh');
  assert.deepEqual(errors.filter((e) => !/unreachable|RuntimeError/.test(e)), []);
  await screenshot(page, 'robust-after-trap');
});
