// The Web Worker that owns the WebAssembly extractor, so that extraction
// never blocks the page. Once the module is loaded it says so:
//
//   out: {ready: true, schema, version}      (schema(): every id the core emits)
//
// then one message in, one out:
//
//   in:  {id, kind, input, options}
//   out: {id, ok: true, result, ms} | {id, ok: false, error, name, trap}
//
// Kinds: 'text' and 'blocks' extract a page (the result is the document of
// the output contract); 'eventsCsv', 'entitiesCsv' and 'timeline' report
// over `input` = [{name, extraction}] with the core's own report module,
// so that the page exports the CLI's columns.
//
// `ms` is the time extract() itself took, as the binding records it in the
// performance timeline (the measure "vnextract:extract"); `name` is the
// error kind the binding sets (`input-too-large`, `invalid-option`). A
// trap (a panic in the module) leaves the module unusable; the page then
// replaces this worker.

import init, { extract, extractBlocks, eventsCsv, entitiesCsv, timeline, schema, version } from './pkg/vnextract.js';

/** What each kind of job calls. */
const JOBS = {
  text: (input, options) => extract(String(input ?? ''), options),
  blocks: (input, options) => extractBlocks(input, options),
  eventsCsv: (input) => eventsCsv(input),
  entitiesCsv: (input) => entitiesCsv(input),
  timeline: (input) => timeline(input),
};

/** The module's bytes when the single-file build inlines them (see build-single.mjs): deflated, in base64. */
async function inlinedWasm() {
  // eslint-disable-next-line no-undef
  if (typeof VNX_WASM_DEFLATED !== 'string') return undefined;
  // eslint-disable-next-line no-undef
  const bin = atob(VNX_WASM_DEFLATED);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

const ready = inlinedWasm()
  .then((wasm) => init(wasm ? { module_or_path: wasm } : undefined))
  .then(() => {
    self.postMessage({ ready: true, schema: schema(), version: version() });
  });

/** How long the last extract() took: the binding's own measure, else the time around the call. */
function took(t0) {
  const measures = performance.getEntriesByName('vnextract:extract', 'measure');
  return measures.length ? measures[measures.length - 1].duration : performance.now() - t0;
}

self.onmessage = async (event) => {
  const { id, kind, input, options } = event.data ?? {};
  try {
    await ready;
    const job = JOBS[kind];
    if (!job) throw new Error(`unknown job: ${kind}`);
    const t0 = performance.now();
    const result = job(input, options);
    self.postMessage({ id, ok: true, result, ms: took(t0) });
  } catch (err) {
    self.postMessage({
      id,
      ok: false,
      error: String(err?.message ?? err),
      name: typeof err?.name === 'string' ? err.name : null,
      trap: err instanceof WebAssembly.RuntimeError,
    });
  }
};
