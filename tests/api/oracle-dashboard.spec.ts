/**
 * The hub dashboard tells the truth: every number of `hub.metrics` and every point of
 * `hub.chartData` equals what the oracle computes from the store's own database (fixtures/oracle),
 * on the seed and after the data moved (a product push and an order import).
 */
import { test, expect, expectedChart, expectedMetrics, group, storeNow, waitForJob } from '../../fixtures/index.ts';
import type { AdminClient, Oracle } from '../../fixtures/index.ts';

async function metricsAreTrue(api: AdminClient, oracle: Oracle): Promise<void> {
  const res = await api.call<{ metrics: unknown }>('hub.metrics');
  expect(res.body.metrics, `hub.metrics against ${oracle.source}`).toEqual(
    expectedMetrics(oracle.rows(), storeNow(res.headers)),
  );
}

async function chartIsTrue(api: AdminClient, oracle: Oracle, days: number): Promise<void> {
  const res = await api.call<{ chart: unknown }>('hub.chartData', { days });
  expect(res.body.chart, `hub.chartData days=${days} against ${oracle.source}`).toEqual(
    expectedChart(oracle.rows(), storeNow(res.headers), days),
  );
}

test.describe('oracle: hub dashboard', { tag: '@oracle' }, () => {
  test("every dashboard metric equals the store's data", async ({ apiAs, oracle }) => {
    await group('meschain_sync', 'hub.metrics', 'oracle');
    await metricsAreTrue(await apiAs('admin'), oracle);
  });

  for (const days of [7, 14, 30, 90]) {
    test(`the ${days}-day chart counts every sync log row on its day and every synced product`, async ({
      apiAs,
      oracle,
    }) => {
      await group('meschain_sync', 'hub.chartData', 'oracle');
      await chartIsTrue(await apiAs('admin'), oracle, days);
    });
  }

  test(
    "metrics and chart follow the data: after a product push and an order import they still equal the store's data",
    { tag: ['@writes'] },
    async ({ apiAs, oracle }) => {
      await group('meschain_sync', 'hub.metrics', 'oracle');
      const api = await apiAs('admin');
      const pushed = await api.call<{ job_id: number }>('hepsiburada.sync_products', { limit: 3 });
      expect((await waitForJob(api, pushed.body.job_id)).status).toBe('done');
      const imported = await api.call<{ imported: number }>('trendyol.get_orders');
      expect(imported.status).toBe(200);
      await metricsAreTrue(api, oracle);
      await chartIsTrue(api, oracle, 14);
    },
  );
});
