// Shared helpers for the browser tests (node --test tests/browser/):
// serve www/ on 127.0.0.1, drive Debian's Chromium with playwright-core,
// keep screenshots. Run scripts/build-web.sh first (scripts/test.sh does),
// so that www/pkg holds the WebAssembly package.
//
//   const server = await startServer();          // { url, port, stop }
//   const browser = await launchBrowser();       // { context, newPage, close }
//   const page = await browser.newPage();
//   const errors = collectErrors(page);          // page errors and console errors
//   await page.goto(server.url);
//   await screenshot(page, 'name');              // target/browser-artifacts/name.png
//   await browser.close(); await stopServer(server);

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer as serveFolder } from '../../scripts/static-server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository's root folder. */
export const ROOT = resolve(HERE, '../..');
/** The page's folder, as served. */
export const WWW = join(ROOT, 'www');
/** Where screenshots and figures go (git-ignored, under cargo's target folder). */
export const ARTIFACTS = join(process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target'), 'browser-artifacts');
/** Debian's Chromium; CHROMIUM_PATH overrides it. Never a browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Serves `root` (default www/) on 127.0.0.1 at a free port:
 * `{ url, port, stop, requests }`, where `requests` lists the path of every
 * request the server has received (from the page, its workers and its
 * service worker alike), in order.
 */
export async function startServer({ root = WWW } = {}) {
  if (root === WWW && !existsSync(join(WWW, 'pkg', 'vnextract.js'))) {
    throw new Error('www/pkg/vnextract.js is missing: run scripts/build-web.sh first');
  }
  const served = await serveFolder({ root, port: 0 });
  served.requests = [];
  served.server.on('request', (req) => served.requests.push(req.url));
  return served;
}

/** Stops a server from startServer (so that offline behaviour can be tested); safe to call twice. */
export async function stopServer(server) {
  if (server && !server.stopped) {
    server.stopped = true;
    await server.stop();
  }
}

// As root, Chromium needs --no-sandbox; the rest keep it from reaching for
// the network (closed here: its background connections would be refused, many
// at a time) and from first-run work.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium with a fresh profile in a temporary folder.
 * Resolves to `{ context, newPage, close }`; `close()` also removes the profile.
 * `serviceWorkers: 'block'` keeps service workers out (so that page.route
 * sees every request); `colorScheme` 'light' or 'dark'.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 900 }, serviceWorkers = 'allow', colorScheme = 'light' } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (scripts/test.sh does)`);
  const profile = await mkdtemp(join(tmpdir(), 'vnextract-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      serviceWorkers,
      colorScheme,
      acceptDownloads: true,
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  return {
    context,
    /** A new tab. */
    newPage: () => context.newPage(),
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects uncaught page errors, console errors and failed requests of
 * `page` (its workers included) into the returned array, as strings.
 */
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Chromium asks for /favicon.ico by itself; a page without one is fine.
    if (msg.type() === 'error' && !msg.location()?.url?.endsWith('/favicon.ico')) {
      errors.push(`console error: ${msg.text()} (${msg.location()?.url ?? '?'})`);
    }
  });
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/favicon.ico')) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`worker console error: ${msg.text()}`);
    });
  });
  return errors;
}

/** Saves a full-page screenshot to target/browser-artifacts/<name>.png; returns its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Selectors the page exposes for its results: highlighted mentions and events. */
export const RESULTS = { entity: 'mark[data-entity-type]', event: '[data-testid=event]' };

/**
 * Waits until the page has drawn at least one highlighted mention and one
 * event (on a narrow screen the events sit in another tab: drawn, not shown).
 * On time-out, saves a screenshot `<name>-failure.png` and throws an error
 * naming it and whatever `errors` (from collectErrors) holds.
 */
export async function waitForResults(page, { timeout = 30_000, name = 'results', errors = [] } = {}) {
  try {
    await page.locator(RESULTS.entity).first().waitFor({ state: 'attached', timeout });
    await page.locator(RESULTS.event).first().waitFor({ state: 'attached', timeout });
  } catch (err) {
    const shot = await screenshot(page, `${name}-failure`).catch(() => 'none');
    throw new Error(`no highlights and events within ${timeout} ms (screenshot: ${shot}; errors: ${errors.join(' | ') || 'none'})`, {
      cause: err,
    });
  }
}
