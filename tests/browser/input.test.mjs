// The page's input (issue 6): paste as text and as HTML, a dropped or opened
// file, typing; the English switch; pasted markup that must never run.
// (Failures, the size cap and odd inputs: robust.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedSetup, openPage, screenshot, tid, paste, dropFile, typeText, nextResult,
  fixture,
} from './page-helpers.mjs';

const shared = sharedSetup();

test('pasting plain text replaces the example and extracts it', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const text = await fixture('article.txt');
  const x = await nextResult(page, () => paste(page, { text }));
  assert.equal(await page.locator(tid('input')).inputValue(), text, 'the box holds the pasted text');
  assert.equal(await page.locator(tid('source-kind')).getAttribute('data-kind'), 'text');
  assert.match(x.text, /Ricardo Mendes/, 'the result is the pasted article, not the example');
  assert.doesNotMatch(x.text, /Aino Lehtonen/);
  // Every highlight is the slice of the text its offsets name (UTF-16).
  const marks = await page.locator('[data-entity-type]').count();
  assert.ok(marks >= 1, 'highlights appear');
  for (const e of x.entities) assert.equal(x.text.slice(e.start, e.end), e.text);
  assert.deepEqual(errors, []);
});

test('pasting HTML reads the page structure into blocks (tag, link text, ancestors)', async (t) => {
  const { page, errors, dialogs } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const html = await fixture('article.html');

  // The conversion itself, in this browser's DOMParser.
  const blocks = await page.evaluate(async (html) => (await import('./blocks.js')).blocksFromHtml(html), html);
  const find = (s) => blocks.find((b) => b.text.includes(s));
  const { ids, roles, ...menu } = find('Trang chủ');
  assert.deepEqual(menu, { text: 'Trang chủ', tag: 'li', linkChars: 9, ancestors: ['header', 'nav', 'ul'] });
  assert.equal(ids.length, 4, 'a number for each element, the block\'s own last');
  assert.equal(roles.length, 4);
  assert.equal(find('Thứ trưởng Ngoại giao Hoàng Văn Lâm tiếp Đại sứ Chile').tag, 'h1');
  const caption = find('(Ảnh: Hải Nam)');
  assert.equal(caption.tag, 'figcaption');
  assert.deepEqual(caption.ancestors, ['main', 'article', 'figure']);
  assert.equal(find('Việt Nam và Peru').ancestors.includes('aside'), true);
  assert.equal(find('Chiều 9/4').linkChars, 0);
  assert.ok(!blocks.some((b) => /__pwned|alert/.test(b.text)), 'script text is not page text');
  assert.ok(!blocks.some((b) => b.text === 'Thứ trưởng Ngoại giao Hoàng Văn Lâm tiếp Đại sứ Chile' && b.tag === 'img'), 'alt text is left out');

  // Pasted with its plain-text twin, as a browser's clipboard holds it.
  const plain = blocks.map((b) => b.text).join('\n');
  const x = await nextResult(page, () => paste(page, { html, text: plain }));
  assert.equal(await page.locator(tid('source-kind')).getAttribute('data-kind'), 'blocks');
  assert.match(await page.locator(tid('source-kind')).innerText(), new RegExp(`${blocks.length}`));
  assert.deepEqual(await page.evaluate(() => globalThis.vnextract.source.blocks), blocks, 'the blocks went to the extractor');
  assert.match(x.text, /Camila Rojas/);
  assert.match(await page.locator(tid('article')).innerText(), /Camila Rojas/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script or handler from the pasted page ran');
  assert.deepEqual(dialogs, []);
  await screenshot(page, 'paste-html');
  assert.deepEqual(errors, []);
});

test('a piece pasted into a text being edited is left to the browser (nothing replaced)', async (t) => {
  const { page } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  await nextResult(page, () => typeText(page, 'Sáng 3/6, Thủ tướng Lê Minh Quân tiếp Đại sứ Ba Lan.'));
  await page.locator(tid('input')).evaluate((box) => box.setSelectionRange(box.value.length, box.value.length));
  // A synthetic paste has no default action: nothing may be replaced.
  await page.locator(tid('input')).evaluate((box) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'XYZ');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.locator(tid('input')).inputValue(), 'Sáng 3/6, Thủ tướng Lê Minh Quân tiếp Đại sứ Ba Lan.');
});

test('dropping a .txt or an .html file extracts it', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const txt = await fixture('article.txt');
  let x = await nextResult(page, () => dropFile(page, { name: 'bai-bao.txt', type: 'text/plain', content: txt }));
  assert.equal(await page.locator(tid('input')).inputValue(), txt);
  assert.match(x.text, /Ricardo Mendes/);

  const html = await fixture('article.html');
  x = await nextResult(page, () => dropFile(page, { name: 'trang.html', type: 'text/html', content: html }));
  assert.equal(await page.locator(tid('source-kind')).getAttribute('data-kind'), 'blocks');
  assert.match(x.text, /Camila Rojas/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // The same through the "open a file" button.
  x = await nextResult(page, () => page.locator(tid('file')).setInputFiles({ name: 'mo.txt', mimeType: 'text/plain', buffer: Buffer.from(txt) }));
  assert.match(x.text, /Ricardo Mendes/);
  assert.deepEqual(errors, []);
});

/** Pasted text full of markup that would run if it ever reached the DOM as HTML. */
const PAYLOADS = [
  '<script>window.__pwned = "script"; alert("script")</script>',
  '<img src=x onerror="window.__pwned=\'img\'; alert(\'img\')">',
  '<svg onload="window.__pwned=\'svg\'; alert(\'svg\')"></svg>',
  '<iframe src="javascript:alert(\'iframe\')"></iframe>',
  '"><img src=x onerror=alert(1)>',
  "'><script>alert(1)</script>",
  '<a href="javascript:alert(1)">Bộ Ngoại giao</a>',
  '<style>body{display:none}</style><b onmouseover=alert(1)>Hà Nội</b>',
  '{{constructor.constructor("alert(1)")()}}',
];
const PAYLOAD_ARTICLE = [
  `Giám đốc Sở Du lịch ${PAYLOADS[0]} làm việc với đoàn lữ hành Hàn Quốc`,
  '',
  `Chiều 3/10, ở Huế ${PAYLOADS[1]}, Giám đốc Sở Du lịch Ngô Thị Lan ${PAYLOADS[2]} đã làm việc với đoàn các hãng lữ hành Hàn Quốc ${PAYLOADS[3]}.`,
  '',
  ...PAYLOADS.slice(4).map((p) => `Một đoạn ${p} kể chuyện quảng bá du lịch cố đô, Sở Du lịch ${p}.`),
].join('\n');

test('pasted <script>, <img onerror> and friends are shown as text and run nothing', async (t) => {
  const { page, errors, dialogs } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const countElements = () =>
    page.evaluate(() => ({
      script: document.querySelectorAll('body script').length,
      img: document.querySelectorAll('img').length,
      svg: document.querySelectorAll('svg').length,
      iframe: document.querySelectorAll('iframe').length,
      style: document.querySelectorAll('body style').length,
      b: document.querySelectorAll('main b').length,
      links: document.querySelectorAll('main a[href^="javascript"]').length,
    }));
  const baseline = await countElements();

  for (const source of [{ text: PAYLOAD_ARTICLE }, { html: `<p>${PAYLOAD_ARTICLE.replace(/\n\n/g, '</p><p>')}</p>`, text: PAYLOAD_ARTICLE }]) {
    await nextResult(page, () => paste(page, source));
    // Hover and click every mark: handlers on injected elements would fire now.
    const marks = page.locator('[data-entity-type]');
    for (let i = 0; i < Math.min(await marks.count(), 12); i++) await marks.nth(i).hover();
    await page.locator(tid('show-removed')).check();
    await page.locator(tid('show-removed')).uncheck();
    await page.waitForTimeout(300);
    assert.deepEqual(await countElements(), baseline, 'no element came from the input');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no pasted code ran');
    assert.deepEqual(dialogs, [], 'no alert, confirm or prompt');
  }
  // Pasted as text, the markup is there to read, as text.
  await nextResult(page, () => paste(page, { text: PAYLOAD_ARTICLE }));
  // (In the article, or among the removed blocks: the cleaner may drop lines full of markup.)
  await page.locator(tid('show-removed')).check();
  const shown = (await page.locator(tid('article')).innerText()) + (await page.locator(tid('removed')).innerText());
  assert.ok(shown.includes('<script>') || shown.includes('onerror'), 'the markup shows as literal text');
  await screenshot(page, 'payloads');
  assert.deepEqual(errors, []);
});

test('the English switch translates the interface and is remembered', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(async () => {
    await page.evaluate(() => localStorage.removeItem('vnextract.lang')).catch(() => {});
    await page.close();
  });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  assert.equal((await page.locator('#h-events').innerText()).trim(), 'Sự kiện');
  const legendVi = await page.locator(tid('legend')).innerText();
  await page.locator(tid('lang')).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.locator('#h-events').innerText()).trim(), 'Events');
  assert.equal((await page.locator('#h-article').innerText()).trim(), 'Article');
  assert.equal(await page.locator(tid('input')).getAttribute('placeholder'), 'Paste a news page here…');
  const legendEn = await page.locator(tid('legend')).innerText();
  assert.notEqual(legendEn, legendVi, 'the legend names types in English');
  if (legendVi.includes('Người')) assert.match(legendEn, /Person/);
  assert.equal((await page.locator(tid('lang')).innerText()).trim(), 'Tiếng Việt');
  await screenshot(page, 'english');

  await page.reload();
  await page.locator('[data-entity-type]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'remembered after a reload');
  await page.locator(tid('lang')).click();
  assert.equal((await page.locator('#h-events').innerText()).trim(), 'Sự kiện');
  assert.deepEqual(errors, []);
});
