/**
 * The sync log and the webhook log tell the truth: every filter and page of `log_viewer.list` and
 * `webhooks.list`, the webhook counters and a delivery's detail equal the oracle's reading of the
 * store's database — the right rows, in order, none missing, none extra.
 */
import {
  test,
  expect,
  expectedSyncLogPage,
  expectedWebhookDetail,
  expectedWebhookPage,
  expectedWebhookStats,
  group,
  isoDay,
} from '../../fixtures/index.ts';
import type { StoreRows, SyncLogQuery, WebhookQuery } from '../../fixtures/index.ts';

const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

const SYNC_LOG_QUERIES: SyncLogQuery[] = [
  {},
  { page: 2 },
  { page: 3, limit: 7 },
  { limit: 100 },
  { page: 1000 },
  { marketplace: 'trendyol' },
  { marketplace: 'n11', page: 2, limit: 5 },
  { status: 'error' },
  { status: 'warning', limit: 50 },
  { operation: 'stock_update' },
  { operation: 'order_import', marketplace: 'hepsiburada' },
  { date_from: daysAgo(10) },
  { date_to: daysAgo(5), limit: 50 },
  { date_from: daysAgo(6), date_to: daysAgo(2), status: 'success', page: 2, limit: 10 },
];

const WEBHOOK_QUERIES: WebhookQuery[] = [
  {},
  { page: 2, limit: 5 },
  { limit: 100 },
  { status: 'failed' },
  { status: 'rejected' },
  { status: 'success', limit: 3 },
  { event: 'order-created' },
  { event: 'stock-updated', status: 'success' },
  { page: 1000 },
];

const params = (q: object) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));

/** Each log route with its queries and the oracle's answer to one of them. */
const LOGS = [
  {
    name: 'sync log',
    module: 'log_viewer',
    route: 'log_viewer.list',
    queries: SYNC_LOG_QUERIES,
    expected: (rows: StoreRows, q: object) => expectedSyncLogPage(rows, q),
  },
  {
    name: 'webhook log',
    module: 'webhooks',
    route: 'webhooks.list',
    queries: WEBHOOK_QUERIES,
    expected: (rows: StoreRows, q: object) => expectedWebhookPage(rows, q),
  },
];

test.describe('oracle: logs', { tag: '@oracle' }, () => {
  for (const log of LOGS) {
    test(`the ${log.name} answers the store's rows for ${log.queries.length} filters and pages`, async ({
      apiAs,
      oracle,
    }) => {
      await group(log.module, log.route, 'oracle');
      const api = await apiAs('admin');
      for (const q of log.queries) {
        const res = await api.call(log.route, params(q));
        expect(res.body, `${log.route} ${JSON.stringify(q)}`).toEqual(log.expected(oracle.rows(), q));
      }
    });
  }

  test("the webhook counters and every delivery's detail equal the store's rows", async ({ apiAs, oracle }) => {
    await group('webhooks', 'webhooks.stats', 'oracle');
    const api = await apiAs('admin');
    expect((await api.call('webhooks.stats')).body, 'webhooks.stats').toEqual({
      stats: expectedWebhookStats(oracle.rows()),
    });
    const rows = oracle.rows();
    expect(rows.webhookLog.length, 'the store has webhook deliveries to check').toBeGreaterThan(0);
    for (const w of rows.webhookLog.slice(0, 25)) {
      const res = await api.call('webhooks.detail', { webhook_id: w.webhook_id });
      expect(res.body, `webhooks.detail ${w.webhook_id}`).toEqual({
        webhook: expectedWebhookDetail(rows, w.webhook_id),
      });
    }
  });
});
