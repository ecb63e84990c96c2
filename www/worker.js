// The Web Worker that owns the WebAssembly extractor, so that extraction
// never blocks the page. One message in, one out:
//
//   in:  {id, kind: 'text' | 'blocks', input, options}
//   out: {id, ok: true, result, ms} | {id, ok: false, error, trap}
//
// `ms` is the time extract() itself took. A trap (a panic in the module)
// leaves the module unusable; the page then replaces this worker.

import init, { extract, extractBlocks } from './pkg/vnextract.js';

/** The module's bytes when the single-file build inlines them (see build-single.mjs). */
function inlinedWasm() {
  // eslint-disable-next-line no-undef
  if (typeof VNX_WASM_BASE64 !== 'string') return undefined;
  // eslint-disable-next-line no-undef
  const b64 = VNX_WASM_BASE64;
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

const wasm = inlinedWasm();
const ready = init(wasm ? { module_or_path: wasm } : undefined);

self.onmessage = async (event) => {
  const { id, kind, input, options } = event.data ?? {};
  try {
    await ready;
    const t0 = performance.now();
    const result = kind === 'blocks' ? extractBlocks(input, options) : extract(String(input ?? ''), options);
    const ms = performance.now() - t0;
    self.postMessage({ id, ok: true, result, ms });
  } catch (err) {
    self.postMessage({
      id,
      ok: false,
      error: String(err?.message ?? err),
      trap: err instanceof WebAssembly.RuntimeError,
    });
  }
};
