/**
 * Static files of the admin: the extension's own assets from reference-target/public/, vendor
 * libraries straight from node_modules (pinned versions, never a CDN), and the service worker.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { App } from '../app.ts';
import type { Reply, Req } from './types.ts';
import { reply } from './types.ts';
import { PROJECT_ROOT } from '../config.ts';

const PUBLIC_DIR = resolve(import.meta.dirname, '..', 'public');
const NODE_MODULES = resolve(PROJECT_ROOT, 'node_modules');

const VENDOR: Record<string, string> = {
  'javascript/jquery/jquery.min.js': 'jquery/dist/jquery.min.js',
  'javascript/bootstrap/js/bootstrap.min.js': 'bootstrap/dist/js/bootstrap.min.js',
  'javascript/bootstrap/css/bootstrap.min.css': 'bootstrap/dist/css/bootstrap.min.css',
  'javascript/chart.js/chart.umd.js': 'chart.js/dist/chart.umd.js',
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

const HEAVY_SCRIPT = `/* heavy-page fault: 2 MB of render-blocking script */\nwindow.__heavy = (window.__heavy || 0) + 1;\n/*${'x'.repeat(2 * 1024 * 1024)}*/\n`;

function file(path: string, extraHeaders: Record<string, string> = {}): Reply | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return reply(200, readFileSync(path), {
    'content-type': path.endsWith('manifest.json')
      ? 'application/manifest+json'
      : (TYPES[extname(path)] ?? 'application/octet-stream'),
    'cache-control': 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
}

/** `/admin/view/<path>` and `/admin/meschain-sw.js`; undefined when the URL is not static. */
export function serveStatic(req: Req, app: App): Reply | undefined {
  const path = decodeURIComponent(req.url.pathname);
  if (path === '/admin/meschain-sw.js') {
    const name = app.faults.has('sw-broken') ? 'sw-broken.js' : 'sw.js';
    return file(join(PUBLIC_DIR, 'javascript', 'meschain', name), {
      'service-worker-allowed': '/admin/',
      'cache-control': 'no-cache',
    });
  }
  if (!path.startsWith('/admin/view/')) return undefined;
  const rel = path.slice('/admin/view/'.length);
  if (rel === 'javascript/meschain/heavy.js') {
    return reply(200, HEAVY_SCRIPT, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
  }
  const vendor = VENDOR[rel];
  if (vendor) return file(join(NODE_MODULES, vendor));
  if (rel.startsWith('javascript/bootstrap/fonts/'))
    return file(join(NODE_MODULES, 'bootstrap/dist/fonts', rel.slice('javascript/bootstrap/fonts/'.length)));
  const full = normalize(join(PUBLIC_DIR, rel));
  if (!full.startsWith(PUBLIC_DIR + sep)) return reply(404, 'Not Found', { 'content-type': 'text/plain' });
  return file(full) ?? reply(404, 'Not Found', { 'content-type': 'text/plain' });
}
