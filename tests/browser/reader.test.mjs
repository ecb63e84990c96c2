// The page as a reader's tool (issue 14), input and values: Vietnamese
// prose is never shown as nothing (point 1); a page-sized paste replaces the
// old text, with undo (point 2); values read as people write them, ISO only
// in JSON and CSV (point 3); the reference date goes with the text it was
// set for (point 11). Every paste is a real one: the clipboard, then Ctrl+V.
// The texts are invented for these tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSetup, openPage, tid, paste, nextResult, currentResult, fixture, download, viewShot, longArticle } from './page-helpers.mjs';

const shared = sharedSetup();

/** Two sentences with no headline line: what a reader types or copies from the middle of an article. */
const PROSE = 'Sáng 14/6, tại Đà Nẵng, Bộ trưởng Công Thương Lê Văn Khải đã tiếp Đại sứ Na Uy Ingrid Berg. Hai bên bàn về hợp tác điện gió ngoài khơi và đào tạo kỹ sư.';

test('Vietnamese prose with no headline is shown, highlighted, never as nothing (point 1)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const box = page.locator(tid('input'));
  await page.locator(tid('clear')).click();
  const x = await nextResult(page, () => box.pressSequentially(PROSE, { delay: 0 }));
  assert.ok(x.text.includes('Lê Văn Khải đã tiếp Đại sứ Na Uy'), 'the typed sentences are the article');
  assert.ok(x.entities.some((e) => e.type === 'PER' && e.canonical === 'Lê Văn Khải'), 'with their entities');
  assert.ok(x.events.some((v) => v.type === 'reception'), 'and their event');
  assert.match(await page.locator(tid('article')).innerText(), /Ingrid Berg/);
  const raw = await page.evaluate(() => globalThis.vnextract.raw);
  const lines = await page.locator(tid('notice-line')).evaluateAll((ps) => ps.map((p) => ({ code: p.dataset.code, text: p.textContent })));
  if (raw.paragraphs.length === 0) {
    // The cleaner kept nothing: the page shows the prose unfiltered and says what it did not find.
    assert.deepEqual(lines.map((l) => l.code), ['fallback']);
    assert.match(lines[0].text, /không có dòng tiêu đề/, 'the notice names what was missing');
  }
  assert.ok(!lines.some((l) => l.code === 'no-article'), 'no false “no article” message');
  await viewShot(page, 'reader-prose');

  // The rule itself, on a result with nothing kept: prose lines are taken, menus and notices are not.
  const picked = await page.evaluate(async () => {
    const { proseFallback } = await import('./corrections.js');
    const removed = (texts) => ({ title: null, paragraphs: [], removed: texts.map((text) => ({ text, reason: 'no-article' })) });
    const typed = 'Sáng nay ông Vũ Đình Hải đến thăm hợp tác xã rau sạch ở xã Tân Lập';
    return [
      proseFallback(removed(['Trang chủ', 'Thời sự', 'Chiều 2/9, đoàn đại biểu tỉnh Lâm Đồng đã thăm trường học mới xây.', '© 2031 Báo Mẫu. Giấy phép số 9/GP.', 'Liên hệ quảng cáo'])),
      proseFallback(removed(['The minister met his counterpart in the capital on Monday.'])),
      proseFallback({ title: 'Có bài', paragraphs: ['Một đoạn văn.'], removed: [{ text: 'Chiều 2/9, đoàn đại biểu tỉnh Lâm Đồng đã thăm trường học.', reason: 'duplicate' }] }),
      // A sentence typed without its full stop counts when the cleaner could not place it, not when it called it a headline of another article.
      proseFallback(removed([typed])),
      proseFallback({ title: null, paragraphs: [], removed: [{ text: typed, reason: 'related-links' }] }),
    ];
  });
  assert.deepEqual(picked, [['Chiều 2/9, đoàn đại biểu tỉnh Lâm Đồng đã thăm trường học mới xây.'], [], [], ['Sáng nay ông Vũ Đình Hải đến thăm hợp tác xã rau sạch ở xã Tân Lập'], []]);
  assert.deepEqual(errors, []);
});

test('only site furniture: one notice says what was missing, and no panes (points 1 and 6)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const furniture = ['Trang chủ', 'Thời sự', 'Kinh tế', 'Thể thao', 'Video', 'Đọc thêm', 'Liên hệ quảng cáo', 'Về đầu trang'].join('\n');
  const x = await nextResult(page, () => paste(page, { text: furniture }));
  assert.deepEqual([x.paragraphs.length, x.events.length], [0, 0], 'nothing invented');
  const lines = await page.locator(tid('notice-line')).evaluateAll((ps) => ps.map((p) => ({ code: p.dataset.code, text: p.textContent })));
  assert.deepEqual(lines.map((l) => l.code), ['no-article']);
  assert.match(lines[0].text, /câu văn tiếng Việt trọn vẹn/, 'it says what a page needs and did not have');
  assert.ok(await page.locator(tid('article')).isHidden(), 'no empty article pane');
  assert.ok(await page.locator(tid('events')).isHidden(), 'no empty event list');
  assert.deepEqual(errors, []);
});

test('a page pasted with the caret inside the old text replaces it, and Undo or Ctrl+Z brings it back (point 2)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const first = await fixture('article.txt');
  const second = longArticle(4000, 7);
  const a = await nextResult(page, () => paste(page, { text: first }));
  const box = page.locator(tid('input'));

  // The caret in the middle of the old text, nothing selected: a page-sized paste.
  const b = await nextResult(page, () => paste(page, { text: second }, { at: 120 }));
  assert.equal(await box.inputValue(), second, 'the box holds the new page only, not two spliced');
  assert.notEqual(b.text, a.text);
  assert.ok(!b.text.includes('Ricardo Mendes'), 'nothing of the old article in the result');
  const replaced = page.locator(tid('replaced'));
  assert.ok(await replaced.isVisible(), 'the page says it replaced the old text');
  await viewShot(page, 'reader-replaced');

  const back = await nextResult(page, () => page.locator(tid('undo')).click());
  assert.equal(await box.inputValue(), first, 'Undo gives the old text back');
  assert.equal(back.text, a.text);
  assert.ok(await replaced.isHidden());

  // The same with the keyboard.
  await nextResult(page, () => paste(page, { text: second }, { at: 40 }));
  const again = await nextResult(page, () => page.keyboard.press('Control+Z'));
  assert.equal(await box.inputValue(), first, 'Ctrl+Z after the paste gives the old text back');
  assert.equal(again.text, a.text);

  // A short piece pasted into a text being edited goes in at the caret, as in any editor.
  await nextResult(page, () => paste(page, { text: 'thêm ' }, { at: 5 }));
  assert.equal(await box.inputValue(), first.slice(0, 5) + 'thêm ' + first.slice(5));
  assert.ok(await replaced.isHidden(), 'nothing was replaced');
  assert.deepEqual(errors, []);
});

test('values read as people write them; ISO only in JSON and CSV (point 3)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  // The forms issue 14 names, through the page's own formatting, in both languages.
  const read = await page.evaluate(async () => {
    const r = await import('./readable.js');
    const i18n = await import('./i18n.js');
    const out = {};
    for (const l of ['vi', 'en']) {
      i18n.setLang(l);
      out[l] = [
        r.readableDate('--11-11'),
        r.readableTime('TEV'),
        r.readableTime('T16:00:00'),
        r.readableQuantity('MONEY', '20000000000 USD'),
        r.readableQuantity('MONEY', '2250000000 USD'),
        r.readableDate('2025-09-01T15:35'),
        r.readableDate('2025-03-16/2025-03-18'),
        r.readableQuantity('PERCENT', '8.02'),
        r.readableQuantity('NUM', '1500'),
        r.parseUserDate('7/3/2031'),
        r.parseUserDate('30/02/2031'),
      ];
    }
    i18n.setLang('vi');
    return out;
  });
  assert.deepEqual(read.vi, ['11/11 (năm không rõ)', 'tối', '16:00', '20 tỷ USD', '2,25 tỷ USD', '15:35, 01/09/2025', '16/03/2025 – 18/03/2025', '8,02%', '1.500', '2031-03-07', null]);
  assert.deepEqual(read.en, ['11/11 (year unknown)', 'evening', '16:00', '20 billion USD', '2.25 billion USD', '15:35, 01/09/2025', '16/03/2025 – 18/03/2025', '8.02%', '1,500', '2031-03-07', null]);

  // On screen: the example's event cards, its summary of dates and amounts, its dateline.
  const x = await currentResult(page);
  const whens = await page.locator(`${tid('event')} .when`).allInnerTexts();
  for (const w of whens) assert.doesNotMatch(w, /\d{4}-\d{2}|--\d{2}|^T\d/, `event date “${w}” is readable`);
  assert.equal(whens[0], 'sáng 17/03/2025');
  const main = page.locator(tid('event')).first();
  assert.match(await main.locator(tid('event-note')).innerText(), /năm suy ra từ ngày đăng 18\/03\/2025/, 'an inferred year is marked, and says from what');
  const summary = await page.locator(`${tid('summary')} [data-type=MONEY] .name`).allInnerTexts();
  assert.deepEqual(summary, ['1,2 tỷ USD', '2 tỷ USD']);
  assert.match(await page.locator(`${tid('article')} [data-testid=published]`).innerText(), /08:45, 18\/03\/2025/);
  assert.equal(await page.locator(tid('reference-date')).getAttribute('type'), 'text', 'no browser date box in the US format');

  // Markdown is for people: readable; JSON keeps ISO.
  const md = (await download(page, tid('download-md'))).text;
  assert.match(md, /sáng 17\/03\/2025/);
  assert.doesNotMatch(md, /\b\d{4}-\d{2}-\d{2}\b|--\d{2}-\d{2}|\bT\d{2}:\d{2}|\d{9,} USD|\bTMO\b|\bTEV\b/, 'no machine value in the Markdown');
  const json = JSON.parse((await download(page, tid('download-json'))).text);
  assert.equal(json.events.find((v) => v.main).date, '2025-03-17');
  assert.deepEqual(json.entities.filter((e) => e.type === 'MONEY').map((e) => e.value), x.entities.filter((e) => e.type === 'MONEY').map((e) => e.value));
  assert.deepEqual(errors, []);
});

test('a reference date set by hand goes with its text: a new paste clears it (point 11)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const box = page.locator(tid('reference-date'));
  const note = page.locator(tid('refdate-note'));
  const dated = 'Chiều 9/4, tại Hải Phòng, Phó Thủ tướng Trần Quốc Bảo đã tiếp Đại sứ Chile Camila Soto. Hai bên trao đổi về hợp tác cảng biển.';
  const first = await nextResult(page, () => paste(page, { text: dated }));
  assert.equal(first.entities.find((e) => e.text === '9/4')?.value, '--04-09', 'no year without a date to take it from');
  const set = await nextResult(page, async () => {
    await box.fill('20/05/2031');
    await box.press('Enter');
  });
  assert.equal(set.entities.find((e) => e.text === '9/4')?.value, '2031-04-09', 'the date set by hand gives the year');
  assert.equal(await note.getAttribute('data-from'), 'hand');
  assert.match(await note.innerText(), /đặt tay/);

  // The next article, pasted: the old year must not leak into it.
  const other = dated.replace('Hải Phòng', 'Quy Nhơn').replace('Camila Soto', 'Lucía Pérez');
  const next = await nextResult(page, () => paste(page, { text: other }));
  assert.equal(next.entities.find((e) => e.text === '9/4')?.value, '--04-09', 'the new article is read without the old date');
  assert.equal(await box.inputValue(), '');
  assert.equal(await note.getAttribute('data-from'), 'none');
  // Clear resets it too.
  await nextResult(page, async () => {
    await box.fill('20/05/2031');
    await box.press('Enter');
  });
  await nextResult(page, () => page.locator(tid('clear')).click());
  assert.equal(await box.inputValue(), '');
  assert.deepEqual(errors, []);
});
