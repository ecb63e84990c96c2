// The Web Worker that owns the WebAssembly extractor, so that extraction
// never blocks the page. Once the module is loaded it says so:
//
//   out: {ready: true, schema, version}      (schema(): every id the core emits)
//
// then one message in, one out:
//
//   in:  {id, kind: 'text' | 'blocks', input, options}
//   out: {id, ok: true, result, ms} | {id, ok: false, error, name, trap}
//
// `ms` is the time extract() itself took, as the binding records it in the
// performance timeline (the measure "vnextract:extract"); `name` is the
// error kind the binding sets (`input-too-large`, `invalid-option`). A
// trap (a panic in the module) leaves the module unusable; the page then
// replaces this worker.

import init, { extract, extractBlocks, schema, version } from './pkg/vnextract.js';

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
    const t0 = performance.now();
    const result = kind === 'blocks' ? extractBlocks(input, options) : extract(String(input ?? ''), options);
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
