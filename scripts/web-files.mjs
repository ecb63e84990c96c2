// The files the page needs, found once from www/ itself, for the three
// places that must agree on them (issue 18, part 4): the service worker's
// offline copy (written to www/pkg/files.js, which sw.js imports), the
// page-download budget (scripts/check-budgets.sh) and the tests.
//
//   node scripts/web-files.mjs --write   writes www/pkg/files.js
//   node scripts/web-files.mjs --list    prints the paths, one a line, relative to www/
//
// The page's files are www/'s top-level files that a browser loads (HTML,
// CSS, scripts, the manifest and icon), not the build tool, the service
// worker itself or the README, plus the wasm package's glue and module.

import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');

/** Top-level files that are not part of the page a browser loads. */
const NOT_LOADED = new Set(['build-single.mjs', 'sw.js', 'README.md']);
/** The package's files the page loads, named as wasm-pack.toml's [build] says (not its .d.ts or package.json). */
function packageFiles() {
  const toml = readFileSync(join(ROOT, 'wasm-pack.toml'), 'utf8');
  const setting = (key) => new RegExp(`^${key}\\s*=\\s*"([^"]+)"`, 'm').exec(toml)?.[1];
  const dir = (setting('out-dir') ?? 'www/pkg').replace(/^www\//, '');
  const name = setting('out-name') ?? 'vnextract';
  return [`${dir}/${name}.js`, `${dir}/${name}_bg.wasm`];
}

/** The page's files, relative to `www`, in a stable order: index.html first. */
export function pageFiles(www = WWW) {
  const own = readdirSync(www, { withFileTypes: true })
    .filter((d) => d.isFile() && !NOT_LOADED.has(d.name) && /\.(html|css|js|webmanifest|svg)$/.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
  return [...own, ...packageFiles()];
}

/** A short hash of every page file's bytes: the offline cache's version, new with each build. */
export function contentVersion(files, www = WWW) {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update(existsSync(join(www, f)) ? readFileSync(join(www, f)) : Buffer.alloc(0));
  }
  return h.digest('hex').slice(0, 16);
}

/** Writes www/pkg/files.js for sw.js: the list (with './' for the page's address) and the version. */
export function writeServiceWorkerList(www = WWW) {
  const files = pageFiles(www);
  const body =
    '// Written by scripts/web-files.mjs (scripts/build-web.sh): the files sw.js keeps for offline use.\n' +
    `self.VNX_FILES = ${JSON.stringify(['./', ...files])};\n` +
    `self.VNX_VERSION = ${JSON.stringify(contentVersion(files, www))};\n`;
  writeFileSync(join(www, 'pkg', 'files.js'), body);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2];
  if (arg === '--write') {
    const files = writeServiceWorkerList();
    console.log(`www/pkg/files.js: ${files.length} files for the service worker`);
  } else if (arg === '--list') {
    console.log(pageFiles().join('\n'));
  } else {
    console.error('usage: web-files.mjs --write | --list');
    process.exit(2);
  }
}
