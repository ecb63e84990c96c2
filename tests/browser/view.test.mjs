// The article view (issues 6 and 14): the legend's type toggles, hover and
// click on a highlighted mention, the removed-blocks switch, an event's
// sentence, the entity summary, keyboard use, contrast in light and dark, a
// phone-sized screen. Every check reads the extraction the page itself
// received (window.vnextract.result) and compares the DOM with it, so that
// the tests hold for any extractor, not for particular names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSetup, openPage, screenshot, viewShot, tid, currentResult, nextResult, contrasts } from './page-helpers.mjs';

const shared = sharedSetup();

/** Entities with offsets that can be drawn, with their index in the result. */
const drawable = (x) => x.entities.map((e, idx) => ({ ...e, idx })).filter((e) => e.start < e.end && e.end <= x.text.length);

/** For each mark: its type, canonical name, entity index, whether it is picked, and how it is drawn. */
const readMarks = (page) =>
  page.locator('[data-testid="article"] mark[data-entity-type]').evaluateAll((marks) =>
    marks.map((m) => ({
      type: m.dataset.entityType,
      canonical: m.dataset.canonical,
      idx: Number(m.dataset.idx),
      // The mention's own text: the screen-reader labels of inner marks are left out.
      text: [...m.childNodes].map((n) => (n.nodeType === 3 ? n.data : n.classList.contains('sr-label') ? '' : n.textContent)).join(''),
      outer: m.classList.contains('outer'),
      picked: m.classList.contains('picked'),
      background: getComputedStyle(m).backgroundColor,
      underline: getComputedStyle(m).borderBottomColor,
      label: getComputedStyle(m, '::after').content,
    })),
  );

const transparent = (c) => c === 'transparent' || /rgba\(0, 0, 0, 0\)/.test(c);

test('every highlight is the entity the result names, at its offsets', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const marks = await readMarks(page);
  const ents = drawable(x);
  assert.ok(ents.length > 0, 'the example has entities');
  assert.equal(marks.length, ents.length, 'one mark per entity');
  for (const m of marks) {
    const e = x.entities[m.idx];
    assert.equal(m.type, e.type);
    assert.equal(m.canonical, e.canonical ?? e.text);
    assert.equal(m.text, x.text.slice(e.start, e.end), `mark ${m.idx} shows its slice`);
    if (m.outer) {
      assert.ok(!transparent(m.background), `a ${m.type} mark is tinted`);
      assert.equal(m.label, `"${m.type}" / ""`, 'an outer mark carries its type as a chip (silent for screen readers)');
    } else {
      assert.ok(!transparent(m.underline), `an inner ${m.type} mark is underlined`);
      assert.equal(m.label, 'none', 'an inner mark has no chip: labels never stack');
    }
  }
  assert.deepEqual(errors, []);
});

test('the legend toggles hide and show one type of highlight', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const counts = new Map();
  for (const e of drawable(x)) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const legend = page.locator(tid('legend-toggle'));
  const legendTypes = await legend.evaluateAll((bs) => bs.map((b) => b.dataset.type));
  assert.deepEqual(new Set(legendTypes), new Set(counts.keys()), 'one toggle per type present');
  for (const ty of legendTypes) {
    assert.match(await page.locator(`${tid('legend-toggle')}[data-type="${ty}"]`).innerText(), new RegExp(`\\(${counts.get(ty)}\\)`), `${ty} count`);
  }

  const [hide] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const toggle = page.locator(`${tid('legend-toggle')}[data-type="${hide}"]`);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  let marks = await readMarks(page);
  for (const m of marks) {
    if (m.type === hide) {
      assert.ok(transparent(m.background) && transparent(m.underline), `${hide} marks lose their tint`);
      assert.equal(m.label, 'none', `${hide} marks lose their label`);
    } else if (m.outer) {
      assert.ok(!transparent(m.background), `${m.type} marks keep theirs`);
    }
  }
  // A hidden mention shows no tooltip and cannot be picked.
  const hiddenMark = page.locator(`[data-testid="article"] mark[data-entity-type="${hide}"]`).first();
  await hiddenMark.hover();
  assert.ok(await page.locator(tid('tooltip')).isHidden(), 'no tooltip on a hidden type');
  await viewShot(page, 'view-type-hidden');

  // The keyboard works the toggle too, and the hidden set survives a new result.
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  marks = await readMarks(page);
  assert.ok(marks.filter((m) => m.outer).every((m) => !transparent(m.background)), 'all types shown again');
  await toggle.click();
  await nextResult(page, () => page.locator(tid('example')).click());
  assert.equal(await page.locator(`${tid('legend-toggle')}[data-type="${hide}"]`).getAttribute('aria-pressed'), 'false');
  assert.ok((await readMarks(page)).filter((m) => m.type === hide).every((m) => transparent(m.background)));
  assert.deepEqual(errors, []);
});

test('hover shows the type, canonical name, roles, country, readable value and rule of a mention', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const tooltip = page.locator(tid('tooltip'));
  // The richest entities of each type: those with the most of the fields a tooltip shows.
  const richness = (e) => ['canonical', 'value', 'country'].filter((k) => e[k]).length + (e.roles?.length ? 1 : 0);
  const byType = new Map();
  for (const e of drawable(x)) if (!byType.has(e.type) || richness(e) > richness(byType.get(e.type))) byType.set(e.type, e);
  const readable = (e) => page.evaluate(async (e) => (await import('./readable.js')).readableValue(e), e);
  for (const e of byType.values()) {
    await page.locator(`[data-testid="article"] mark[data-idx="${e.idx}"]`).hover();
    await tooltip.waitFor({ state: 'visible' });
    const rows = await tooltip.locator('dt').evaluateAll((dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
    assert.match(await tooltip.locator('.tip-head').innerText(), new RegExp(e.type));
    assert.equal(rows['Tên chuẩn'], e.canonical ?? undefined, `canonical of ${e.text}`);
    assert.equal(rows['Chức danh'], e.roles?.length ? e.roles.join('; ') : undefined, `roles of ${e.text}`);
    assert.equal(rows['Quốc gia'], e.country ?? undefined, `country of ${e.text}`);
    assert.equal(rows['Giá trị'], e.value ? await readable(e) : undefined, `readable value of ${e.text}`);
    if (e.value && ['DATE', 'TIME', 'MONEY'].includes(e.type)) assert.notEqual(rows['Giá trị'], e.value, `${e.type} ${e.value} is not shown raw`);
    // The rule in words (issue 18), then its id.
    const why = rows['Vì sao (quy tắc)'];
    assert.ok(why.endsWith(`(${e.rule})`) && why.length > e.rule.length + 3, `rule of ${e.text} in words: ${why}`);
    // Inside the window.
    const box = await tooltip.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 1280, 'the tooltip stays inside the window');
  }
  await viewShot(page, 'view-tooltip');
  await page.mouse.move(1, 1);
  await tooltip.waitFor({ state: 'hidden' });

  // The same lines for an entity with every field (the drawing itself, in this browser).
  const lines = await page.evaluate(async () => {
    const { fillTooltip } = await import('./highlights.js');
    const node = document.createElement('div');
    fillTooltip(node, { type: 'PER', text: 'A', canonical: 'Nguyễn Văn A', roles: ['Bộ trưởng', 'Đại sứ'], country: 'Việt Nam', value: '42', rule: 'r.x' });
    const date = document.createElement('div');
    fillTooltip(date, { type: 'DATE', text: '9/4', canonical: '2031-04-09', value: '2031-04-09', rule: 'date.dm+year:anchor' }, { published: '2031-04-10T07:00' });
    return [[...node.querySelectorAll('dd')].map((d) => d.textContent), [...date.querySelectorAll('dd')].map((d) => d.textContent)];
  });
  assert.deepEqual(lines[0], ['Nguyễn Văn A', 'Bộ trưởng; Đại sứ', 'Việt Nam', '42', 'r.x']);
  assert.deepEqual(lines[1], ['2031-04-09', '09/04/2031', 'năm suy ra từ ngày đăng 10/04/2031', 'Ngày và tháng; năm lấy từ ngày đăng bài (date.dm+year:anchor)'], 'an inferred year says where it came from; the rule in words, then its id');

  // Keyboard focus shows the tooltip as hover does.
  const first = page.locator('[data-testid="article"] mark[tabindex="0"]');
  await first.focus();
  await tooltip.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await tooltip.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
});

test('clicking a mention marks every mention of the same entity; again unmarks', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const mentions = new Map();
  for (const e of drawable(x)) mentions.set(e.canonical ?? e.text, [...(mentions.get(e.canonical ?? e.text) ?? []), e.idx]);
  const [canonical, idxs] = [...mentions.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  t.diagnostic(`picking an entity with ${idxs.length} mentions`);

  await page.locator(`[data-testid="article"] mark[data-idx="${idxs[idxs.length - 1]}"]`).click();
  let marks = await readMarks(page);
  assert.deepEqual(
    marks.filter((m) => m.picked).map((m) => m.idx).sort((a, b) => a - b),
    [...idxs].sort((a, b) => a - b),
    'exactly the mentions of that entity are marked',
  );
  const summaryItem = page.locator(`${tid('summary-item')}[data-canonical="${canonical.replace(/"/g, '\\"')}"]`);
  assert.equal(await summaryItem.getAttribute('aria-pressed'), 'true', 'the summary shows the pick');
  assert.match(await summaryItem.innerText(), new RegExp(`${idxs.length}`), 'with the mention count');
  assert.equal(await page.locator('[data-testid="article"] mark.picked[aria-current="true"]').count(), idxs.length);
  await viewShot(page, 'view-picked');

  await page.locator(`[data-testid="article"] mark[data-idx="${idxs[0]}"]`).click();
  marks = await readMarks(page);
  assert.equal(marks.filter((m) => m.picked).length, 0, 'a second click unmarks');

  // From the summary, and by keyboard (Enter on a focused mark; arrows move between marks).
  await summaryItem.click();
  assert.equal((await readMarks(page)).filter((m) => m.picked).length, idxs.length);
  await summaryItem.click();
  const focusable = page.locator('[data-testid="article"] mark[tabindex="0"]');
  await focusable.focus();
  const firstIdx = Number(await focusable.getAttribute('data-idx'));
  await page.keyboard.press('ArrowRight');
  const movedIdx = await page.evaluate(() => Number(document.activeElement.dataset.idx));
  assert.notEqual(movedIdx, firstIdx, 'ArrowRight moves to the next mention');
  await page.keyboard.press('Enter');
  const pickedName = (await page.evaluate(() => document.activeElement.dataset.canonical));
  assert.ok((await readMarks(page)).filter((m) => m.picked).every((m) => m.canonical === pickedName));
  assert.ok((await readMarks(page)).some((m) => m.picked), 'Enter marks the focused entity');
  assert.deepEqual(errors, []);
});

test('the removed-blocks switch shows what the cleaner dropped, each with its reason', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  assert.ok(x.removed.length > 0, 'the example page has navigation to drop');
  const removed = page.locator(tid('removed'));
  assert.ok(await removed.isHidden());
  await page.locator(tid('show-removed')).check();
  await removed.waitFor({ state: 'visible' });
  const items = await page.locator(tid('removed-item')).evaluateAll((lis) =>
    lis.map((li) => ({ reason: li.dataset.reason, label: li.querySelector('.reason').textContent, text: li.querySelector('.removed-text').textContent })),
  );
  assert.deepEqual(items.map(({ reason, text }) => ({ reason, text })), x.removed.map(({ reason, text }) => ({ reason, text })));
  // Each reason in words (schema.test.mjs checks that every reason the core can send has them).
  for (const item of items) assert.notEqual(item.label, item.reason, `reason ${item.reason} is named in words`);
  assert.match(await removed.locator('h3').innerText(), new RegExp(`\\(${x.removed.length}\\)`));
  assert.equal(await removed.getAttribute('aria-live'), null, 'the removed list is no live region (issue 14, point 10)');
  await screenshot(page, 'view-removed');
  await page.locator(tid('show-removed')).uncheck();
  assert.ok(await removed.isHidden());
  assert.deepEqual(errors, []);
});

test('clicking an event marks its sentence in the text; again unmarks', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  assert.ok(x.events.length > 0);
  const cards = page.locator(tid('event'));
  assert.equal(await cards.count(), x.events.length, 'one card per event');
  for (let k = 0; k < Math.min(x.events.length, 3); k++) {
    const card = cards.nth(k);
    const i = Number(await card.getAttribute('data-index'));
    const v = x.events[i];
    await card.locator('.event-head').click();
    const marked = await page.locator(tid('sentence-mark')).evaluateAll((spans) => spans.map((s) => s.textContent).join(''));
    const want = Number.isInteger(v.sentence_start) ? x.text.slice(v.sentence_start, v.sentence_end) : v.sentence;
    assert.equal(marked, want, `event ${i}: its sentence is marked`);
    assert.ok(await card.evaluate((li) => li.classList.contains('selected')));
    assert.equal(await card.locator('.event-head').getAttribute('aria-pressed'), 'true');
    // The marks inside the sentence survive the sentence wrapping.
    assert.equal(await page.locator('[data-testid="article"] mark[data-entity-type]').count(), drawable(x).length);
    if (k === 0) await viewShot(page, 'view-event-sentence');
  }
  const card = page.locator(`${tid('event')}.selected`);
  await card.locator('.event-head').click();
  assert.equal(await page.locator(tid('sentence-mark')).count(), 0, 'a second click unmarks');
  // The main event comes first, and the card shows its type, date and participants.
  const first = x.events[Number(await cards.first().getAttribute('data-index'))];
  if (x.events.some((v) => v.main)) assert.equal(first.main, true);
  for (const p of first.participants ?? []) assert.match(await cards.first().innerText(), new RegExp(p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.deepEqual(errors, []);
});

test('the reference date starts from the page’s dateline, in dd/mm/yyyy, and setting it extracts again', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const box = page.locator(tid('reference-date'));
  const [y, m, d] = x.published.slice(0, 10).split('-');
  assert.equal(await box.inputValue(), `${d}/${m}/${y}`, 'the page’s date, as people write it (not the browser’s US format)');
  assert.equal(await page.locator(tid('refdate-note')).getAttribute('data-from'), 'page');
  const z = await nextResult(page, async () => {
    await box.fill('03/02/2031');
    await box.press('Enter');
    await box.blur();
  });
  assert.equal(z.text, x.text, 'same article');
  assert.equal(await box.inputValue(), '03/02/2031', 'the user’s date stays');
  assert.equal(await page.locator(tid('refdate-note')).getAttribute('data-from'), 'hand', 'and is labelled as set by hand');
  // A date that does not exist is refused with a word, and nothing is extracted.
  await box.fill('31/02/2031');
  await box.blur();
  assert.match(await page.locator(tid('refdate-note')).innerText(), /không hợp lệ/);
  assert.deepEqual(errors, []);
});

test('text contrast meets WCAG AA in light and dark, and the page fits a phone', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const x = await currentResult(page);
  const types = [...new Set(x.entities.map((e) => e.type))];
  const probes = [
    ['body'], ['.help'], ['.status-line'], ['.legend-item'], ['.summary-item'], ['.event-head'], ['.participants .role'], ['.event-note'], ['.refdate-note'],
    ...types.flatMap((ty) => [[`mark.outer[data-entity-type=${ty}]`], [`mark.outer[data-entity-type=${ty}]`, '::after']]),
  ];
  for (const scheme of ['light', 'dark']) {
    // Reduced motion: no colour transition half-way when measured.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const c of await contrasts(page, probes)) {
      if (c.missing) continue;
      assert.ok(c.ratio >= 4.5, `${scheme}: ${c.selector}${c.pseudo ?? ''} ${c.fg} on ${c.bg} is ${c.ratio.toFixed(2)}:1`);
    }
    await viewShot(page, `view-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
  await viewShot(page, 'view-phone');
  assert.deepEqual(errors, []);
});

test('panels, legend, highlights, tooltip and banner carry their ARIA roles and names', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const roles = await page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const name = (n) => n?.getAttribute('aria-label') ?? document.getElementById(n?.getAttribute('aria-labelledby') ?? '')?.textContent ?? null;
    return {
      panes: [...document.querySelectorAll('.pane:not([hidden])')].map((p) => name(p)),
      legend: [q('[data-testid="legend"]').getAttribute('role'), name(q('[data-testid="legend"]'))],
      article: [q('[data-testid="article"]').localName, name(q('[data-testid="article"]'))],
      tooltip: q('[data-testid="tooltip"]').getAttribute('role'),
      banner: q('[data-testid="banner"]').getAttribute('role'),
      // An <output> is a live region by its role (status) even without aria-live.
      status: q('[data-testid="status"]').getAttribute('aria-live') ?? (q('[data-testid="status"]').localName === 'output' ? 'implicit' : q('[data-testid="status"]').getAttribute('role')),
      announcer: q('[data-testid="announcer"]').getAttribute('aria-live'),
      toggles: [...document.querySelectorAll('[data-testid="legend-toggle"]')].map((b) => b.getAttribute('aria-pressed')),
      input: document.querySelector(`label[for="${q('[data-testid="input"]').id}"]`)?.textContent ?? null,
    };
  });
  assert.deepEqual(roles.panes, ['Bài viết', 'Sự kiện', 'Thực thể'], 'the events come before the entity summary');
  assert.equal(roles.legend[0], 'group');
  assert.ok(roles.legend[1]);
  assert.equal(roles.article[0], 'article');
  assert.ok(roles.article[1]);
  assert.equal(roles.tooltip, 'tooltip');
  assert.equal(roles.banner, 'alert');
  assert.equal(roles.status, null, 'the status line (timings) is not announced');
  assert.equal(roles.announcer, 'polite');
  assert.ok(roles.toggles.length > 0 && roles.toggles.every((p) => p === 'true'));
  assert.ok(roles.input, 'the input box has a label');
  // A hovered mark is described by the tooltip.
  const mark = page.locator('[data-testid="article"] mark[data-entity-type]').first();
  await mark.hover();
  assert.equal(await mark.getAttribute('aria-describedby'), 'tooltip');
  assert.deepEqual(errors, []);
});
