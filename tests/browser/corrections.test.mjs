// Corrections that carry into exports (issue 14, point 7): pick the title,
// restore a removed block, remove or retype an entity, fix an event's date;
// each shows at once, goes into the JSON, CSV and Markdown files, and
// travels in the share link. Checked on the page's own invented example.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSetup, openPage, tid, nextResult, currentResult, download, parseCsv, waitForResults, viewShot, shownText } from './page-helpers.mjs';

const shared = sharedSetup();

/** Rows of a downloaded CSV as objects by column. */
const table = (text) => {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

test('corrections show at once, go into every export and travel in the share link', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const raw = await currentResult(page);
  await page.locator(tid('correct')).check();
  assert.ok(await page.locator(tid('removed')).isVisible(), 'correcting shows the removed blocks, to restore them');

  // 1. Pick the title: a paragraph becomes the headline.
  const newTitle = raw.paragraphs[2];
  let x = await nextResult(page, () => page.locator(`${tid('article')} ${tid('make-title')}[data-text="${newTitle.replace(/"/g, '\\"')}"]`).click());
  assert.equal(x.title, newTitle);
  assert.ok(!x.paragraphs.includes(newTitle), 'and leaves the paragraphs');
  assert.ok(x.text.startsWith(newTitle + '\n\n'));
  for (const e of x.entities) assert.equal(x.text.slice(e.start, e.end), e.text, 'offsets hold in the corrected text');
  assert.equal(await shownText(page.locator(tid('article-title'))), newTitle, 'drawn as the headline');

  // 2. Restore a removed block: the longest the cleaner dropped.
  const dropped = [...raw.removed].sort((a, b) => b.text.length - a.text.length)[0].text;
  const item = page.locator(tid('removed-item')).filter({ hasText: dropped }).first();
  x = await nextResult(page, () => item.locator(tid('restore')).click());
  assert.ok(x.paragraphs.includes(dropped), 'the block is back in the article');
  assert.ok(!x.removed.some((r) => r.text === dropped), 'and no longer among the removed');
  assert.ok((await shownText(page.locator(tid('article')))).includes(dropped), 'and on screen');

  // 3. Remove an entity: a click on a mention opens the editor.
  const gone = x.entities.find((e) => e.type === 'LOC');
  // (A click on the mark's first line box: a mention that wraps has other words in its middle.)
  const clickMark = (idx) => page.locator(`${tid('article')} mark[data-idx="${idx}"]`).click({ position: { x: 3, y: 5 } });
  await clickMark(x.entities.indexOf(gone));
  const editor = page.locator(tid('entity-editor'));
  await editor.waitFor({ state: 'visible' });
  x = await nextResult(page, () => page.locator(tid('entity-editor-remove')).click());
  assert.ok(!x.entities.some((e) => e.type === 'LOC' && e.canonical === gone.canonical), `${gone.canonical} is no longer a place`);

  // 4. Retype an entity: an ORG becomes a LOC.
  const retyped = x.entities.find((e) => e.type === 'ORG');
  await clickMark(x.entities.indexOf(retyped));
  await editor.waitFor({ state: 'visible' });
  x = await nextResult(page, () => page.locator(tid('entity-editor-type')).selectOption('LOC'));
  const now = x.entities.filter((e) => e.canonical === retyped.canonical && e.original_type === 'ORG');
  assert.ok(now.length > 0 && now.every((e) => e.type === 'LOC'), `${retyped.canonical} is a LOC now, and says it was an ORG`);
  await page.locator(tid('entity-editor-close')).click();

  // 5. Fix the first event's date.
  const card = page.locator(tid('event')).first();
  const fixed = x.events[Number(await card.getAttribute('data-index'))];
  await card.locator(tid('event-date-fix')).fill('20/03/2025');
  x = await nextResult(page, () => card.locator(tid('event-date-save')).click());
  const same = (v) => v.type === fixed.type && v.sentence === fixed.sentence;
  assert.equal(x.events.find(same).date, '2025-03-20');
  assert.equal(x.events.find(same).original_date, fixed.date);
  assert.match(await card.locator('.when').innerText(), /20\/03\/2025/);
  assert.match(await page.locator(tid('corrections-bar')).innerText(), /5/, 'the page counts the corrections');
  await viewShot(page, 'corrections');

  // Into the exports.
  const json = JSON.parse((await download(page, tid('download-json'))).text);
  assert.equal(json.title, newTitle);
  assert.deepEqual(json.corrections.restored, [dropped]);
  assert.deepEqual(json.corrections.entities.map((c) => c.canonical).sort(), [gone.canonical, retyped.canonical].sort());
  assert.equal(json.events.find(same).date, '2025-03-20');
  const entities = table((await download(page, tid('download-csv-entities'))).text);
  assert.ok(entities.every((r) => r.title === newTitle), 'the CSV rows carry the corrected title');
  assert.ok(!entities.some((r) => r.type === 'LOC' && r.canonical === gone.canonical));
  assert.ok(entities.filter((r) => r.canonical === retyped.canonical).every((r) => r.type === 'LOC'));
  const events = table((await download(page, tid('download-csv-events'))).text);
  assert.equal(events.find((r) => r.type === fixed.type && r.sentence === fixed.sentence).date, '2025-03-20');
  const md = (await download(page, tid('download-md'))).text;
  assert.ok(md.startsWith(`# ${newTitle.slice(0, 20)}`), 'the Markdown has the corrected title');

  // Into the share link: another tab shows the same corrected result.
  await page.locator(tid('share')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-url"]').value.includes('#'));
  const link = await page.locator(tid('share-url')).inputValue();
  assert.match(new URL(link).hash, /&c=/, 'the link carries the corrections');
  const other = await shared.browser.newPage();
  t.after(() => other.close());
  await other.goto(link);
  await waitForResults(other, { name: 'corrections-open' });
  await other.waitForFunction((title) => globalThis.vnextract.result?.title === title, newTitle);
  const y = await currentResult(other);
  const essence = (r) => ({ title: r.title, paragraphs: r.paragraphs, entities: r.entities, events: r.events, corrections: r.corrections });
  assert.deepEqual(essence(y), essence(await currentResult(page)));

  // Undone all at once.
  x = await nextResult(page, () => page.locator(tid('corrections-reset')).click());
  assert.deepEqual({ title: x.title, entities: x.entities, events: x.events }, { title: raw.title, entities: raw.entities, events: raw.events });
  assert.equal(x.corrections, undefined);
  assert.deepEqual(errors, []);
});
