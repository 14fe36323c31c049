/**
 * "Sync now" on a marketplace card, as an admin uses it: the job is queued, watched until it ends,
 * the charts and cards refresh, and the job's rows show in the sync log. Runs on its
 * worker's own store, so the numbers compared here change only by this test's own sync.
 */
import { test, expect } from '../../fixtures/index.ts';
import { ROUTES, type ChartData, type Metrics, type SyncLogList } from '../../fixtures/pages/answers.ts';

const MP = 'n11';
const LIMIT = 3;

test.describe('sync from the hub', { tag: '@writes' }, () => {
  test('a sync started from a marketplace card finishes and its rows appear in the sync log', async ({
    hub,
    syncLog,
    admin,
    evidence,
  }) => {
    await hub.open();
    const queued = await hub.startSync(MP, LIMIT);
    expect(queued.error, 'the sync was refused').toBeUndefined();
    const jobId = queued.job_id ?? 0;
    expect(jobId, 'job id of the queued sync').toBeGreaterThan(0);
    await hub.waitForSync(MP, jobId);
    await evidence.screenshot('sync finished', { of: hub.card(MP) });

    const list = await admin.json<SyncLogList>(ROUTES.syncLogList, {
      params: { marketplace: MP, operation: 'product_sync', limit: 100 },
    });
    const rows = list.logs.filter((l) => l.job_id === jobId);
    expect(rows.length, `sync log rows of job #${jobId}`).toBeGreaterThan(0);

    await syncLog.open();
    await syncLog.filter({ marketplace: MP, operation: 'product_sync' });
    for (const r of rows) {
      const tr = syncLog.row(r.log_id);
      await expect(tr).toBeVisible();
      await expect(tr.locator('td').nth(1)).toHaveText(MP);
      await expect(tr.locator('td').nth(3)).toHaveText(r.status);
      await expect(tr.locator('td').nth(4)).toHaveText(r.message);
    }
    await evidence.screenshot('sync log with the job rows');
  });

  test('the charts and the marketplace card refresh when the sync finishes', async ({ hub, admin }) => {
    await hub.open();
    const before = await hub.chart('syncTrend');
    const series = before.datasets.findIndex((d) => d.label === 'N11');
    expect(series, 'the N11 series of the sync trend').toBeGreaterThanOrEqual(0);
    const today = before.datasets[series]!.data.at(-1)!;

    const queued = await hub.startSync(MP, LIMIT);
    await hub.waitForSync(MP, queued.job_id ?? 0);
    await expect
      .poll(async () => (await hub.chart('syncTrend')).datasets[series]!.data.at(-1), {
        message: "today's N11 sync count on the chart",
      })
      .toBeGreaterThan(today);

    const chart = (await admin.json<{ chart: ChartData }>(ROUTES.chartData)).chart;
    expect((await hub.chart('syncTrend')).datasets).toEqual(
      chart.sync_counts.map((s) => ({ label: s.label, data: s.data })),
    );
    await hub.expectCards((await admin.json<{ metrics: Metrics }>(ROUTES.metrics)).metrics);
  });
});
