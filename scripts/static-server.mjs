// A static file server for www/, on 127.0.0.1 only, with the MIME types a
// module page needs (text/javascript for .js/.mjs, application/wasm so that
// WebAssembly.instantiateStreaming works). No dependencies: scripts/serve.sh
// runs it as a program; tests/browser/harness.mjs imports startServer.
//
//   node scripts/static-server.mjs [--root DIR] [--port N]

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by file extension; anything else is application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The file a URL path names under `root`, or null when it would leave `root`. */
export function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null; // malformed %-escape
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, '.' + (path.startsWith('/') ? path : '/' + path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function handle(root, req, res) {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
  let file = fileFor(root, req.url ?? '/');
  if (!file) return send(403, 'forbidden\n');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(404, 'not found\n');
  res.writeHead(200, {
    'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    // A development server: always the file as built just now.
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves `root` on 127.0.0.1. `port` 0 takes a free port. With `tryNext`,
 * a busy port gives way to the next ones (up to 20) instead of failing.
 * Resolves to `{ url, port, server, stop }`; `stop()` closes every connection.
 */
export async function startServer({ root, port = 0, tryNext = false } = {}) {
  const dir = resolve(root);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`cannot serve ${dir}: not a folder`);
  for (let attempt = 0; ; attempt++) {
    const server = createServer((req, res) => {
      handle(dir, req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`server error: ${err.message}\n`);
      });
    });
    const want = port && tryNext ? port + attempt : port;
    try {
      await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(want, '127.0.0.1', ok);
      });
    } catch (err) {
      if (err.code === 'EADDRINUSE' && tryNext && port && attempt < 20) continue;
      throw err;
    }
    const actual = server.address().port;
    const stop = () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      });
    return { url: `http://127.0.0.1:${actual}/`, port: actual, server, stop };
  }
}

function parseArgs(argv) {
  const opts = { root: 'www', port: 8000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') opts.root = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}; usage: static-server.mjs [--root DIR] [--port N]`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port needs a port number');
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { root, port } = parseArgs(process.argv.slice(2));
    const { url, stop } = await startServer({ root, port, tryNext: true });
    console.log(`serving ${root}/ at ${url}  (Ctrl-C stops)`);
    const quit = () => stop().then(() => process.exit(0));
    process.on('SIGINT', quit);
    process.on('SIGTERM', quit);
  } catch (err) {
    console.error(`static-server: ${err.message}`);
    process.exit(1);
  }
}
