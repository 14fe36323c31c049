/* Registers the MesChain-Sync service worker (scope /admin/) on every admin page. */
(function (window) {
  'use strict';
  var navigator = window.navigator;
  if (!navigator.serviceWorker) return;
  var body = window.document.body;
  var url = body.getAttribute('data-sw-url') || '/admin/meschain-sw.js';
  var scope = body.getAttribute('data-sw-scope') || '/admin/';
  var register = function () {
    window.meschainServiceWorker = navigator.serviceWorker.register(url, { scope: scope }).catch(function (err) {
      console.warn('MesChain-Sync service worker registration failed:', err);
      return null;
    });
  };
  if (window.document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})(window);
