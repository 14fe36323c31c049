/** Webhooks `extension/module/webhooks`: stats (polled), log table with view/retry/delete, details modal, charts. */
import type { AdminReq, App } from '../app.ts';
import { windowStart } from '../extension/models/dashboard.ts';
import { webhookLog, webhookStats, type WebhookStats } from '../extension/models/logs.ts';
import { moduleRoute } from '../extension/modules.ts';
import { param, type Reply } from '../http/types.ts';
import { SCRIPTS } from './assets.ts';
import { formatInt, intParam, paginationLinks, resultsText, statusClass } from './format.ts';
import { adminLink, renderPage } from './layout.ts';

export const WEBHOOKS_ROUTE = moduleRoute('webhooks');
export const WEBHOOK_PAGE_SIZE = 20;
export const WEBHOOK_STATS_POLL_MS = 30_000;
export const WEBHOOK_TREND_DAYS = 14;

export interface WebhookTrend {
  labels: string[];
  total: number[];
  failed: number[];
}

/** Received and failed-or-rejected webhooks per day over the last 14 days. */
export function webhookTrend(app: App, days = WEBHOOK_TREND_DAYS): WebhookTrend {
  const start = windowStart(app.now(), days);
  const labels = Array.from({ length: days }, (_, i) =>
    new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );
  const total = labels.map(() => 0);
  const failed = labels.map(() => 0);
  let page = 1;
  for (;;) {
    const chunk = webhookLog(app.db, { page, limit: 500 });
    for (const row of chunk.items) {
      const i = labels.indexOf(row.created_at.slice(0, 10));
      if (i < 0) continue;
      total[i]! += 1;
      if (row.status !== 'success') failed[i]! += 1;
    }
    if (page >= chunk.pages) break;
    page++;
  }
  return { labels, total, failed };
}

export function statsTiles(s: WebhookStats) {
  return [
    { id: 'total_webhooks', label: 'Total webhooks', value: formatInt(s.total_webhooks) },
    { id: 'successful_webhooks', label: 'Successful', value: formatInt(s.successful_webhooks) },
    { id: 'failed_webhooks', label: 'Failed or rejected', value: formatInt(s.failed_webhooks) },
    { id: 'avg_response_time', label: 'Average response time', value: `${formatInt(s.avg_response_time)} ms` },
  ];
}

export function webhooksPage(req: AdminReq, app: App): Reply {
  const page = intParam(param(req.query, 'page'), 1, 100_000);
  const log = webhookLog(app.db, { page, limit: WEBHOOK_PAGE_SIZE });
  const stats = webhookStats(app.db);
  const trend = webhookTrend(app);
  const crumbs = [
    { label: 'Extensions', href: adminLink('marketplace/extension', req.token, { type: 'module' }) },
    { label: 'MesChain-Sync Webhooks', href: adminLink(WEBHOOKS_ROUTE, req.token) },
  ];
  const urls = {
    detail: adminLink(`${WEBHOOKS_ROUTE}/detail`, req.token),
    retry: adminLink(`${WEBHOOKS_ROUTE}/retry`, req.token),
    delete: adminLink(`${WEBHOOKS_ROUTE}/delete`, req.token),
    stats: adminLink(`${WEBHOOKS_ROUTE}/stats`, req.token),
  };
  return renderPage(
    app,
    req,
    'extension/module/meschain/webhooks.twig',
    {
      title: 'Webhooks – MesChain-Sync',
      charts: true,
      scripts: [SCRIPTS.webhooks],
      breadcrumbs: crumbs,
    },
    {
      heading_title: 'MesChain-Sync Webhooks',
      stats_tiles: statsTiles(stats),
      trend_rows: trend.labels.map((date, i) => ({ date, total: trend.total[i], failed: trend.failed[i] })),
      webhooks: log.items.map((w) => ({ ...w, status_class: statusClass(w.status) })),
      pages: paginationLinks(log.page, log.pages, (p) => adminLink(WEBHOOKS_ROUTE, req.token, { page: p })),
      results_text: resultsText(log.total, log.page, log.limit, log.pages),
      page_data: { urls, stats, trend, poll_interval_ms: WEBHOOK_STATS_POLL_MS },
    },
  );
}
