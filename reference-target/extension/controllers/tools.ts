/** Reporting, sync log viewer and webhook log: `extension/module/{reporting,log_viewer,webhooks}`. */
import type { AdminReq, App } from '../../app.ts';
import type { Reply } from '../../http/types.ts';
import { json, reply } from '../../http/types.ts';
import { Fields, guardChange } from './guard.ts';
import { MARKETPLACES } from '../modules.ts';
import {
  generateReport,
  REPORT_TYPES,
  reportCsv,
  type ReportParams,
  reportQuadraticWork,
} from '../models/reporting.ts';
import { syncLog, webhookDetail, webhookLog, webhookStats } from '../models/logs.ts';
import { reprocessWebhook } from '../webhook.ts';

const MAX_REPORT_DAYS = 366;

function reportParams(req: AdminReq, app: App): { f: Fields; params?: ReportParams } {
  const source = req.method === 'POST' ? { ...req.query, ...req.body } : req.query;
  const f = new Fields(source);
  const today = app.now().toISOString().slice(0, 10);
  const monthAgo = new Date(app.now().getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  const report_type = f.oneOf('report_type', REPORT_TYPES, { fallback: 'sales' });
  const date_start = f.date('date_start', { fallback: monthAgo });
  const date_end = f.date('date_end', { fallback: today });
  const marketplace = f.oneOf('marketplace', ['all', ...MARKETPLACES], { fallback: 'all' });
  if (date_start && date_end) {
    const days = (Date.parse(date_end) - Date.parse(date_start)) / 86_400_000;
    if (days < 0) f.errors.date_end = 'date_end must not be before date_start';
    else if (days >= MAX_REPORT_DAYS)
      f.errors.date_end = `a report covers at most ${MAX_REPORT_DAYS} days; got ${days + 1}`;
  }
  if (!f.ok) return { f };
  return {
    f,
    params: { report_type: report_type!, date_start: date_start!, date_end: date_end!, marketplace: marketplace! },
  };
}

export const reporting = {
  generateReport(req: AdminReq, app: App): Reply {
    const { f, params } = reportParams(req, app);
    if (!params) return f.reply();
    // Stryker disable next-line all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
    if (app.faults.has('report-quadratic')) reportQuadraticWork(app.db);
    return json({ report: generateReport(app.db, params) });
  },
  exportReport(req: AdminReq, app: App): Reply {
    const { f, params } = reportParams(req, app);
    if (!params) return f.reply();
    const stamp = app.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
    return reply(200, '\ufeff' + reportCsv(generateReport(app.db, params)), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="meschain_report_${params.report_type}_${stamp}.csv"`,
      'x-content-type-options': 'nosniff',
    });
  },
};

const LOG_STATUSES = ['success', 'error', 'warning'] as const;
const OPERATIONS = ['product_sync', 'stock_update', 'price_update', 'order_import'] as const;

export const logViewer = {
  list(req: AdminReq, app: App): Reply {
    const f = new Fields(req.query);
    const page = f.int('page', { min: 1, max: 100_000, fallback: 1 });
    const limit = f.int('limit', { min: 1, max: 100, fallback: 20 });
    const marketplace = f.oneOf('marketplace', MARKETPLACES);
    const status = f.oneOf('status', LOG_STATUSES);
    const operation = f.oneOf('operation', OPERATIONS);
    const date_from = f.date('date_from');
    const date_to = f.date('date_to');
    if (!f.ok) return f.reply();
    const r = syncLog(app.db, { page: page!, limit: limit!, marketplace, status, operation, date_from, date_to });
    return json({ logs: r.items, total: r.total, page: r.page, limit: r.limit, pages: r.pages });
  },
  delete(req: AdminReq, app: App): Reply {
    const denied = guardChange(req, app, 'log_viewer');
    if (denied) return denied;
    const f = new Fields(req.body);
    const id = f.int('log_id', { required: true, min: 1 });
    if (!f.ok) return f.reply();
    const r = app.db.run('DELETE FROM meschain_sync_log WHERE log_id = $id', { id: id! });
    return r.changes
      ? json({ success: 'Success: log entry deleted.', deleted: 1 })
      : json({ error: { log_id: `log entry ${id} does not exist` } });
  },
};

const WEBHOOK_STATUSES = ['success', 'failed', 'rejected'] as const;

export const webhooks = {
  list(req: AdminReq, app: App): Reply {
    const f = new Fields(req.query);
    const page = f.int('page', { min: 1, max: 100_000, fallback: 1 });
    const limit = f.int('limit', { min: 1, max: 100, fallback: 20 });
    const status = f.oneOf('status', WEBHOOK_STATUSES);
    const event = f.oneOf('event', ['order-created', 'order-status-changed', 'stock-updated']);
    if (!f.ok) return f.reply();
    const r = webhookLog(app.db, { page: page!, limit: limit!, status, event });
    return json({ webhooks: r.items, total: r.total, page: r.page, limit: r.limit, pages: r.pages });
  },
  stats(_req: AdminReq, app: App): Reply {
    return json({ stats: webhookStats(app.db) });
  },
  detail(req: AdminReq, app: App): Reply {
    const f = new Fields(req.query);
    const id = f.int('webhook_id', { required: true, min: 1 });
    if (!f.ok) return f.reply();
    const w = webhookDetail(app.db, id!);
    return w ? json({ webhook: w }) : json({ error: { webhook_id: `webhook delivery ${id} does not exist` } });
  },
  retry(req: AdminReq, app: App): Reply {
    const denied = guardChange(req, app, 'webhooks');
    if (denied) return denied;
    const f = new Fields(req.body);
    const id = f.int('webhook_id', { required: true, min: 1 });
    if (!f.ok) return f.reply();
    const r = reprocessWebhook(app, id!);
    if (r === 'not-found') return json({ error: { webhook_id: `webhook delivery ${id} does not exist` } });
    return r.ok
      ? json({ success: 'Success: webhook delivery processed again.', status: 'success' })
      : json({ error: `Warning: retry failed: ${r.error}` });
  },
  delete(req: AdminReq, app: App): Reply {
    const denied = guardChange(req, app, 'webhooks');
    if (denied) return denied;
    const f = new Fields(req.body);
    const id = f.int('webhook_id', { required: true, min: 1 });
    if (!f.ok) return f.reply();
    const r = app.db.run('DELETE FROM meschain_webhook_log WHERE webhook_id = $id', { id: id! });
    return r.changes
      ? json({ success: 'Success: webhook delivery deleted.' })
      : json({ error: { webhook_id: `webhook delivery ${id} does not exist` } });
  },
};
