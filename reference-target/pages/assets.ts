/**
 * Every URL the admin pages load, and where the static handler finds the files behind them.
 * Own files live in reference-target/public/ (served at /admin/view/<path>); vendor files are
 * served straight from node_modules at OpenCart-like URLs (never copied into the repo).
 */
export const ADMIN_BASE = '/admin/';
export const VIEW_BASE = '/admin/view/';

/** URL of a file under reference-target/public/. */
export const asset = (path: string): string => `${VIEW_BASE}${path}`;

export const VENDOR = {
  jquery: asset('javascript/jquery/jquery.min.js'),
  bootstrapJs: asset('javascript/bootstrap/js/bootstrap.min.js'),
  bootstrapCss: asset('javascript/bootstrap/css/bootstrap.min.css'),
  chartJs: asset('javascript/chart.js/chart.umd.js'),
} as const;

/** Vendor URL → file path relative to the project root (jquery 3.7.1, bootstrap 3.4.1, chart.js 4.6.1). */
export const VENDOR_FILES: Readonly<Record<string, string>> = {
  [VENDOR.jquery]: 'node_modules/jquery/dist/jquery.min.js',
  [VENDOR.bootstrapJs]: 'node_modules/bootstrap/dist/js/bootstrap.min.js',
  [VENDOR.bootstrapCss]: 'node_modules/bootstrap/dist/css/bootstrap.min.css',
  [VENDOR.chartJs]: 'node_modules/chart.js/dist/chart.umd.js',
};

export const STYLES = {
  admin: asset('stylesheet/stylesheet.css'),
  meschain: asset('stylesheet/meschain/meschain.css'),
} as const;

export const SCRIPTS = {
  common: asset('javascript/common.js'),
  pwa: asset('javascript/meschain/pwa.js'),
  api: asset('javascript/meschain/api.js'),
  dashboard: asset('javascript/meschain/dashboard.js'),
  marketplaceSettings: asset('javascript/meschain/marketplace_settings.js'),
  reporting: asset('javascript/meschain/reporting.js'),
  syncLog: asset('javascript/meschain/sync_log.js'),
  webhooks: asset('javascript/meschain/webhooks.js'),
} as const;

/** The render-blocking script the `heavy-page` fault adds 60 times (served by the static handler). */
export const HEAVY_SCRIPT = asset('javascript/meschain/heavy.js');
export const HEAVY_SCRIPT_COUNT = 60;

export const PWA = {
  manifest: asset('javascript/meschain/manifest.json'),
  offlinePage: asset('javascript/meschain/offline.html'),
  /** Served by the lead from public/javascript/meschain/sw.js (sw-broken.js under the `sw-broken` fault). */
  serviceWorker: `${ADMIN_BASE}meschain-sw.js`,
  scope: ADMIN_BASE,
  themeColor: '#3B82F6',
} as const;

export const ICON_SIZES = [72, 96, 128, 144, 152, 192, 384, 512] as const;
export const iconUrl = (size: number, maskable = false): string =>
  asset(`image/meschain/icons/icon-${size}x${size}${maskable ? '-maskable' : ''}.png`);
