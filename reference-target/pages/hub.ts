/** The hub dashboard `extension/module/meschain_sync`: cards, two charts, status table, hub settings. */
import type { AdminReq, App } from '../app.ts';
import { chartData, dashboardMetrics, type ChartData, type DashboardMetrics } from '../extension/models/dashboard.ts';
import { hubSettings } from '../extension/models/settings.ts';
import { moduleRoute } from '../extension/modules.ts';
import type { Reply } from '../http/types.ts';
import { SCRIPTS } from './assets.ts';
import { formatDateTime, formatInt, formatPercent } from './format.ts';
import { adminLink, renderPage } from './layout.ts';

export const HUB_ROUTE = moduleRoute('meschain_sync');
export const DASHBOARD_POLL_MS = 30_000;
export const JOB_POLL_MS = 1_000;
export const DEFAULT_SYNC_LIMIT = 50;

/** The `chart-empty` fault: same labels, every dataset empty (the JSON chartData action should do the same). */
// Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
export function emptyChartData(c: ChartData): ChartData {
  return {
    labels: c.labels,
    sync_counts: c.sync_counts.map((s) => ({ ...s, data: [] })),
    product_distribution: { ...c.product_distribution, data: [] },
  };
}
// Stryker restore all

/** The `flaky-ui` fault: counts hub renders in the session; every second one has no status table. */
// Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
export function statusTableShown(req: AdminReq, app: App): boolean {
  const renders = (req.session.dashboard_renders ?? 0) + 1;
  req.session.dashboard_renders = renders;
  return !(app.faults.has('flaky-ui') && renders % 2 === 0);
}
// Stryker restore all

export function hubUrls(token: string): Record<string, unknown> {
  return {
    metrics: adminLink(`${HUB_ROUTE}/metrics`, token),
    chart_data: adminLink(`${HUB_ROUTE}/chartData`, token),
    save: adminLink(`${HUB_ROUTE}/save`, token),
    job: adminLink(`${HUB_ROUTE}/job`, token),
  };
}

function cards(metrics: DashboardMetrics, token: string) {
  return metrics.marketplaces.map((m) => ({
    code: m.marketplace,
    title: m.title,
    enabled: m.enabled,
    status_text: m.enabled ? 'Enabled' : 'Disabled',
    synced_products: formatInt(m.synced_products),
    orders: formatInt(m.orders),
    last_sync: formatDateTime(m.last_sync),
    success_rate: formatPercent(m.success_rate),
    settings_href: adminLink(moduleRoute(m.marketplace), token),
    sync_url: adminLink(`${moduleRoute(m.marketplace)}/sync_products`, token),
  }));
}

function summary(m: DashboardMetrics) {
  return [
    { id: 'total-products', label: 'Products in store', value: formatInt(m.total_products) },
    { id: 'active-marketplaces', label: 'Active marketplaces', value: formatInt(m.active_marketplaces) },
    { id: 'synced-products', label: 'Synced products', value: formatInt(m.synced_products) },
    { id: 'error-products', label: 'Products with errors', value: formatInt(m.error_products) },
    { id: 'total-orders', label: 'Marketplace orders', value: formatInt(m.total_orders) },
    { id: 'success-rate', label: `Sync success (${m.window_days} days)`, value: formatPercent(m.sync_success_rate) },
  ];
}

export function hubPage(req: AdminReq, app: App): Reply {
  const now = app.now();
  const metrics = dashboardMetrics(app.db, now);
  const fullChart = chartData(app.db, now);
  // Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
  const chart = app.faults.has('chart-empty') ? emptyChartData(fullChart) : fullChart;
  const a11yBroken = app.faults.has('a11y-regression');
  const heavy = app.faults.has('heavy-page');
  // Stryker restore all
  const crumbs = [
    { label: 'Extensions', href: adminLink('marketplace/extension', req.token, { type: 'module' }) },
    { label: 'MesChain-Sync', href: adminLink(HUB_ROUTE, req.token) },
  ];
  const urls = hubUrls(req.token);
  const cardList = cards(metrics, req.token);
  return renderPage(
    app,
    req,
    'extension/module/meschain/dashboard.twig',
    {
      title: 'MesChain-Sync Dashboard',
      charts: true,
      scripts: [SCRIPTS.dashboard],
      a11yBroken,
      heavy,
      breadcrumbs: crumbs,
    },
    {
      heading_title: 'MesChain-Sync Dashboard',
      summary: summary(metrics),
      cards: cardList,
      chart,
      window_days: metrics.window_days,
      trend_rows: chart.labels.map((date, i) => ({ date, values: chart.sync_counts.map((s) => s.data[i] ?? 0) })),
      distribution_rows: chart.product_distribution.labels.map((label, i) => ({
        label,
        value: chart.product_distribution.data[i] ?? 0,
      })),
      show_status_table: statusTableShown(req, app),
      settings: hubSettings(app.db),
      save_url: urls.save,
      sync_limit: DEFAULT_SYNC_LIMIT,
      page_data: {
        metrics,
        chart,
        urls,
        poll_interval_ms: DASHBOARD_POLL_MS,
        job_poll_interval_ms: JOB_POLL_MS,
      },
    },
  );
}
