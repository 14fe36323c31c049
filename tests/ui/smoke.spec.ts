import { test, expect } from '../../fixtures/index.ts';

test.describe('UI smoke', () => {
  test('an admin logs in, opens the hub dashboard and sees both charts drawn', async ({ admin, page }) => {
    await test.step('log in', () => admin.login('admin'));
    await test.step('open the MesChain-Sync hub', () => admin.open('extension/module/meschain_sync'));
    await expect(page.locator('#chart-sync-trend')).toBeVisible();
    await expect(page.locator('#chart-product-distribution')).toBeVisible();
    const datasets = await page.waitForFunction(() => {
      const charts = (window as unknown as { meschainCharts?: Record<string, { data: { datasets: { data: number[] }[] } }> }).meschainCharts;
      const trend = charts?.syncTrend?.data.datasets ?? [];
      return trend.length > 0 ? trend.map((d) => d.data.reduce((a, b) => a + b, 0)) : null;
    });
    const totals = (await datasets.jsonValue()) as number[];
    expect(totals.some((t) => t > 0), 'the sync trend chart has data points').toBe(true);
  });
});
