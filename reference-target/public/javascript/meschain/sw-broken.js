/*
 * The `sw-broken` fault: served at /admin/meschain-sw.js instead of sw.js. Its install step
 * throws, so the worker never installs, never activates and never serves anything offline.
 */
'use strict';

self.addEventListener('install', function (event) {
  event.waitUntil(Promise.reject(new Error('MesChain-Sync service worker: precache failed (sw-broken fault)')));
  throw new Error('MesChain-Sync service worker: install failed (sw-broken fault)');
});

self.addEventListener('fetch', function () {
  // never reached: an uninstalled worker gets no fetch events
});
