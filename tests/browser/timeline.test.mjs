// Several articles at once (issue 14, point 9): files dropped or opened
// together, or the article on screen added, make one merged timeline, as
// the CLI's --timeline makes it (the core's report module, through the
// wasm binding): the same event told by two articles is one entry that
// names both. The timeline exports as the CLI's JSON lines and as one
// events CSV whose `document` column says where each row comes from.
// fixtures/timeline-*.txt are invented for this test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSetup, openPage, tid, paste, nextResult, fixture, dropFiles, download, parseCsv, viewShot } from './page-helpers.mjs';

const shared = sharedSetup();

test('two files dropped together make one timeline; the same talks in both are one entry', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const files = [
    { name: 'dat-tamm.txt', type: 'text/plain', content: await fixture('timeline-a.txt') },
    { name: 'chinh-phu-so.txt', type: 'text/plain', content: await fixture('timeline-b.txt') },
  ];
  await dropFiles(page, files);
  const list = page.locator(tid('timeline'));
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="timeline"]').dataset.entries ?? 0) > 0);
  assert.ok(await page.locator(tid('timeline-pane')).isVisible(), 'the timeline is shown');
  assert.deepEqual(await page.locator(`${tid('timeline-doc')} .doc-name`).allInnerTexts(), ['dat-tamm.txt', 'chinh-phu-so.txt']);

  const entries = await list.locator(tid('timeline-entry')).evaluateAll((lis) =>
    lis.map((li) => ({ type: li.dataset.type, when: li.querySelector('.when').textContent, sources: [...li.querySelectorAll('[data-testid=timeline-source]')].map((s) => s.textContent) })),
  );
  const talks = entries.filter((e) => e.type === 'talks');
  assert.equal(talks.length, 1, 'the talks both articles report are one entry');
  assert.equal(talks[0].sources.length, 2, 'that names both articles');
  assert.ok(talks[0].sources.some((s) => s.includes('dat-tamm.txt')) && talks[0].sources.some((s) => s.includes('chinh-phu-so.txt')));
  assert.match(talks[0].when, /12\/05\/2031/, 'the date as people write it');
  assert.ok(entries.some((e) => e.type === 'reception' && e.sources.length === 1), 'an event only one article tells stays its own');
  await viewShot(page, 'timeline');

  // Exports: the CLI's JSON lines, and one events CSV for both articles.
  const jsonl = (await download(page, tid('timeline-json'))).text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(jsonl.length, entries.length);
  const merged = jsonl.find((e) => e.type === 'talks');
  assert.equal(merged.date, '2031-05-12', 'ISO in the export');
  assert.deepEqual(merged.sources.map((s) => s.file).sort(), ['chinh-phu-so.txt', 'dat-tamm.txt']);
  const csv = (await download(page, tid('timeline-csv'))).text;
  const [header, ...rows] = parseCsv(csv.replace(/^\ufeff/, ''));
  assert.deepEqual(header.slice(0, 4), ['document', 'title', 'published', 'source']);
  assert.deepEqual([...new Set(rows.map((r) => r[0]))].sort(), ['chinh-phu-so.txt', 'dat-tamm.txt'], 'every row says which article it is from');

  // The article on screen joins them.
  await nextResult(page, () => paste(page, { text: 'Bộ trưởng Ngoại giao Hoàng Minh Đạt điện đàm với Ngoại trưởng Latvia\n\nSáng 20/5/2031, Bộ trưởng Ngoại giao Hoàng Minh Đạt đã điện đàm với Bộ trưởng Ngoại giao Latvia Ilze Ozola về hợp tác giáo dục.' }));
  const before = Number(await list.getAttribute('data-entries'));
  await page.locator(tid('add-to-timeline')).click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="timeline"]').dataset.entries) > n, before);
  assert.equal(await page.locator(tid('timeline-doc')).count(), 3);
  const last = await list.locator(tid('timeline-entry')).last().getAttribute('data-type');
  assert.equal(last, 'phone_call', 'the latest event last');

  // Removing a document takes its events out.
  await page.locator(tid('timeline-remove')).first().click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="timeline-entry"][data-type="talks"] [data-testid="timeline-source"]')].length === 1);
  await page.locator(tid('timeline-clear')).click();
  await page.locator(tid('timeline-pane')).waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
});
