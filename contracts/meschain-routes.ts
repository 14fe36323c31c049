/**
 * The MesChain-Sync extension's intended contract: every admin route and the public webhook,
 * as data. Suites generate their tests from it (contract, bad input, authorization), the
 * reference target is checked against it, and coverage is counted against it.
 *
 * Conventions (OpenCart 3): admin routes are `admin/index.php?route=<route>&user_token=<token>`;
 * pages answer HTML; actions answer HTTP 200 JSON `{success}` / `{error}` / `{error: {field}}`.
 * Every state change is POST-only (other methods: 405 JSON) and needs `modify` permission
 * on its module (else the `permissionError` answer); reading needs `access`.
 */
import * as s from './schemas.ts';
import type { Schema } from './schemas.ts';
import { MARKETPLACE_TITLES, MARKETPLACES, type Marketplace } from './marketplaces.ts';

export type ParamType = 'int' | 'decimal' | 'string' | 'enum' | 'date' | 'list';

export interface Param {
  name: string;
  type: ParamType;
  required: boolean;
  min?: number; // int/decimal: smallest value; list: fewest entries
  max?: number; // int/decimal: largest value; list: most entries
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  values?: readonly string[];
  items?: Param[]; // list of objects: the fields of one entry
  example: unknown; // a valid value, used by generated tests
}

export type RouteKind = 'page' | 'json' | 'csv';

export interface RouteContract {
  id: string; // stable id, e.g. "trendyol.update_stock"
  route: string; // e.g. "extension/module/trendyol/update_stock"
  module: string; // permission module code: checked as extension/module/<module>
  kind: RouteKind;
  method: 'GET' | 'POST';
  changesState: boolean;
  params: Param[]; // query for GET, form body for POST
  success?: Schema; // JSON answer on success (json routes)
  errors: Schema[]; // JSON error answers it may give (besides permission and 405)
  page?: { h1: RegExp | string }; // landing assertion for pages
  /** read-only and free of lockout risk: may run against production */
  productionSafe: boolean;
  effect: string; // what a successful call changes or returns
  /** slow or external: the marketplace is called during the request */
  callsMarketplace?: boolean;
}

const TITLES = MARKETPLACE_TITLES;

const p = (name: string, type: ParamType, required: boolean, example: unknown, more: Partial<Param> = {}): Param => ({
  name,
  type,
  required,
  example,
  ...more,
});

const page = (id: string, route: string, module: string, h1: RegExp | string): RouteContract => ({
  id,
  route,
  module,
  kind: 'page',
  method: 'GET',
  changesState: false,
  params: [],
  errors: [],
  page: { h1 },
  productionSafe: true,
  effect: 'renders the page',
});

const read = (
  id: string,
  route: string,
  module: string,
  params: Param[],
  success: Schema,
  effect: string,
  more: Partial<RouteContract> = {},
): RouteContract => ({
  id,
  route,
  module,
  kind: 'json',
  method: 'GET',
  changesState: false,
  params,
  success,
  errors: params.length ? [s.fieldErrors] : [],
  productionSafe: true,
  effect,
  ...more,
});

const change = (
  id: string,
  route: string,
  module: string,
  params: Param[],
  success: Schema,
  effect: string,
  more: Partial<RouteContract> = {},
): RouteContract => ({
  id,
  route,
  module,
  kind: 'json',
  method: 'POST',
  changesState: true,
  params,
  success,
  errors: [s.fieldErrors, s.errorText],
  productionSafe: false,
  effect,
  ...more,
});

const SECRET_PARAMS: Record<Marketplace, Param[]> = {
  trendyol: [
    p('api_key', 'string', true, 'ty-key-ref', { minLength: 8, maxLength: 64 }),
    p('api_secret', 'string', true, 'ty-secret-ref', { minLength: 8, maxLength: 64 }),
    p('supplier_id', 'string', true, '104512', { pattern: '^\\d{1,12}$', maxLength: 12 }),
  ],
  hepsiburada: [
    p('merchant_id', 'string', true, 'a1b2c3d4-hb-merchant', { pattern: '^[A-Za-z0-9-]{4,64}$', maxLength: 64 }),
    p('api_token', 'string', true, 'hb-token-ref', { minLength: 8, maxLength: 64 }),
  ],
  n11: [
    p('app_key', 'string', true, 'n11-key-ref', { minLength: 8, maxLength: 64 }),
    p('app_secret', 'string', true, 'n11-secret-ref', { minLength: 8, maxLength: 64 }),
  ],
};

export { SECRET_SETTING_KEYS } from './marketplaces.ts';

function marketplaceRoutes(mp: Marketplace): RouteContract[] {
  const r = `extension/module/${mp}`;
  const id = (m: string) => `${mp}.${m}`;
  const productId = p('product_id', 'int', true, 1, { min: 1, max: 520 });
  return [
    page(id('page'), r, mp, new RegExp(TITLES[mp])),
    change(
      id('save'),
      `${r}/save`,
      mp,
      [
        p('status', 'enum', true, '1', { values: ['0', '1'] }),
        ...SECRET_PARAMS[mp],
        // endpoint is required too; its example is filled in from the running target (simulator URL)
        p('endpoint', 'string', true, '$simulator', { pattern: '^https?://\\S+$', maxLength: 255 }),
      ],
      s.success(),
      'stores the settings; secret fields encrypted at rest',
    ),
    change(
      id('test_connection'),
      `${r}/test_connection`,
      mp,
      [],
      { anyOf: [s.testConnection.ok, s.testConnection.failed] },
      'calls the marketplace with the stored credentials',
      { callsMarketplace: true },
    ),
    change(
      id('sync_products'),
      `${r}/sync_products`,
      mp,
      [p('limit', 'int', false, 5, { min: 1, max: 500 })],
      s.success({ job_id: s.int, total: s.int }),
      'queues a product push job; the job pushes to the marketplace',
    ),
    change(
      id('send_product'),
      `${r}/send_product`,
      mp,
      [productId],
      s.success({ job_id: s.int, total: s.int }),
      'queues a push of one product',
    ),
    change(
      id('update_stock'),
      `${r}/update_stock`,
      mp,
      [
        p('stock_updates', 'list', true, [{ product_id: 2, quantity: 17 }], {
          min: 1,
          max: 500,
          items: [productId, p('quantity', 'int', true, 17, { min: 0, max: 1_000_000 })],
        }),
      ],
      s.success({ updated: s.int, pushed: s.int, job_id: s.nullable(s.int) }),
      'sets oc_product.quantity and pushes the stock of mapped products',
    ),
    change(
      id('update_prices'),
      `${r}/update_prices`,
      mp,
      [
        p('price_updates', 'list', true, [{ product_id: 2, price: '149.90' }], {
          min: 1,
          max: 500,
          items: [productId, p('price', 'decimal', true, '149.90', { min: 0.01, max: 10_000_000 })],
        }),
      ],
      s.success({ updated: s.int, pushed: s.int, job_id: s.nullable(s.int) }),
      'sets oc_product.price and pushes the price of mapped products',
    ),
    change(
      id('get_orders'),
      `${r}/get_orders`,
      mp,
      [],
      s.marketplaceOrderImport,
      'pulls orders and imports new ones as OpenCart orders, idempotently',
      { callsMarketplace: true },
    ),
    read(
      id('get_categories'),
      `${r}/get_categories`,
      mp,
      [],
      s.obj({ categories: s.arr(s.obj({ id: s.str, name: s.str, parent_id: s.nullable(s.str) }), { minItems: 1 }) }),
      'the marketplace category tree',
      { callsMarketplace: true, errors: [s.errorText] },
    ),
    read(
      id('category_mapping'),
      `${r}/category_mapping`,
      mp,
      [],
      s.obj({
        mappings: s.arr(
          s.obj({
            mapping_id: s.int,
            opencart_category_id: s.int,
            opencart_category_name: s.str,
            marketplace: s.marketplace,
            marketplace_category_id: s.str,
            marketplace_category_name: s.str,
            date_modified: s.dateTime,
          }),
        ),
      }),
      'category mappings of this marketplace',
    ),
    change(
      id('save_category_mapping'),
      `${r}/save_category_mapping`,
      mp,
      [
        p('category_id', 'int', true, 3, { min: 1, max: 20 }),
        p('marketplace_category_id', 'string', true, 'TY-411', { pattern: '^[A-Za-z0-9_-]+$', maxLength: 64 }),
        p('marketplace_category_name', 'string', true, 'Bilgisayar (QA)', { minLength: 1, maxLength: 255 }),
      ],
      s.success({ mapping: s.categoryMapping }),
      'creates or updates the mapping of one category',
    ),
    change(
      id('delete_category_mapping'),
      `${r}/delete_category_mapping`,
      mp,
      [p('category_id', 'int', true, 1, { min: 1, max: 20 })],
      s.success(),
      'deletes the mapping of one category',
    ),
  ];
}

const logFilters = [
  p('page', 'int', false, 1, { min: 1, max: 100_000 }),
  p('limit', 'int', false, 20, { min: 1, max: 100 }),
];

export const ROUTES: RouteContract[] = [
  page('hub.page', 'extension/module/meschain_sync', 'meschain_sync', /MesChain-Sync/),
  change(
    'hub.save',
    'extension/module/meschain_sync/save',
    'meschain_sync',
    [
      p('status', 'enum', true, '1', { values: ['0', '1'] }),
      p('debug', 'enum', false, '0', { values: ['0', '1'] }),
      p('sync_interval', 'int', true, 30, { min: 5, max: 1440 }),
    ],
    s.success(),
    'stores the hub settings',
  ),
  change(
    'hub.toggle',
    'extension/module/meschain_sync/toggle',
    'meschain_sync',
    [
      p('marketplace', 'enum', true, 'n11', { values: MARKETPLACES }),
      p('status', 'enum', true, '0', { values: ['0', '1'] }),
    ],
    s.success({ marketplace: s.marketplace, enabled: s.bool }),
    'enables or disables one marketplace',
  ),
  change(
    'hub.testConnection',
    'extension/module/meschain_sync/testConnection',
    'meschain_sync',
    [p('marketplace', 'enum', true, 'trendyol', { values: MARKETPLACES })],
    { anyOf: [s.testConnection.ok, s.testConnection.failed] },
    'calls one marketplace with its stored credentials',
    { callsMarketplace: true },
  ),
  read(
    'hub.metrics',
    'extension/module/meschain_sync/metrics',
    'meschain_sync',
    [],
    s.obj({ metrics: s.dashboardMetrics }),
    'dashboard numbers',
  ),
  read(
    'hub.chartData',
    'extension/module/meschain_sync/chartData',
    'meschain_sync',
    [p('days', 'int', false, 14, { min: 7, max: 90 })],
    s.obj({ chart: s.chartData }),
    'chart datasets',
  ),
  read(
    'hub.job',
    'extension/module/meschain_sync/job',
    'meschain_sync',
    [p('job_id', 'int', true, '$job', { min: 1 })],
    s.obj({ job: s.syncJob }),
    'status of one sync job',
    { errors: [s.fieldErrors, s.errorText] },
  ),
  ...MARKETPLACES.flatMap(marketplaceRoutes),
  page('reporting.page', 'extension/module/reporting', 'reporting', /Report/),
  read(
    'reporting.generateReport',
    'extension/module/reporting/generateReport',
    'reporting',
    [
      p('report_type', 'enum', false, 'sales', { values: ['sales', 'inventory', 'performance', 'financial'] }),
      p('date_start', 'date', false, '$daysAgo:20'),
      p('date_end', 'date', false, '$daysAgo:0'),
      p('marketplace', 'enum', false, 'all', { values: ['all', ...MARKETPLACES] }),
    ],
    s.obj({ report: s.report }),
    'a report over the date range',
  ),
  {
    ...read(
      'reporting.exportReport',
      'extension/module/reporting/exportReport',
      'reporting',
      [
        p('report_type', 'enum', false, 'sales', { values: ['sales', 'inventory', 'performance', 'financial'] }),
        p('date_start', 'date', false, '$daysAgo:20'),
        p('date_end', 'date', false, '$daysAgo:0'),
        p('marketplace', 'enum', false, 'all', { values: ['all', ...MARKETPLACES] }),
      ],
      {},
      'CSV attachment meschain_report_<type>_<timestamp>.csv; formula cells neutralised',
    ),
    kind: 'csv',
    success: undefined,
  },
  page('log_viewer.page', 'extension/module/log_viewer', 'log_viewer', /Sync Log/i),
  read(
    'log_viewer.list',
    'extension/module/log_viewer/list',
    'log_viewer',
    [
      ...logFilters,
      p('marketplace', 'enum', false, 'trendyol', { values: MARKETPLACES }),
      p('status', 'enum', false, 'success', { values: ['success', 'error', 'warning'] }),
      p('operation', 'enum', false, 'product_sync', {
        values: ['product_sync', 'stock_update', 'price_update', 'order_import'],
      }),
      p('date_from', 'date', false, '$daysAgo:10'),
      p('date_to', 'date', false, '$daysAgo:0'),
    ],
    s.page('logs', s.syncLogRow),
    'one page of the sync log, newest first',
  ),
  change(
    'log_viewer.delete',
    'extension/module/log_viewer/delete',
    'log_viewer',
    [p('log_id', 'int', true, 1, { min: 1 })],
    s.success({ deleted: s.int }),
    'deletes one sync log row',
  ),
  page('webhooks.page', 'extension/module/webhooks', 'webhooks', /Webhook/),
  read(
    'webhooks.list',
    'extension/module/webhooks/list',
    'webhooks',
    [
      ...logFilters,
      p('status', 'enum', false, 'success', { values: ['success', 'failed', 'rejected'] }),
      p('event', 'enum', false, 'order-created', {
        values: ['order-created', 'order-status-changed', 'stock-updated'],
      }),
    ],
    s.page('webhooks', s.webhookRow),
    'one page of the webhook log, newest first',
  ),
  read(
    'webhooks.stats',
    'extension/module/webhooks/stats',
    'webhooks',
    [],
    s.obj({ stats: s.webhookStats }),
    'webhook counters',
  ),
  read(
    'webhooks.detail',
    'extension/module/webhooks/detail',
    'webhooks',
    [p('webhook_id', 'int', true, 7, { min: 1 })],
    s.obj({ webhook: s.webhookDetail }),
    'one delivery with its payload',
  ),
  change(
    'webhooks.retry',
    'extension/module/webhooks/retry',
    'webhooks',
    [p('webhook_id', 'int', true, 2, { min: 1 })],
    s.success({ status: { type: 'string', enum: ['success'] } }),
    'applies a stored delivery again (idempotent)',
  ),
  change(
    'webhooks.delete',
    'extension/module/webhooks/delete',
    'webhooks',
    [p('webhook_id', 'int', true, 1, { min: 1 })],
    s.success(),
    'deletes one webhook log row',
  ),
];

/** The public webhook (catalog side, no login). */
export const WEBHOOK = {
  route: 'extension/module/trendyol_webhook',
  path: '/index.php',
  signatureHeader: 'X-Trendyol-Signature',
  events: ['order-created', 'order-status-changed', 'stock-updated'],
  answers: { ok: 200, badPayload: 400, badSignature: 403, wrongMethod: 405, replay: 409 },
  success: s.obj({ status: { type: 'string', enum: ['success'] } }),
  error: s.obj({ status: { type: 'string', enum: ['error'] }, error: s.str }),
  maxClockSkewSeconds: 300,
} as const;

/** Answers every admin route may give instead of its own. */
export const COMMON_ANSWERS = {
  permission: s.permissionError,
  wrongMethod: s.obj({ error: s.str }),
} as const;

export function routeById(id: string): RouteContract {
  const r = ROUTES.find((x) => x.id === id);
  if (!r)
    throw new Error(`contract: no route with id ${JSON.stringify(id)}; known: ${ROUTES.map((x) => x.id).join(', ')}`);
  return r;
}
