/** Reporting `extension/module/reporting`: filters, refresh, CSV export link, charts, paginated top products. */
import type { AdminReq, App } from '../app.ts';
import {
  REPORT_TYPES,
  generateReport,
  type Report,
  type ReportParams,
  type ReportType,
} from '../extension/models/reporting.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS, moduleRoute } from '../extension/modules.ts';
import { param, type Reply } from '../http/types.ts';
import { SCRIPTS } from './assets.ts';
import { formatInt, formatMoney, formatPercent, isDate, type Option } from './format.ts';
import { adminLink, renderPage } from './layout.ts';

export const REPORTING_ROUTE = moduleRoute('reporting');
export const REPORT_REFRESH_MS = 300_000;
export const TOP_PRODUCTS_PAGE_SIZE = 5;
export const DEFAULT_REPORT_DAYS = 30;

const REPORT_TYPE_TEXT: Record<ReportType, string> = {
  sales: 'Sales',
  inventory: 'Inventory',
  performance: 'Performance',
  financial: 'Financial',
};

const ymd = (d: Date): string => d.toISOString().slice(0, 10);

/** Report filters from a query string; anything missing or invalid falls back to the last 30 days, sales, all. */
export function reportParamsFromQuery(query: Record<string, unknown>, now: Date): ReportParams {
  const type = param(query, 'report_type');
  const mp = param(query, 'marketplace');
  let start = param(query, 'date_start');
  let end = param(query, 'date_end');
  if (!isDate(end)) end = ymd(now);
  if (!isDate(start) || start > end)
    start = ymd(new Date(Date.parse(`${end}T00:00:00Z`) - (DEFAULT_REPORT_DAYS - 1) * 86_400_000));
  return {
    report_type: (REPORT_TYPES as readonly string[]).includes(type ?? '') ? (type as ReportType) : 'sales',
    date_start: start,
    date_end: end,
    marketplace: mp && (mp === 'all' || (MARKETPLACES as readonly string[]).includes(mp)) ? mp : 'all',
  };
}

export const reportQuery = (p: ReportParams): Record<string, string> => ({
  report_type: p.report_type,
  date_start: p.date_start,
  date_end: p.date_end,
  marketplace: p.marketplace,
});

function summaryTiles(r: Report) {
  const s = r.summary;
  return [
    { id: 'total_orders', label: 'Orders', value: formatInt(s.total_orders) },
    { id: 'total_revenue', label: 'Revenue', value: formatMoney(s.total_revenue) },
    { id: 'average_order_value', label: 'Average order value', value: formatMoney(s.average_order_value) },
    { id: 'total_items', label: 'Items sold', value: formatInt(s.total_items) },
    { id: 'synced_products', label: 'Synced products', value: formatInt(s.synced_products) },
    { id: 'sync_operations', label: 'Sync operations', value: formatInt(s.sync_operations) },
    { id: 'sync_success_rate', label: 'Sync success rate', value: formatPercent(s.sync_success_rate) },
    { id: 'commission_estimate', label: 'Commission estimate', value: formatMoney(s.commission_estimate) },
  ];
}

export function reportingPage(req: AdminReq, app: App): Reply {
  const filter = reportParamsFromQuery(req.query, app.now());
  const report = generateReport(app.db, filter);
  const crumbs = [
    { label: 'Extensions', href: adminLink('marketplace/extension', req.token, { type: 'module' }) },
    { label: 'MesChain-Sync Reporting', href: adminLink(REPORTING_ROUTE, req.token) },
  ];
  const urls = {
    generate: adminLink(`${REPORTING_ROUTE}/generateReport`, req.token),
    export: adminLink(`${REPORTING_ROUTE}/exportReport`, req.token),
  };
  const topPages = Math.max(1, Math.ceil(report.top_products.length / TOP_PRODUCTS_PAGE_SIZE));
  return renderPage(
    app,
    req,
    'extension/module/meschain/reporting.twig',
    {
      title: 'Reporting – MesChain-Sync',
      charts: true,
      scripts: [SCRIPTS.reporting],
      breadcrumbs: crumbs,
    },
    {
      heading_title: 'MesChain-Sync Reporting',
      filter,
      report_types: REPORT_TYPES.map((t): Option => ({ value: t, text: REPORT_TYPE_TEXT[t] })),
      marketplace_options: [
        { value: 'all', text: 'All marketplaces' },
        ...MARKETPLACES.map((mp): Option => ({ value: mp, text: MARKETPLACE_SETTINGS[mp].title })),
      ],
      page_url: 'index.php',
      route: REPORTING_ROUTE,
      generate_url: urls.generate,
      export_base_url: urls.export,
      export_url: adminLink(`${REPORTING_ROUTE}/exportReport`, req.token, reportQuery(filter)),
      summary: summaryTiles(report),
      marketplace_rows: report.marketplace_breakdown.map((m) => ({
        title: m.title,
        orders: formatInt(m.orders),
        revenue: formatMoney(m.revenue),
        products: formatInt(m.products),
      })),
      top_products: report.top_products.slice(0, TOP_PRODUCTS_PAGE_SIZE).map((p) => ({
        name: p.name,
        model: p.model,
        quantity: formatInt(p.quantity),
        revenue: formatMoney(p.revenue),
      })),
      top_pages: Array.from({ length: topPages }, (_, i) => ({ page: i + 1, active: i === 0 })),
      daily_rows: report.daily_breakdown.map((d) => ({
        date: d.date,
        orders: formatInt(d.orders),
        revenue: formatMoney(d.revenue),
        sync_operations: formatInt(d.sync_operations),
        sync_errors: formatInt(d.sync_errors),
      })),
      page_data: { report, urls, refresh_interval_ms: REPORT_REFRESH_MS, top_page_size: TOP_PRODUCTS_PAGE_SIZE },
    },
  );
}
