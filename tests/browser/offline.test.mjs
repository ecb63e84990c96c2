// Offline and safety (issue 6): the service worker lets the page reload and
// work with the server stopped; the single file (dist/vnextract.html, built
// here from www/) works opened from file://; the Content-Security-Policy is
// there and enforced; after loading, the page asks nothing of any server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  startServer, stopServer, launchBrowser, openPage, screenshot, viewShot, tid, paste, dispatchPaste, nextResult, currentResult, fixture,
  waitForResults, collectErrors, waitForServiceWorker, grantClipboard, toClipboard,
} from './page-helpers.mjs';
import { buildSingle } from '../../www/build-single.mjs';

test('once opened, the page reloads and works with the server stopped', async (t) => {
  const server = await startServer();
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await stopServer(server);
  });
  await grantClipboard(browser, server);
  const { page } = await openPage(browser, server.url);
  await waitForServiceWorker(page);
  const online = await currentResult(page);
  // The service worker keeps exactly the files the build lists (scripts/web-files.mjs).
  const { pageFiles } = await import('../../scripts/web-files.mjs');
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('vnextract-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname.replace(/^\//, ''));
  });
  assert.deepEqual(new Set(cached), new Set(['', ...pageFiles()]), 'the offline copy is the page’s files, every one');
  const article = await fixture('article.txt');

  // The manifest that makes the page installable.
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.start_url && manifest.icons.length > 0);

  await toClipboard(page, { text: '' });
  await stopServer(server);
  const probe = await page.evaluate(() => fetch('/no-such-file-' + Date.now()).then((r) => r.status, () => 'failed'));
  assert.equal(probe, 'failed', 'the server is really gone');

  const errors = collectErrors(page);
  await page.reload();
  await waitForResults(page, { name: 'offline-reload', errors });
  assert.deepEqual((await currentResult(page)).entities, online.entities, 'the example again, extracted offline');
  // The clipboard's writer tab has to be loaded before the server goes: a real paste needs it.
  const x = await nextResult(page, () => paste(page, { text: article }));
  assert.notEqual(x.text, online.text);
  assert.ok(x.entities.length > 0 && x.events.length > 0, 'new input is extracted offline');
  await screenshot(page, 'offline-reload');

  // A new tab on the same address opens offline too.
  const other = await browser.newPage();
  await other.goto(server.url);
  await waitForResults(other, { name: 'offline-new-tab' });
  await other.close();
  assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to fetch/.test(e)), []);
});

test('the single file works opened from disk, with no server and no requests', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vnextract-single-'));
  const { html, bytes, gzipBytes } = await buildSingle();
  const file = join(dir, 'vnextract.html');
  await writeFile(file, html);
  t.diagnostic(`single file: ${(bytes / 1024).toFixed(1)} KB, ${(gzipBytes / 1024).toFixed(1)} KB gzipped`);
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  });
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const requests = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await waitForResults(page, { name: 'single-file', errors });
  assert.match(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content), /connect-src 'none'/);

  const text = await fixture('article.txt');
  const x = await nextResult(page, () => dispatchPaste(page, { text }));
  assert.ok(x.entities.length > 0 && x.events.length > 0);
  for (const e of x.entities) assert.equal(x.text.slice(e.start, e.end), e.text);
  // The English switch and the exports work here too.
  await page.locator(tid('lang')).click();
  assert.equal((await page.locator('#h-events').innerText()).trim(), 'Events');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-json')).click()]);
  assert.ok(dl.suggestedFilename().endsWith('.json'));
  // The CSV files come from the core in the inlined worker, here too.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-csv-events')).click()]);
  assert.ok(csv.suggestedFilename().endsWith('-events.csv'));
  // A share link from a file on disk works only on this computer: the page says so (issue 14, point 8).
  await page.locator(tid('share')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="toast"]').textContent.length > 0);
  assert.match(await page.locator(tid('toast')).innerText(), /only on this computer/);
  await screenshot(page, 'single-file');
  const outside = requests.filter((u) => !/^(file|blob|data):/.test(u));
  assert.deepEqual(outside, [], 'nothing but the file itself, blob: and data: URLs');
  assert.deepEqual(errors, []);

  // The same input gives the same result as the served page.
  const server = await startServer();
  t.after(() => stopServer(server));
  const { page: served } = await openPage(browser, server.url);
  const y = await nextResult(served, () => dispatchPaste(served, { text }));
  assert.deepEqual(y, x);
});

test('the Content-Security-Policy is there and enforced, and the page makes no requests after loading', async (t) => {
  const server = await startServer();
  // A second origin that must never be reached.
  const elsewhere = await startServer();
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await stopServer(server);
    await stopServer(elsewhere);
  });
  await grantClipboard(browser, server);
  const { page, errors, dialogs } = await openPage(browser, server.url);
  await waitForServiceWorker(page);
  // The tab that writes the clipboard for the pastes below is loaded now, not counted after loading.
  await toClipboard(page, { text: '' });

  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  assert.equal(directives['default-src'], "'none'");
  assert.equal(directives['script-src'], "'self' 'wasm-unsafe-eval'");
  assert.equal(directives['connect-src'], "'self'");
  assert.equal(directives['object-src'], "'none'");
  assert.equal(directives['base-uri'], "'none'");

  // From here on: every request any part of the browser makes.
  const requests = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  const served = server.requests.length;

  const html = await fixture('article.html');
  const text = await fixture('article.txt');
  await nextResult(page, () => paste(page, { html, text: 'x' }));
  await nextResult(page, () => paste(page, { text }));
  for (const m of (await page.locator('[data-entity-type]').all()).slice(0, 5)) await m.hover();
  await page.locator('[data-entity-type]').first().click();
  await page.locator(tid('legend-toggle')).first().click();
  await page.locator(tid('show-removed')).check();
  await page.locator(tid('event')).first().locator('.event-head').click();
  for (const id of ['download-json', 'download-csv-entities', 'download-csv-events', 'download-md']) {
    await Promise.all([page.waitForEvent('download'), page.locator(tid(id)).click()]);
  }
  await page.locator(tid('share')).click();
  await page.locator(tid('lang')).click();
  await page.locator(tid('lang')).click();
  await page.waitForTimeout(500);
  assert.deepEqual(server.requests.slice(served), [], 'the server heard nothing after loading');
  assert.deepEqual(requests.filter((u) => !/^(blob|data):/.test(u)), [], 'no request left the page');

  // The policy holds: no connection to another origin, no injected script or image.
  const violations = await page.evaluate(async (other) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const fetched = await fetch(other + 'x.json').then(
      () => 'fetched',
      () => 'refused',
    );
    const s = document.createElement('script');
    s.textContent = 'window.__cspBroken = true';
    document.body.append(s);
    const img = document.createElement('img');
    img.src = other + 'pixel.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    s.remove();
    img.remove();
    return { fetched, seen, broken: window.__cspBroken === true };
  }, elsewhere.url);
  assert.equal(violations.fetched, 'refused');
  assert.equal(violations.broken, false, 'an inline script does not run');
  assert.ok(violations.seen.some((d) => d.startsWith('connect-src')), `connect-src violation (${violations.seen})`);
  assert.ok(violations.seen.some((d) => d.startsWith('script-src')), 'script-src violation');
  assert.ok(violations.seen.some((d) => d.startsWith('img-src')), 'img-src violation');
  assert.deepEqual(elsewhere.requests, [], 'the other origin was never reached');
  assert.deepEqual(dialogs, []);
  await viewShot(page, 'csp');
  // The violations just provoked are the only console errors.
  assert.deepEqual(errors.filter((e) => !/Content Security Policy|Failed to fetch|request failed: .* csp$/.test(e)), []);
});
