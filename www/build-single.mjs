// Writes the single-file build: one HTML file holding the page, its styles,
// its scripts, the extraction worker and the WebAssembly module (base64),
// that works when opened straight from disk (file://) with no server and no
// network. No dependencies beyond Node.
//
//   node www/build-single.mjs [--www DIR] [--out FILE]
//   (defaults: this folder, and dist/vnextract.html next to it)
//
// Needs the wasm package in www/pkg (scripts/build-web.sh). How:
// - the page's ES modules (app.js and what it imports) are joined into one
//   inline <script type="module">, each module wrapped in a function scope,
//   its imports turned into reads of the modules before it;
// - the worker (worker.js with the wasm-bindgen glue, joined the same way
//   but as a classic script) and the module's bytes (deflated, base64) become one string,
//   VNX_WORKER_SOURCE, which app.js starts as a Blob-URL worker;
// - the Content-Security-Policy allows exactly these inline script and style
//   blocks (by SHA-256), blob: workers and wasm compilation; nothing else.
//
// Only the import/export forms this code base uses are understood; any other
// form stops the build with a message rather than producing a broken file.

import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync, deflateRawSync } from 'node:zlib';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The single-file Content-Security-Policy, given the hashes of the inline blocks. */
export function singleFileCsp(scriptHash, styleHash) {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}' 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    `style-src '${styleHash}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

const sha256 = (text) => 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * Turns one ES module into a function body that returns its exports.
 * `resolveImport(spec)` names the variable holding an imported module.
 * Returns `{ body, exports: Map<exportedName, localName> }`.
 */
export function transformModule(source, file, resolveImport) {
  const exports = new Map();
  const lines = source.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m;
    if (/^\s*import\b/.test(line) && !/^\s*import\s*\(/.test(line)) {
      m = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*'([^']+)';?\s*$/.exec(line);
      if (!m || (!m[1] && m[2] === undefined)) throw new Error(`${file}:${i + 1}: unsupported import form: ${line.trim()}`);
      const mod = resolveImport(m[3]);
      const parts = [];
      if (m[1]) parts.push(`const ${m[1]} = ${mod}.default;`);
      if (m[2] !== undefined) {
        const names = m[2]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            const [name, alias] = s.split(/\s+as\s+/);
            return alias ? `${name}: ${alias}` : name;
          });
        if (names.length) parts.push(`const { ${names.join(', ')} } = ${mod};`);
      }
      out.push(parts.join(' '));
    } else if ((m = /^export\s+((?:async\s+)?function\*?|const|let|var|class)\s+([\w$]+)/.exec(line))) {
      exports.set(m[2], m[2]);
      out.push(line.replace(/^export\s+/, ''));
    } else if ((m = /^export\s*\{([^}]*)\};?\s*$/.exec(line))) {
      for (const s of m[1].split(',').map((x) => x.trim()).filter(Boolean)) {
        const [local, exported] = s.split(/\s+as\s+/);
        exports.set(exported ?? local, local);
      }
      out.push('');
    } else if ((m = /^export\s+default\s+([\w$]+);?\s*$/.exec(line))) {
      exports.set('default', m[1]);
      out.push('');
    } else if (/^\s*export\b/.test(line)) {
      throw new Error(`${file}:${i + 1}: unsupported export form: ${line.trim()}`);
    } else {
      out.push(line);
    }
  }
  const ret = [...exports].map(([name, local]) => (name === local ? name : `${JSON.stringify(name)}: ${local}`));
  return { body: out.join('\n') + `\nreturn { ${ret.join(', ')} };`, exports };
}

/**
 * Joins the module graph under `entry` into one script, dependencies first.
 * Each module becomes `const __m_N = await (async () => { … })();`; with
 * `classic`, a plain `(() => { … })()` (no top-level await there) and
 * `import.meta.url` read as the script's location, for a classic worker.
 */
export async function bundle(entry, { classic = false } = {}) {
  const order = [];
  const ids = new Map();
  const visiting = new Set();
  const visit = async (file) => {
    if (ids.has(file)) return;
    if (visiting.has(file)) throw new Error(`import cycle through ${file}`);
    visiting.add(file);
    const source = await readFile(file, 'utf8');
    const deps = [...source.matchAll(/^import\s[^'\n]*'([^']+)';?\s*$/gm)].map((m) => m[1]);
    for (const spec of deps) {
      if (!spec.startsWith('.')) throw new Error(`${file}: only relative imports can be inlined: ${spec}`);
      await visit(resolve(dirname(file), spec));
    }
    visiting.delete(file);
    ids.set(file, `__m_${ids.size}`);
    order.push({ file, source });
  };
  await visit(resolve(entry));
  const parts = order.map(({ file, source }) => {
    let { body } = transformModule(source, relative(HERE, file), (spec) => ids.get(resolve(dirname(file), spec)));
    if (classic) {
      body = body.replace(/\bimport\.meta\.url\b/g, 'self.location.href');
      return `// ---- ${relative(HERE, file)}\nconst ${ids.get(file)} = (() => {\n${body}\n})();`;
    }
    return `// ---- ${relative(HERE, file)}\nconst ${ids.get(file)} = await (async () => {\n${body}\n})();`;
  });
  return parts.join('\n');
}

/** Makes text safe inside an inline <script> or <style> element. */
function inlineSafe(text, what) {
  if (/<!--/.test(text)) throw new Error(`${what} contains "<!--", which an inline script cannot hold`);
  // "</script" or "</style" would end the element early; "<\/" means the same in JS strings and regexps.
  return text.replace(/<\/(script|style)/gi, '<\\/$1');
}

function replaceOnce(html, pattern, replacement, what) {
  let hits = 0;
  const out = html.replace(pattern, (...args) => {
    hits++;
    return typeof replacement === 'function' ? replacement(...args) : replacement;
  });
  if (hits !== 1) throw new Error(`index.html: expected one ${what}, found ${hits}`);
  return out;
}

/** Builds the single file from `www`; returns `{ html, bytes, gzipBytes }`. */
export async function buildSingle(www = HERE) {
  const wasmPath = join(www, 'pkg', 'vnextract_bg.wasm');
  const wasm = await readFile(wasmPath).catch(() => {
    throw new Error(`${wasmPath} is missing: run scripts/build-web.sh first`);
  });
  // A classic worker: from a file:// page (an opaque origin) Chromium will
  // not start a module worker from a blob: URL.
  const workerCode = await bundle(join(www, 'worker.js'), { classic: true });
  // The module deflated before base64 (the worker inflates it with
  // DecompressionStream): base64 of raw wasm gzips poorly, and the single
  // file is what gets mailed around.
  const deflated = deflateRawSync(wasm, { level: 9 }).toString('base64');
  const workerSource = `const VNX_WASM_DEFLATED = "${deflated}";\n${workerCode}\n`;
  const appCode = await bundle(join(www, 'app.js'));
  const script = inlineSafe(`const VNX_WORKER_SOURCE = ${JSON.stringify(workerSource)};\n${appCode}\n`, 'the page script');
  const style = inlineSafe(await readFile(join(www, 'style.css'), 'utf8'), 'style.css');
  const icon = 'data:image/svg+xml;base64,' + (await readFile(join(www, 'icon.svg'))).toString('base64');

  let html = await readFile(join(www, 'index.html'), 'utf8');
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${singleFileCsp(sha256(script), sha256(style))}">`, 'CSP meta');
  html = replaceOnce(html, /<link rel="manifest"[^>]*>\n?/, '', 'manifest link');
  html = replaceOnce(html, /<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`, 'icon link');
  html = replaceOnce(html, /<link rel="stylesheet" href="style.css">/, () => `<style>${style}</style>`, 'stylesheet link');
  html = replaceOnce(html, /<script type="module" src="app.js"><\/script>/, () => `<script type="module">${script}</script>`, 'app script');
  const bytes = Buffer.byteLength(html);
  return { html, bytes, gzipBytes: gzipSync(html, { level: 9 }).length };
}

function parseArgs(argv) {
  const opts = { www: HERE, out: join(HERE, '..', 'dist', 'vnextract.html') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--www') opts.www = resolve(argv[++i]);
    else if (argv[i] === '--out') opts.out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; usage: build-single.mjs [--www DIR] [--out FILE]`);
  }
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { www, out } = parseArgs(process.argv.slice(2));
    const { html, bytes, gzipBytes } = await buildSingle(www);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, html);
    console.log(`${relative(process.cwd(), out) || out}: ${(bytes / 1024).toFixed(1)} KB, ${(gzipBytes / 1024).toFixed(1)} KB gzipped`);
  } catch (err) {
    console.error(`build-single: ${err.message}`);
    process.exit(1);
  }
}
