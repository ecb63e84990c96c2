// Helpers for the page's browser tests (issue 6), on top of harness.mjs:
// open the page, paste and drop like a user, wait for the next result, read
// the newest result, capture downloads, measure contrast, log figures.

import { before, after } from 'node:test';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stopServer, launchBrowser, collectErrors, screenshot, waitForResults, ARTIFACTS } from './harness.mjs';
import { mkdir } from 'node:fs/promises';

export { startServer, stopServer, launchBrowser, collectErrors, screenshot, waitForResults };

const HERE = dirname(fileURLToPath(import.meta.url));
/** The tests' own input pages (invented articles). */
export const FIXTURES = join(HERE, 'fixtures');
export const fixture = (name) => readFile(join(FIXTURES, name), 'utf8');

/**
 * Saves a screenshot of the viewport only (target/browser-artifacts/<name>.png):
 * for states where a full-page shot would lay out a huge input again.
 */
export async function viewShot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * For a test file that shares one server and one browser among its tests:
 * registers before/after hooks and returns `{ server, browser }`, filled in
 * once the `before` hook has run; then `setup(shared)`, when given, runs
 * in the same hook. `options` go to launchBrowser.
 */
export function sharedSetup(options, setup = async () => {}) {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser(options);
    // Real pastes (Ctrl+V) and copies go through the system clipboard.
    await grantClipboard(shared.browser, shared.server);
    await setup(shared);
  });
  after(async () => {
    await shared.browser?.close();
    await stopServer(shared.server);
  });
  return shared;
}

/** Waits until a service worker controls `page` (by then it has cached the page's files). */
export async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/** `[data-testid=id]`. */
export const tid = (id) => `[data-testid="${id}"]`;

/**
 * Opens the page at `url` in a new tab of `browser` and waits for the
 * example's (or the shared link's) results. Returns `{ page, errors, dialogs }`.
 */
export async function openPage(browser, url, { waitResults = true } = {}) {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.goto(url);
  if (waitResults) await waitForResults(page, { errors, name: 'open' });
  return { page, errors, dialogs };
}

/** The text of `locator` as a reader sees it: without the type words that only screen readers get (.sr-label). */
export function shownText(locator) {
  return locator.evaluate((n) => {
    const copy = n.cloneNode(true);
    for (const l of copy.querySelectorAll('.sr-label')) l.remove();
    return copy.textContent;
  });
}

/** How many results the page has drawn so far. */
export async function resultCount(page) {
  return Number((await page.locator(tid('status')).getAttribute('data-results')) ?? 0);
}

/** Runs `action`, then waits until the page draws a newer result; resolves to that result. */
export async function nextResult(page, action, { timeout = 30_000 } = {}) {
  const before = await resultCount(page);
  await action();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="status"]')?.dataset.results ?? 0) > n && document.body.dataset.busy !== 'true',
    before,
    { timeout },
  );
  return currentResult(page);
}

/** The newest extraction the page shows (window.vnextract.result). */
export function currentResult(page) {
  return page.evaluate(() => globalThis.vnextract.result);
}

/** The origin of the tab that writes the clipboard: the server under another host name, so that it is outside the page's service worker. */
const writerOrigin = (url) => {
  const u = new URL(url);
  u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return u.origin;
};

/** Lets the pages of `browser` served by `server` (and the clipboard's writer tab) read and write the clipboard. */
export async function grantClipboard(browser, server) {
  for (const origin of [new URL(server.url).origin, writerOrigin(server.url)]) {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
}

/** Per browser context: a tab (the server's plain 404 page, no CSP, under another host name) that writes the clipboard. */
const clipboardTabs = new WeakMap();

/**
 * Puts `text` (text/plain) and/or `html` (text/html) on the system
 * clipboard, as a copy in another program does. Written from a tab of its
 * own: Chromium parses HTML written to the clipboard in the writing page,
 * whose CSP would then report the pasted page's inline handlers.
 */
export async function toClipboard(page, { text, html }) {
  const context = page.context();
  let writer = clipboardTabs.get(context);
  if (!writer || writer.isClosed()) {
    writer = await context.newPage();
    await writer.goto(writerOrigin(page.url()) + '/__clipboard__');
    clipboardTabs.set(context, writer);
  }
  await writer.bringToFront();
  await writer.evaluate(
    async ({ text, html }) => {
      const items = {};
      if (text !== undefined) items['text/plain'] = new Blob([text], { type: 'text/plain' });
      if (html !== undefined) items['text/html'] = new Blob([html], { type: 'text/html' });
      await navigator.clipboard.write([new ClipboardItem(items)]);
    },
    { text, html },
  );
  await page.bringToFront();
}

/**
 * Pastes like a user: `text` and/or `html` on the clipboard, then Ctrl+V in
 * the input box. `at`: 'all' selects the box's text first (Ctrl+A, the
 * default), a number puts the caret there, 'keep' leaves the selection.
 */
export async function paste(page, { text, html }, { at = 'all' } = {}) {
  await toClipboard(page, { text, html });
  const box = page.locator(tid('input'));
  await box.focus();
  if (at === 'all') await page.keyboard.press('Control+A');
  else if (typeof at === 'number') await box.evaluate((b, at) => b.setSelectionRange(at, at), at);
  await page.keyboard.press('Control+V');
}

/**
 * Dispatches a paste event carrying `text` and/or `html` on the input box
 * (its whole text selected), for pages where the system clipboard is out
 * of reach (the single file opened from file://). Elsewhere, use `paste`.
 */
export async function dispatchPaste(page, { text, html }) {
  await page.locator(tid('input')).evaluate(
    (box, { text, html }) => {
      const data = new DataTransfer();
      if (html !== undefined) data.setData('text/html', html);
      if (text !== undefined) data.setData('text/plain', text);
      box.focus();
      box.select();
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { text, html },
  );
}

/** Types `text` into the input box as a user would (replacing what is there): an input event per change. */
export async function typeText(page, text) {
  await page.locator(tid('input')).fill(text);
}

/** Drops a file named `name` of MIME `type` holding `content` on the input area. */
export function dropFile(page, file) {
  return dropFiles(page, [file]);
}

/** Drops several files at once (`[{name, type, content}]`) on the input area. */
export async function dropFiles(page, files) {
  await page.locator(tid('dropzone')).evaluate(
    (zone, files) => {
      const data = new DataTransfer();
      for (const { name, type, content } of files) data.items.add(new File([content], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    files,
  );
}

/** Clicks `selector` and resolves to the download it starts: `{ name, text }`. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * WCAG contrast of text in the page: for each `[selector, pseudo]` the
 * first matching element's text colour against the nearest opaque
 * background behind it (its own, or an ancestor's). Resolves to
 * `[{ selector, pseudo, fg, bg, ratio }]`.
 */
export function contrasts(page, probes) {
  return page.evaluate((probes) => {
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 };
    };
    return probes.map(([selector, pseudo]) => {
      const node = document.querySelector(selector);
      if (!node) return { selector, pseudo, missing: true };
      const fg = parse(getComputedStyle(node, pseudo ?? null).color);
      const bg = background(node);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      return { selector, pseudo, fg: getComputedStyle(node, pseudo ?? null).color, bg: `rgb(${bg.r}, ${bg.g}, ${bg.b})`, ratio: (a + 0.05) / (b + 0.05) };
    });
  }, probes);
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** An invented Vietnamese news article of about `bytes` UTF-8 bytes, different for each `seed`; no two paragraphs alike. */
export function longArticle(bytes, seed = 0) {
  const people = ['Nguyễn Minh Khôi', 'Trần Thu Phương', 'Lê Đức Thắng', 'Phạm Hải Yến', 'Đỗ Quang Vinh', 'Hoàng Bảo Ngọc'];
  const guests = ['Henrik Aaltonen', 'Marta Kowalczyk', 'Joaquín Herrera', 'Ingrid Solberg', 'Tomasz Nowak', 'Elena Duarte'];
  const lands = ['Phần Lan', 'Ba Lan', 'Chile', 'Na Uy', 'Bồ Đào Nha', 'Argentina'];
  const places = ['Hà Nội', 'Đà Nẵng', 'Cần Thơ', 'Hải Phòng', 'Huế', 'Quy Nhơn'];
  const pick = (xs, i) => xs[(i + seed) % xs.length];
  const lines = [`Bộ trưởng ${pick(people, 0)} đón đoàn ${pick(lands, 0)} do ${pick(guests, 0)} dẫn đầu`, ''];
  for (let i = 0; Buffer.byteLength(lines.join('\n')) < bytes; i++) {
    const day = 1 + ((i * 7 + seed) % 28);
    const month = 1 + ((i + seed) % 12);
    lines.push(
      `Sáng ${day}/${month}, tại ${pick(places, i)}, Bộ trưởng ${pick(people, i)} đã tiếp Đại sứ ${pick(lands, i + 1)} ${pick(guests, i + 1)} ` +
        `trong buổi làm việc thứ ${i + 1} của năm. Hai vị đồng ý đưa giá trị trao đổi hàng hóa lên ${2 + (i % 9)},${i % 10} tỷ USD ` +
        `vào năm ${2026 + (i % 5)}, hơn ${10 + (i % 15)}% so với cùng kỳ, và làm ăn nhiều hơn trong đào tạo nghề, điện mặt trời và trồng lúa.`,
      '',
    );
  }
  return lines.join('\n');
}
