// The first screen, kept as pictures (issue 14): the example, an empty
// state and a long article, at 1280 and 390 px wide, each saved to
// target/browser-artifacts/first-screen-<state>-<width>.png, with what a
// reader must find on it without scrolling.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, stopServer, openPage, tid, paste, nextResult, viewShot, longArticle, grantClipboard } from './page-helpers.mjs';

/** Whether the element is at least partly inside the window. */
const onScreen = (page, selector) =>
  page.locator(selector).first().evaluate((n) => {
    const r = n.getBoundingClientRect();
    return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
  });

for (const [width, height] of [
  [1280, 900],
  [390, 844],
]) {
  test(`first screen at ${width} px: the example, an empty state, a long article`, async (t) => {
    const server = await startServer();
    const browser = await launchBrowser({ viewport: { width, height } });
    t.after(async () => {
      await browser.close();
      await stopServer(server);
    });
    await grantClipboard(browser, server);
    const { page, errors } = await openPage(browser, server.url);
    const wide = width > 800;

    // The example, as the page opens.
    await viewShot(page, `first-screen-example-${width}`);
    assert.ok(await onScreen(page, tid('input')), 'the input box');
    assert.ok(await onScreen(page, tid('article-title')), 'the article’s title');
    if (wide) assert.ok(await onScreen(page, tid('event')), 'the main event, beside the article');
    else assert.ok(await onScreen(page, tid('tabs')), 'the tabs to the events and entities');

    // Empty: one notice, near the top.
    await nextResult(page, () => page.locator(tid('clear')).click());
    await viewShot(page, `first-screen-empty-${width}`);
    assert.ok(await onScreen(page, tid('notice')), 'the notice saying what is missing');
    assert.equal(await page.locator(`${tid('notice-line')}:visible`).count(), 1);

    // A long article, pasted: the page brings its results to the top.
    const text = longArticle(60_000, 5);
    const x = await nextResult(page, () => paste(page, { text }));
    assert.ok(x.text.length > 30_000);
    await page.mouse.move(0, 0); // no tooltip left under the pointer in the picture
    await viewShot(page, `first-screen-long-${width}`);
    assert.ok(await onScreen(page, tid('article-title')), 'the article’s title');
    if (wide) assert.ok(await onScreen(page, tid('event')), 'events beside it');
    else {
      const bar = await page.locator(tid('tabs')).boundingBox();
      assert.ok(bar.y < 80, 'the tab bar at the top');
    }
    assert.ok(!(await onScreen(page, tid('input'))) || wide, 'on a phone the input has scrolled away for the results');
    assert.deepEqual(errors, []);
  });
}
