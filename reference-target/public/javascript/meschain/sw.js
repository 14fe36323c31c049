/*
 * MesChain-Sync service worker, served at /admin/meschain-sw.js with scope /admin/.
 *  - static assets (/admin/view/...): cache-first, precached on install
 *  - JSON actions (route with a /<method> after the module): network-first; offline without a
 *    cached copy → 503 {"success": false, "error": "Offline - No cached data available", "offline": true}
 *  - navigations: network-first, falling back to the cached page, then to the offline shell
 *  - non-GET and cross-origin requests: not handled at all (no respondWith)
 * A new version takes over at once (skipWaiting + clients.claim) and deletes older caches.
 * `?v=<build>` on the worker URL is appended to the cache names.
 */
'use strict';

var CACHE_VERSION = 1;
var BUILD = (new URL(self.location.href).searchParams.get('v') || '').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40);
var SUFFIX = CACHE_VERSION + (BUILD ? '-' + BUILD : '');
var STATIC_CACHE = 'meschain-static-v' + SUFFIX;
var RUNTIME_CACHE = 'meschain-runtime-v' + SUFFIX;
var OWN_CACHES = [STATIC_CACHE, RUNTIME_CACHE];

var VIEW = '/admin/view/';
var OFFLINE_URL = VIEW + 'javascript/meschain/offline.html';

/** The offline shell: install fails if any of these cannot be fetched. */
var SHELL = [
  OFFLINE_URL,
  VIEW + 'stylesheet/stylesheet.css',
  VIEW + 'stylesheet/meschain/meschain.css',
  VIEW + 'javascript/meschain/manifest.json',
  VIEW + 'image/meschain/icons/icon-96x96.png',
  VIEW + 'image/meschain/icons/icon-192x192.png',
  VIEW + 'image/meschain/icons/icon-512x512.png',
];

/** Other static assets: precached when available. */
var ASSETS = [
  VIEW + 'javascript/jquery/jquery.min.js',
  VIEW + 'javascript/bootstrap/js/bootstrap.min.js',
  VIEW + 'javascript/bootstrap/css/bootstrap.min.css',
  VIEW + 'javascript/chart.js/chart.umd.js',
  VIEW + 'javascript/common.js',
  VIEW + 'javascript/meschain/pwa.js',
  VIEW + 'javascript/meschain/api.js',
  VIEW + 'javascript/meschain/dashboard.js',
  VIEW + 'javascript/meschain/marketplace_settings.js',
  VIEW + 'javascript/meschain/reporting.js',
  VIEW + 'javascript/meschain/sync_log.js',
  VIEW + 'javascript/meschain/webhooks.js',
];

/** Runtime responses larger than this are passed through without caching. */
var MAX_CACHED_BYTES = 1024 * 1024;

var OFFLINE_JSON = { success: false, error: 'Offline - No cached data available', offline: true };

/** OpenCart's startup/permission: these folders take a third route segment as part of the module. */
var EXTENSION_FOLDERS = [
  'advertise',
  'analytics',
  'captcha',
  'dashboard',
  'extension',
  'feed',
  'fraud',
  'module',
  'payment',
  'report',
  'shipping',
  'theme',
  'total',
];

function isAdminScript(url) {
  return url.pathname === '/admin/' || url.pathname === '/admin/index.php';
}

/** A JSON action: the route has a /<method> segment after the module (e.g. extension/module/webhooks/stats). */
function isApiRequest(url) {
  if (!isAdminScript(url)) return false;
  var parts = (url.searchParams.get('route') || '').split('/').filter(Boolean);
  var moduleLength = parts.length >= 3 && parts[0] === 'extension' && EXTENSION_FOLDERS.indexOf(parts[1]) >= 0 ? 3 : 2;
  return parts.length > moduleLength;
}

function isStatic(url) {
  return url.pathname.indexOf(VIEW) === 0;
}

/** Cache key without jQuery's cache-buster `_=<timestamp>`. */
function cacheKey(request) {
  var url = new URL(request.url);
  if (!url.searchParams.has('_')) return request;
  url.searchParams.delete('_');
  return new Request(url.toString(), { method: 'GET', headers: request.headers, credentials: request.credentials });
}

function cacheable(response) {
  // same-origin answers only ('default' = a Response built by code, e.g. in tests)
  if (!response || !response.ok || (response.type !== 'basic' && response.type !== 'default')) return false;
  var length = Number(response.headers.get('content-length') || 0);
  if (length > MAX_CACHED_BYTES) return false;
  return !/no-store/i.test(response.headers.get('cache-control') || '');
}

function put(cacheName, key, response) {
  if (!cacheable(response)) return Promise.resolve();
  var copy = response.clone();
  return caches
    .open(cacheName)
    .then(function (cache) {
      return cache.put(key, copy);
    })
    .catch(function () {
      // quota or a body already used: caching is best effort
    });
}

function offlineJson() {
  return new Response(JSON.stringify(OFFLINE_JSON), {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-MesChain-Offline': '1' },
  });
}

function cacheFirst(event) {
  var request = event.request;
  return caches.match(request).then(function (cached) {
    if (cached) return cached;
    return fetch(request).then(function (response) {
      event.waitUntil(put(STATIC_CACHE, request, response));
      return response;
    });
  });
}

function networkFirst(event, offline) {
  var request = event.request;
  var key = cacheKey(request);
  return fetch(request)
    .then(function (response) {
      event.waitUntil(put(RUNTIME_CACHE, key, response));
      return response;
    })
    .catch(function () {
      return caches.match(key).then(function (cached) {
        return cached || offline();
      });
    });
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then(function (cache) {
        return cache.addAll(SHELL).then(function () {
          return Promise.all(
            ASSETS.map(function (url) {
              return cache.add(url).catch(function () {
                // a missing optional asset must not stop the install
              });
            }),
          );
        });
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf('meschain-') === 0 && OWN_CACHES.indexOf(name) < 0;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      networkFirst(event, function () {
        return caches.match(OFFLINE_URL).then(function (shell) {
          return shell || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
        });
      }),
    );
  } else if (isApiRequest(url)) {
    event.respondWith(networkFirst(event, offlineJson));
  } else if (isStatic(url)) {
    event.respondWith(cacheFirst(event));
  } else if (isAdminScript(url)) {
    event.respondWith(
      networkFirst(event, function () {
        return Response.error();
      }),
    );
  }
});

/** `postMessage({type: 'version'})` answers with the cache names (handy for tests). */
self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'version' && event.source) {
    event.source.postMessage({ type: 'version', staticCache: STATIC_CACHE, runtimeCache: RUNTIME_CACHE });
  }
});
