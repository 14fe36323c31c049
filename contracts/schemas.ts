/**
 * JSON Schema building blocks of the MesChain-Sync contract (draft-07, checked with ajv).
 * OpenCart JSON conventions: HTTP 200 with `{success: text, ...}`, `{error: text}` or
 * `{error: {field: text}}` (field-keyed validation errors).
 */
import { MARKETPLACES } from './marketplaces.ts';

export type Schema = Record<string, unknown>;

export const str: Schema = { type: 'string' };
export const int: Schema = { type: 'integer' };
export const num: Schema = { type: 'number' };
export const bool: Schema = { type: 'boolean' };
export const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
export const dateTime: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$' };
export const day: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
export const marketplace: Schema = { type: 'string', enum: [...MARKETPLACES] };

export function obj(
  properties: Record<string, Schema>,
  required: string[] = Object.keys(properties),
  extra = false,
): Schema {
  return { type: 'object', properties, required, additionalProperties: extra };
}
export const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });

/** `{error: "text"}` */
export const errorText: Schema = obj({ error: { type: 'string', minLength: 1 } }, ['error'], true);
/** `{error: {field: "text"}}` */
export const fieldErrors: Schema = obj(
  { error: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1 } } },
  ['error'],
  true,
);
/** OpenCart's modify-permission answer. */
export const permissionError: Schema = obj(
  { error: { type: 'string', pattern: '^Warning: You do not have permission to modify .+!$' } },
  ['error'],
  false,
);
/** `{success: "text", ...}` */
export const success = (more: Record<string, Schema> = {}, required = Object.keys(more)): Schema =>
  obj({ success: { type: 'string', minLength: 1 }, ...more }, ['success', ...required], false);

export const marketplaceStatus = obj({
  marketplace,
  title: str,
  enabled: bool,
  synced_products: int,
  pending_products: int,
  error_products: int,
  orders: int,
  last_sync: nullable(dateTime),
  success_rate: { type: 'number', minimum: 0, maximum: 100 },
});

export const dashboardMetrics = obj({
  total_products: { type: 'integer', minimum: 0 },
  active_marketplaces: int,
  synced_products: int,
  pending_products: int,
  error_products: int,
  total_orders: int,
  orders_today: int,
  sync_success_rate: { type: 'number', minimum: 0, maximum: 100 },
  syncs_today: int,
  last_sync: nullable(dateTime),
  window_days: int,
  marketplaces: arr(marketplaceStatus, { minItems: 1 }),
});

export const chartData = obj({
  labels: arr(day, { minItems: 7 }),
  sync_counts: arr(obj({ marketplace, label: str, data: arr({ type: 'integer', minimum: 0 }, { minItems: 7 }) }), {
    minItems: 1,
  }),
  product_distribution: obj({
    labels: arr(str, { minItems: 1 }),
    marketplaces: arr(marketplace, { minItems: 1 }),
    data: arr({ type: 'integer', minimum: 0 }, { minItems: 1 }),
  }),
});

export const syncJob = obj(
  {
    job_id: int,
    marketplace,
    type: { type: 'string', enum: ['products', 'stock', 'prices'] },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    total: int,
    processed: int,
    succeeded: int,
    failed: int,
    attempts: int,
    error: nullable(str),
    created_at: dateTime,
    updated_at: dateTime,
  },
  undefined,
  true,
);

export const syncLogRow = obj({
  log_id: int,
  marketplace: str,
  operation: str,
  status: { type: 'string', enum: ['success', 'error', 'warning'] },
  message: str,
  items: int,
  duration_ms: int,
  job_id: nullable(int),
  created_at: dateTime,
});

const webhookBase = {
  webhook_id: int,
  marketplace: str,
  event: str,
  event_id: nullable(str),
  signature: str,
  status: { type: 'string', enum: ['success', 'failed', 'rejected'] },
  http_status: int,
  response_time_ms: int,
  retry_count: int,
  error: nullable(str),
  created_at: dateTime,
};
export const webhookRow = obj(webhookBase);
export const webhookDetail = obj({ ...webhookBase, payload: str });
export const webhookStats = obj({
  total_webhooks: int,
  successful_webhooks: int,
  failed_webhooks: int,
  avg_response_time: int,
});

export const page = (items: string, row: Schema): Schema =>
  obj({
    [items]: arr(row),
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1 },
    pages: { type: 'integer', minimum: 1 },
  });

export const report = obj({
  report_type: { type: 'string', enum: ['sales', 'inventory', 'performance', 'financial'] },
  date_start: day,
  date_end: day,
  marketplace: str,
  summary: obj({
    total_orders: int,
    total_revenue: num,
    total_items: int,
    average_order_value: num,
    synced_products: int,
    sync_operations: int,
    sync_success_rate: num,
    commission_estimate: num,
  }),
  daily_breakdown: arr(obj({ date: day, orders: int, revenue: num, sync_operations: int, sync_errors: int })),
  marketplace_breakdown: arr(obj({ marketplace, title: str, orders: int, revenue: num, products: int })),
  top_products: arr(obj({ product_id: int, name: str, model: str, quantity: int, revenue: num })),
  category_breakdown: arr(obj({ category_id: int, name: str, quantity: int, revenue: num })),
});

export const categoryMapping = obj(
  {
    mapping_id: int,
    opencart_category_id: int,
    marketplace,
    marketplace_category_id: str,
    marketplace_category_name: str,
    date_modified: dateTime,
  },
  undefined,
  true,
);

export const marketplaceOrderImport = success({
  imported: { type: 'integer', minimum: 0 },
  skipped: { type: 'integer', minimum: 0 },
  failed: arr(obj({ order: str, reason: str })),
  total: int,
  order_ids: arr(int),
});

export const testConnection = {
  ok: success({ latency_ms: int }),
  failed: obj({ error: { type: 'string', minLength: 1 }, latency_ms: int }),
};
