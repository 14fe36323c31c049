/** Sync log and webhook log queries: paginated and filterable. Filters are validated by callers. */
import type { Database, Params } from '../../db/database.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
  pages: number;
}

export interface SyncLogFilter {
  page: number;
  limit: number;
  marketplace?: string;
  status?: string;
  operation?: string;
  date_from?: string;
  date_to?: string; // YYYY-MM-DD, inclusive
}

export interface SyncLogRow {
  log_id: number;
  marketplace: string;
  operation: string;
  status: string;
  message: string;
  items: number;
  duration_ms: number;
  job_id: number | null;
  created_at: string;
}

function where(
  filter: Record<string, string | undefined>,
  columns: Record<string, string>,
): { sql: string; params: Params } {
  const parts: string[] = [];
  const params: Params = {};
  for (const [name, expr] of Object.entries(columns)) {
    const v = filter[name];
    if (v !== undefined && v !== '') {
      parts.push(expr.replace('?', `$${name}`));
      params[name] = v;
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function page<T>(
  db: Database,
  table: string,
  cols: string,
  order: string,
  filter: { page: number; limit: number } & Record<string, unknown>,
  columns: Record<string, string>,
): Page<T> {
  const w = where(filter as Record<string, string | undefined>, columns);
  const total = Number(db.get<{ n: number }>(`SELECT COUNT(*) n FROM ${table} ${w.sql}`, w.params)!.n);
  const items = db.all<T>(`SELECT ${cols} FROM ${table} ${w.sql} ORDER BY ${order} LIMIT $limit OFFSET $offset`, {
    ...w.params,
    limit: filter.limit,
    offset: (filter.page - 1) * filter.limit,
  });
  return { items, total, page: filter.page, limit: filter.limit, pages: Math.max(1, Math.ceil(total / filter.limit)) };
}

export function syncLog(db: Database, f: SyncLogFilter): Page<SyncLogRow> {
  return page<SyncLogRow>(
    db,
    'meschain_sync_log',
    '*',
    'created_at DESC, log_id DESC',
    { ...f },
    {
      marketplace: 'marketplace = ?',
      status: 'status = ?',
      operation: 'operation = ?',
      date_from: 'created_at >= ?',
      date_to: "created_at < date(?, '+1 day')",
    },
  );
}

export function writeSyncLog(
  db: Database,
  row: {
    marketplace: string;
    operation: string;
    status: 'success' | 'error' | 'warning';
    message: string;
    items?: number;
    duration_ms?: number;
    job_id?: number | null;
    at: string;
  },
): number {
  return db.run(
    `INSERT INTO meschain_sync_log (marketplace, operation, status, message, items, duration_ms, job_id, created_at)
                 VALUES ($mp, $op, $st, $msg, $items, $dur, $job, $at)`,
    {
      mp: row.marketplace,
      op: row.operation,
      st: row.status,
      msg: row.message,
      items: row.items ?? 0,
      dur: row.duration_ms ?? 0,
      job: row.job_id ?? null,
      at: row.at,
    },
  ).lastInsertRowid;
}

export interface WebhookFilter {
  page: number;
  limit: number;
  status?: string;
  event?: string;
  marketplace?: string;
}
export interface WebhookRow {
  webhook_id: number;
  marketplace: string;
  event: string;
  event_id: string | null;
  payload: string;
  signature: string;
  status: string;
  http_status: number;
  response_time_ms: number;
  retry_count: number;
  error: string | null;
  created_at: string;
}

export function webhookLog(db: Database, f: WebhookFilter): Page<Omit<WebhookRow, 'payload'>> {
  return page(
    db,
    'meschain_webhook_log',
    'webhook_id, marketplace, event, event_id, signature, status, http_status, response_time_ms, retry_count, error, created_at',
    'created_at DESC, webhook_id DESC',
    { ...f },
    { status: 'status = ?', event: 'event = ?', marketplace: 'marketplace = ?' },
  );
}

export function webhookDetail(db: Database, id: number): WebhookRow | undefined {
  return db.get<WebhookRow>('SELECT * FROM meschain_webhook_log WHERE webhook_id = $id', { id });
}

export interface WebhookStats {
  total_webhooks: number;
  successful_webhooks: number;
  failed_webhooks: number;
  avg_response_time: number;
}

export function webhookStats(db: Database): WebhookStats {
  const r = db.get<{ total: number; ok: number; bad: number; avg: number | null }>(
    `SELECT COUNT(*) total, SUM(status='success') ok, SUM(status!='success') bad, AVG(response_time_ms) avg FROM meschain_webhook_log`,
  )!;
  return {
    total_webhooks: Number(r.total),
    successful_webhooks: Number(r.ok ?? 0),
    failed_webhooks: Number(r.bad ?? 0),
    avg_response_time: Math.round(Number(r.avg ?? 0)),
  };
}
