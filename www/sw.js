// The service worker: keeps the page's own files so that, once opened, the
// page loads and works with the network gone. Network first (a fresh copy
// whenever the server answers, so a new build shows at once), the cache when
// it does not. Nothing outside this origin is ever fetched or cached.
// Installing asks for each file with cache: 'no-cache': revalidated against
// the browser's HTTP cache, so that on a host that sends ETag or
// Last-Modified the files the page has just loaded come back as 304s
// instead of a second download.

//
// The list of files and its version come from the build
// (scripts/web-files.mjs writes pkg/files.js), so that no file the page
// loads is ever left out of the offline copy; each build gets a new cache.

/* global VNX_FILES, VNX_VERSION */
importScripts('pkg/files.js');

const CACHE = 'vnextract-' + VNX_VERSION;
const FILES = VNX_FILES;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      } catch (err) {
        const cached =
          (await cache.match(request, { ignoreSearch: true })) ??
          (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
        if (cached) return cached;
        throw err;
      }
    })(),
  );
});
