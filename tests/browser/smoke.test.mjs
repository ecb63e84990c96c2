// Smoke test of the whole path (issue 2): www/ served on 127.0.0.1, opened in
// headless Chromium, the WebAssembly extractor run by the page's worker on the
// page's own example article, and its known results on screen: the title,
// byline, people, amounts and the main event of the invented example.
// Selectors shared with the page: [data-entity-type] on each highlighted
// mention, [data-testid=event] on each event in the event list.
//
// Logs the time from a cold start (browser launch) to the example's results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { startServer, stopServer, launchBrowser, collectErrors, screenshot, waitForResults, RESULTS } from './harness.mjs';

const RESULTS_TIMEOUT_MS = 30_000;

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await stopServer(server);
});

test('the server sends the wasm package with the right types', async () => {
  const wasm = await fetch(new URL('pkg/vnextract_bg.wasm', server.url));
  assert.equal(wasm.status, 200);
  // WebAssembly.instantiateStreaming refuses any other type.
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);

  const js = await fetch(new URL('pkg/vnextract.js', server.url));
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  await js.arrayBuffer();

  const missing = await fetch(new URL('no-such-file.js', server.url));
  assert.equal(missing.status, 404);
  await missing.arrayBuffer();
  // A path that climbs out of www/ must not reach the repository.
  const outside = await fetch(new URL('/..%2fCargo.toml', server.url));
  assert.notEqual(outside.status, 200);
  await outside.arrayBuffer();
});

test('the page opens with its example article processed', async (t) => {
  const coldStart = performance.now();
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const errors = collectErrors(page);

  const navigation = performance.now();
  const response = await page.goto(server.url);
  assert.equal(response?.status(), 200, 'www/index.html is served');
  await waitForResults(page, { timeout: RESULTS_TIMEOUT_MS, name: 'smoke', errors });
  const done = performance.now();
  const fromLaunch = Math.round(done - coldStart);
  const fromNavigation = Math.round(done - navigation);
  t.diagnostic(`cold start to example results: ${fromLaunch} ms (browser launch included), ${fromNavigation} ms from navigation`);

  // The example is invented (www/example.js), so its right answers are known:
  // the article, its people and its main event, drawn as a reader sees them.
  const x = await page.evaluate(() => globalThis.vnextract.result);
  assert.equal(x.title, 'Phó Thủ tướng, Bộ trưởng Ngoại giao Nguyễn Hữu Phong hội đàm với Ngoại trưởng Phần Lan');
  assert.deepEqual([x.byline, x.published, x.source], ['Thu Hà', '2025-03-18T08:45', 'Tin Đối ngoại']);
  assert.equal(x.captions.length, 2, 'both photo captions are kept apart');
  assert.ok(x.paragraphs[0].startsWith('Sáng 17/3, tại Trụ sở Bộ Ngoại giao'), 'the lead opens the paragraphs');
  assert.ok(!x.paragraphs.some((p) => p.includes('Bài viết cùng chủ đề') || p.includes('Na Uy')), 'no related article is kept');
  const people = new Set(x.entities.filter((e) => e.type === 'PER').map((e) => e.canonical));
  for (const name of ['Nguyễn Hữu Phong', 'Aino Lehtonen', 'Đỗ Quang Vinh']) assert.ok(people.has(name), `PER ${name}`);
  const money = x.entities.filter((e) => e.type === 'MONEY').map((e) => e.value);
  assert.deepEqual(money, ['1200000000 USD', '2000000000 USD']);

  const main = x.events.filter((v) => v.main);
  assert.equal(main.length, 1, 'one main event');
  assert.equal(main[0].type, 'talks');
  assert.equal(main[0].date, '2025-03-17');
  assert.equal(main[0].time_of_day, 'sáng');
  assert.deepEqual(main[0].participants.map((p) => p.name).sort(), ['Aino Lehtonen', 'Nguyễn Hữu Phong']);
  const reception = x.events.find((v) => v.type === 'reception');
  assert.ok(reception, 'the Prime Minister’s reception is an event');
  assert.deepEqual(reception.participants.map((p) => p.name).sort(), ['Aino Lehtonen', 'Đỗ Quang Vinh']);

  // On screen: the main event's card first, its date as people write it.
  const first = page.locator(RESULTS.event).first();
  assert.match(await first.locator('.when').innerText(), /^sáng 17\/03\/2025$/);
  assert.match(await first.locator('.what').innerText(), /^Hội đàm$/);
  assert.equal(await page.locator(`${RESULTS.entity}[data-canonical="Aino Lehtonen"]`).count(), x.entities.filter((e) => e.canonical === 'Aino Lehtonen').length);
  assert.equal(await page.locator('[data-testid="article-title"]').innerText().then((s) => s.replace(/\s+/g, ' ').includes('Nguyễn Hữu Phong')), true);
  t.diagnostic(`entities: ${x.entities.length}; events: ${x.events.length}`);

  await screenshot(page, 'smoke');
  assert.deepEqual(errors, [], 'no page errors, console errors or failed requests');
});
