/** Sync log `extension/module/log_viewer`: filter form and a paginated table (first page server-rendered). */
import type { AdminReq, App } from '../app.ts';
import type { Database } from '../db/database.ts';
import { syncLog, type SyncLogFilter } from '../extension/models/logs.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS, moduleRoute } from '../extension/modules.ts';
import { param, type Reply } from '../http/types.ts';
import { SCRIPTS } from './assets.ts';
import { formatInt, intParam, isDate, paginationLinks, resultsText, statusClass, type Option } from './format.ts';
import { adminLink, renderPage } from './layout.ts';
import { syncOperations } from './queries.ts';

export const LOG_VIEWER_ROUTE = moduleRoute('log_viewer');
export const SYNC_LOG_PAGE_SIZE = 20;
export const SYNC_LOG_STATUSES = ['success', 'warning', 'error'] as const;

/** Validated sync-log filter from a query string; invalid values are dropped (not an error on the page). */
export function syncLogFilterFromQuery(db: Database, query: Record<string, unknown>): SyncLogFilter {
  const pick = (name: string, allowed: readonly string[]): string | undefined => {
    const v = param(query, name);
    return v !== undefined && allowed.includes(v) ? v : undefined;
  };
  const from = param(query, 'date_from');
  const to = param(query, 'date_to');
  return {
    page: intParam(param(query, 'page'), 1, 100_000),
    limit: intParam(param(query, 'limit'), SYNC_LOG_PAGE_SIZE, 100),
    marketplace: pick('marketplace', MARKETPLACES),
    status: pick('status', SYNC_LOG_STATUSES),
    operation: pick('operation', syncOperations(db)),
    date_from: isDate(from) ? from : undefined,
    date_to: isDate(to) ? to : undefined,
  };
}

const filterParams = (f: SyncLogFilter): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k of ['marketplace', 'status', 'operation', 'date_from', 'date_to'] as const) {
    const v = f[k];
    if (v) out[k] = v;
  }
  return out;
};

const options = (all: string, values: readonly string[], text: (v: string) => string = (v) => v): Option[] => [
  { value: '', text: all },
  ...values.map((v) => ({ value: v, text: text(v) })),
];

export function syncLogPage(req: AdminReq, app: App): Reply {
  const filter = syncLogFilterFromQuery(app.db, req.query);
  const result = syncLog(app.db, filter);
  const crumbs = [
    { label: 'Extensions', href: adminLink('marketplace/extension', req.token, { type: 'module' }) },
    { label: 'MesChain-Sync Sync Log', href: adminLink(LOG_VIEWER_ROUTE, req.token) },
  ];
  const fp = filterParams(filter);
  return renderPage(
    app,
    req,
    'extension/module/meschain/sync_log.twig',
    {
      title: 'Sync Log – MesChain-Sync',
      scripts: [SCRIPTS.syncLog],
      breadcrumbs: crumbs,
    },
    {
      heading_title: 'MesChain-Sync Sync Log',
      route: LOG_VIEWER_ROUTE,
      filter: { marketplace: '', status: '', operation: '', date_from: '', date_to: '', ...fp },
      marketplace_options: options(
        'All marketplaces',
        MARKETPLACES,
        (v) => MARKETPLACE_SETTINGS[v as (typeof MARKETPLACES)[number]].title,
      ),
      status_options: options('All statuses', SYNC_LOG_STATUSES),
      operation_options: options('All operations', syncOperations(app.db)),
      list_url: adminLink(`${LOG_VIEWER_ROUTE}/list`, req.token),
      logs: result.items.map((l) => ({
        ...l,
        status_class: statusClass(l.status),
        items: formatInt(l.items),
        duration_ms: formatInt(l.duration_ms),
      })),
      pages: paginationLinks(result.page, result.pages, (p) =>
        adminLink(LOG_VIEWER_ROUTE, req.token, { ...fp, page: p }),
      ),
      results_text: resultsText(result.total, result.page, result.limit, result.pages),
      page_data: {
        urls: { list: adminLink(`${LOG_VIEWER_ROUTE}/list`, req.token), page: adminLink(LOG_VIEWER_ROUTE, req.token) },
        filter,
        total: result.total,
        page: result.page,
        limit: result.limit,
        pages: result.pages,
      },
    },
  );
}
