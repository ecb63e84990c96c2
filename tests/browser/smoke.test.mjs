// Smoke test of the whole path (issue 2): www/ served on 127.0.0.1, opened in
// headless Chromium, the WebAssembly extractor run by the page's worker on the
// page's own example article, and highlights and events on screen.
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

  const types = await page.locator(RESULTS.entity).evaluateAll((els) => [...new Set(els.map((e) => e.dataset.entityType))]);
  const events = page.locator(RESULTS.event);
  t.diagnostic(`entity types shown: ${types.join(', ')}; events shown: ${await events.count()}`);
  assert.ok(types.length >= 1 && types.every((ty) => /^(PER|ORG|LOC|TITLE|DATE|TIME|NUM|MONEY|PERCENT|MISC)$/.test(ty)), `entity types: ${types}`);
  assert.ok((await events.first().innerText()).trim().length > 0, 'the event shows some text');

  await screenshot(page, 'smoke');
  assert.deepEqual(errors, [], 'no page errors, console errors or failed requests');
});
