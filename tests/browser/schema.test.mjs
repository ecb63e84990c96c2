// One truth between Rust and JavaScript (issues 17 and 18): every id the
// core can send, as its wasm schema() lists them, has words in both of the
// page's languages, and the page keeps no words for ids nothing sends. The
// page reads its lists (entity types, the size limit) from the schema
// rather than keeping its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSetup, openPage } from './page-helpers.mjs';

const shared = sharedSetup();

/** The schema, straight from the wasm module (not from the page), and the page's strings. */
async function read(page) {
  return page.evaluate(async () => {
    const m = await import('./pkg/vnextract.js');
    await m.default();
    const { STRINGS } = await import('./i18n.js');
    const { PARTS_OF_DAY } = await import('./readable.js');
    return { schema: m.schema(), strings: STRINGS, partsOfDay: Object.values(PARTS_OF_DAY) };
  });
}

test('every id in schema() has words in Vietnamese and English, and no words are kept for ids nothing sends', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url, { waitResults: false });
  t.after(() => page.close());
  const { schema, strings, partsOfDay } = await read(page);
  // Each family of keys in i18n.js, and the ids the core can send for it.
  const families = {
    entity: schema.entityTypes,
    event: schema.eventTypes,
    reason: schema.removalReasons,
    warning: schema.warnings,
    error: schema.errors,
    // The parts of a rule id (issue 18): its base rule and its marks.
    rule: schema.rules,
    mark: schema.ruleMarks,
    // An event's status and part of the day: the values spec/output.md
    // gives them; the parts of the day also those of TIME values (readable.js).
    status: ['happened', 'planned', 'ongoing'],
    tod: partsOfDay,
  };
  for (const [family, ids] of Object.entries(families)) {
    assert.ok(ids.length > 0, `schema lists ${family} ids`);
    for (const lang of ['vi', 'en']) {
      for (const id of ids) {
        const s = strings[lang][`${family}.${id}`];
        assert.ok(typeof s === 'string' && s.trim() !== '', `${lang}: ${family}.${id} has words`);
      }
      const kept = Object.keys(strings[lang]).filter((k) => k.startsWith(family + '.')).map((k) => k.slice(family.length + 1));
      assert.deepEqual(kept.filter((id) => !ids.includes(id)), [], `${lang}: no words for ${family} ids nothing sends`);
    }
  }
  // Every key is in both languages, and every key with a dot belongs to a family above.
  assert.deepEqual(Object.keys(strings.vi).sort(), Object.keys(strings.en).sort(), 'the same keys in both languages');
  const stray = Object.keys(strings.vi).filter((k) => k.includes('.') && !(k.split('.')[0] in families));
  assert.deepEqual(stray, []);
  assert.deepEqual(errors, []);
});

test('the page takes its entity types and size limit from the core', async (t) => {
  const { page, errors } = await openPage(shared.browser, shared.server.url);
  t.after(() => page.close());
  const { schema } = await read(page);
  assert.deepEqual(await page.evaluate(() => globalThis.vnextract.schema), schema, 'the worker sent the schema');
  // The legend's order is the schema's.
  const legend = await page.locator('[data-testid="legend-toggle"]').evaluateAll((bs) => bs.map((b) => b.dataset.type));
  assert.deepEqual(legend, schema.entityTypes.filter((ty) => legend.includes(ty)));
  // The page's own code holds no copy of the limit or the type list.
  const sources = await page.evaluate(async () => {
    const files = ['app.js', 'input.js', 'pipeline.js', 'state.js', 'view.js', 'panels.js', 'i18n.js', 'actions.js'];
    return Promise.all(files.map(async (f) => [f, await (await fetch(f)).text()]));
  });
  for (const [file, text] of sources) {
    assert.doesNotMatch(text, /8 \* 1024 \* 1024|8388608/, `${file} keeps no size limit of its own`);
    assert.doesNotMatch(text, /\['PER', 'ORG'/, `${file} keeps no entity type list of its own`);
  }
  assert.deepEqual(errors, []);
});
