// The page as a reader's tool (issue 14), layout and access: one text
// view with switchable, flat highlights and the results where the eye is
// (point 5); one notice and no dead buttons when there is nothing (point
// 6); screen readers and print (point 10).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSetup, openPage, tid, paste, nextResult, currentResult, fixture, viewShot, launchBrowser, grantClipboard, typeText } from './page-helpers.mjs';

const shared = sharedSetup();

/** The phone the issue measured on. */
const PHONE = { width: 390, height: 844 };

/** Whether the element's box is inside the window. */
const inView = (locator) =>
  locator.evaluate((n) => {
    const r = n.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });

test('the article is shown once, and its highlights can be switched off (point 5)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  // Each paragraph is on the page once (the input box aside).
  for (const p of x.paragraphs.slice(0, 4)) {
    const copies = await page.evaluate((p) => [...document.querySelectorAll('main p, main h3, main li')].filter((n) => !n.querySelector('p, li') && n.textContent.replace(/ \([^)]*\)/g, '').includes(p.slice(0, 40))).length, p);
    assert.equal(copies, 1, `“${p.slice(0, 30)}…” appears once`);
  }
  const marks = page.locator(`${tid('article')} mark.outer`);
  const tint = () => marks.first().evaluate((m) => getComputedStyle(m).backgroundColor);
  const tinted = await tint();
  await page.locator(tid('show-highlights')).uncheck();
  assert.equal(await tint(), 'rgba(0, 0, 0, 0)', 'no tint with highlights off');
  assert.equal(await marks.first().evaluate((m) => getComputedStyle(m, '::after').content), 'none', 'no labels');
  assert.ok(await page.locator(tid('legend')).isHidden(), 'no legend');
  assert.equal(await page.locator(`${tid('article')} .sr-label`).first().evaluate((s) => getComputedStyle(s).display), 'none', 'no type words read out either');
  await viewShot(page, 'layout-highlights-off');
  await page.locator(tid('show-highlights')).check();
  assert.equal(await tint(), tinted);
  assert.deepEqual(errors, []);
});

test('highlights are flat: one chip per outer mention, none stacked (point 5)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const chips = await page.locator(`${tid('article')} mark.ent`).evaluateAll((ms) =>
    ms.map((m) => ({ outer: m.classList.contains('outer'), nested: !!m.parentElement.closest('mark.ent'), chip: getComputedStyle(m, '::after').content, size: parseFloat(getComputedStyle(m, '::after').fontSize) })),
  );
  assert.ok(chips.some((c) => c.nested), 'the example has mentions inside mentions');
  for (const c of chips) {
    assert.equal(c.outer, !c.nested);
    if (c.nested) assert.equal(c.chip, 'none', 'a mention inside another shows no chip');
    else assert.ok(c.chip !== 'none' && c.size >= 12, `an outer chip of at least 12 px (${c.size}px; point 10)`);
  }
  assert.deepEqual(errors, []);
});

test('events: main first, then by date; before the entity summary for the keyboard (point 5)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const order = await page.locator(tid('event')).evaluateAll((lis) => lis.map((li) => Number(li.dataset.index)));
  const shown = order.map((i) => x.events[i]);
  assert.equal(shown[0].main, true, 'the main event first');
  // Then dates with a year, in order (a year alone may go before or after the days within it); then dates without one; then undated.
  const key = (v) => (!v.date ? [2, ''] : /^\d{4}/.test(v.date) ? [0, v.date] : [1, v.date]);
  const rest = shown.slice(1).map(key);
  for (let i = 1; i < rest.length; i++) {
    const [[ga, a], [gb, b]] = [rest[i - 1], rest[i]];
    const n = Math.min(a.length, b.length);
    assert.ok(ga < gb || (ga === gb && a.slice(0, n) <= b.slice(0, n)), `event ${i + 1} is not before event ${i}: ${JSON.stringify(rest)}`);
  }
  // Tab from the toolbar: the first event comes before any of the entity summary's buttons.
  await page.locator(tid('add-to-timeline')).focus();
  let stops = 0;
  for (; stops < 60; stops++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.className ?? '');
    assert.ok(!/summary-item/.test(at), 'a summary button before the first event');
    if (/event-head/.test(at)) break;
  }
  assert.ok(stops < 30, `the first event is ${stops + 1} Tab presses away`);
  assert.deepEqual(errors, []);
});

test('choosing an event shows its sentence, and a button goes back to the card (point 5)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const card = page.locator(tid('event')).nth(2);
  await card.locator('.event-head').click();
  const sentence = page.locator(tid('sentence-mark')).first();
  assert.ok(await inView(sentence), 'the sentence is brought into view');
  const back = page.locator(tid('back-to-event'));
  assert.ok(await back.isVisible(), 'with a way back');
  await page.evaluate(() => window.scrollBy(0, 600));
  await back.click();
  assert.ok(await inView(card), 'the card is in view again');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=event]')?.dataset.index), await card.getAttribute('data-index'), 'and focused');
  assert.ok(await back.isHidden());
  assert.deepEqual(errors, []);
});

test('on a phone: tabs for the article, events and entities, and the results in view after a paste (point 5)', async (t) => {
  const browser = await launchBrowser({ viewport: PHONE });
  t.after(() => browser.close());
  await grantClipboard(browser, shared.server);
  const { page, errors } = await openPage(browser, shared.server.url);
  const tabs = page.locator(`${tid('tabs')} [role=tab]:visible`);
  assert.deepEqual(await tabs.evaluateAll((ts) => ts.map((b) => b.textContent.replace(/\s*\(\d+\)/, '').trim())), ['Bài viết', 'Sự kiện', 'Thực thể']);
  assert.equal(await page.locator(tid('tabs')).getAttribute('role'), 'tablist');
  assert.ok(await page.locator(tid('article')).isVisible());
  assert.ok(await page.locator(tid('events')).isHidden(), 'one pane at a time');

  const article = await fixture('article.txt');
  await nextResult(page, () => paste(page, { text: article }));
  const bar = await page.locator(tid('tabs')).boundingBox();
  assert.ok(bar.y >= -1 && bar.y < 80, `after a paste the results are at the top of the screen (tab bar at ${bar.y}px)`);
  await viewShot(page, 'layout-phone-after-paste');

  await page.locator('#tab-events').click();
  assert.equal(await page.locator('#tab-events').getAttribute('aria-selected'), 'true');
  const first = page.locator(tid('event')).first();
  assert.ok(await inView(first), 'the events are one tap away');
  assert.ok(await page.locator(tid('article')).isHidden());
  await viewShot(page, 'layout-phone-events');

  // An event leads to its sentence in the article tab, and back.
  await first.locator('.event-head').click();
  assert.equal(await page.locator('#tab-article').getAttribute('aria-selected'), 'true');
  assert.ok(await inView(page.locator(tid('sentence-mark')).first()));
  await page.locator(tid('back-to-event')).click();
  assert.equal(await page.locator('#tab-events').getAttribute('aria-selected'), 'true');
  assert.ok(await inView(first));
  // The tab bar stays at the top while reading (sticky).
  await page.locator('#tab-article').click();
  await page.evaluate(() => window.scrollTo(0, document.querySelector('#tabs').getBoundingClientRect().top + window.scrollY + 1500));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const stuck = await page.locator(tid('tabs')).boundingBox();
  assert.ok(Math.abs(stuck.y) < 2, `the tab bar sticks to the top (${stuck.y}px)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, 'no sideways scrolling');
  assert.deepEqual(errors, []);
});

test('nothing to show: one notice, exports and share disabled, no “copied” (point 6)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  await nextResult(page, () => page.locator(tid('clear')).click());
  const visibleText = await page.locator('main').innerText();
  const notices = await page.locator(`${tid('notice-line')}:visible`).allInnerTexts();
  assert.equal(notices.length, 1, 'one notice');
  assert.match(notices[0], /Chưa có nội dung/);
  for (const dup of ['Không tìm thấy', 'Chưa có bài viết']) assert.ok(!visibleText.includes(dup), `no repeated “${dup}…” lines`);
  for (const id of ['copy-text', 'download-json', 'download-csv-entities', 'download-csv-events', 'download-md', 'share', 'add-to-timeline']) {
    assert.equal(await page.locator(tid(id)).isDisabled(), true, `${id} is disabled`);
  }
  await page.locator(tid('copy-text')).click({ force: true });
  await page.waitForTimeout(200);
  assert.equal(await page.locator(tid('toast')).innerText(), '', 'no “copied” for nothing');
  assert.equal(await page.evaluate(() => location.hash), '', 'no share link for nothing');
  await viewShot(page, 'layout-empty');
  await nextResult(page, () => paste(page, { text: 'Sáng 2/3, Bộ trưởng Ngoại giao Đinh Văn Lực đã tiếp Đại sứ Peru Ana Torres tại Hà Nội. Hai bên bàn về hợp tác nông nghiệp.' }));
  for (const id of ['copy-text', 'download-json', 'share']) assert.equal(await page.locator(tid(id)).isDisabled(), false, `${id} works again`);
  assert.deepEqual(errors, []);
});

test('screen readers: the type as words after each mention, no timings read out, no live removed list (point 10)', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const labels = await page.locator(`${tid('article')} mark.ent`).evaluateAll((ms) => ms.map((m) => [m.dataset.entityType, m.nextSibling?.classList?.contains('sr-label') ? m.nextSibling.textContent : null]));
  const names = await page.evaluate(async () => (await import('./i18n.js')).STRINGS.vi);
  for (const [type, label] of labels) assert.equal(label, ` (${names['entity.' + type].toLowerCase()})`, `a ${type} mention is followed by its type in words, after a space`);
  const snapshot = await page.locator(tid('article')).ariaSnapshot();
  assert.match(snapshot, /Nguyễn Hữu Phong \(người\)/, 'read as “name (type)”, not “namePER”');
  // The article once in the accessibility tree of the results.
  const tree = await page.locator('#results').ariaSnapshot();
  assert.equal(tree.split('Kim ngạch thương mại song phương').length - 1, 1, 'the article is read once');
  for (const id of ['removed', 'status']) assert.equal(await page.locator(tid(id)).getAttribute('aria-live'), null, `${id} is no live region`);

  // Typing re-extracts without a word to screen readers; a paste says what was found, without timings.
  const announcer = page.locator(tid('announcer'));
  const before = await announcer.textContent();
  await nextResult(page, () => typeText(page, 'Sáng 2/3, Bộ trưởng Ngoại giao Đinh Văn Lực đã tiếp Đại sứ Peru Ana Torres tại Hà Nội. Hai bên bàn về hợp tác.'));
  assert.equal(await announcer.textContent(), before, 'no announcement on a typing pause');
  await nextResult(page, () => paste(page, { text: 'Sáng 5/3, Bộ trưởng Ngoại giao Đinh Văn Lực đã hội đàm với Ngoại trưởng Peru Ana Torres tại Lima. Hai bên bàn về hợp tác.' }));
  const said = await announcer.textContent();
  assert.match(said, /\d+ thực thể, \d+ sự kiện/);
  assert.doesNotMatch(said, /ms\b/, 'no timings');
  assert.deepEqual(errors, []);
});

test('print shows the article, entities and events only; no content-visibility jumps (point 10)', async (t) => {
  const browser = await launchBrowser({ viewport: PHONE });
  t.after(() => browser.close());
  const { page, errors } = await openPage(browser, shared.server.url);
  const cv = await page.evaluate(() => [...document.querySelectorAll('#article p, #events > li')].map((n) => getComputedStyle(n).contentVisibility));
  assert.ok(cv.length > 0 && cv.every((v) => v === 'visible'), 'paragraphs and events are laid out as they are: no jumps while scrolling');
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() =>
    Object.fromEntries(
      ['#input-area', '#toolbar', '#tabs', '#legend', '.switches', '#article', '#events', '#summary', '#notice'].map((s) => {
        const n = document.querySelector(s);
        return [s, !!n && getComputedStyle(n).display !== 'none' && !n.closest('[hidden]') && n.getBoundingClientRect().height > 0];
      }),
    ),
  );
  assert.deepEqual(shown, {
    '#input-area': false,
    '#toolbar': false,
    '#tabs': false,
    '#legend': false,
    '.switches': false,
    '#article': true,
    '#events': true,
    '#summary': true,
    '#notice': false,
  });
  await page.pdf({ path: undefined }).then(
    (pdf) => assert.ok(pdf.length > 10_000, 'Chromium prints it'),
    () => {},
  );
  assert.deepEqual(errors, []);
});
