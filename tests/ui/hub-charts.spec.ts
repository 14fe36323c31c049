/** The hub's Chart.js charts: the right datasets (read through Chart.js), really painted, no animation. */
import { test, expect } from '../../fixtures/index.ts';
import { expectFullDatasets, expectPainted } from '../../fixtures/pages/charts.ts';

test.describe('hub charts', () => {
  test('the sync trend chart has one series per marketplace with the chart data API counts', async ({
    hub,
    page,
    evidence,
  }) => {
    await hub.open();
    expectFullDatasets(await hub.chart('syncTrend'), 'sync trend as rendered');
    const { chart } = await hub.refresh();
    const trend = await hub.chart('syncTrend');
    expectFullDatasets(trend, 'sync trend after refresh');
    expect(trend.type).toBe('line');
    expect(trend.labels).toEqual(chart.labels);
    expect(trend.datasets).toEqual(chart.sync_counts.map((s) => ({ label: s.label, data: s.data })));
    await expectPainted(page, 'syncTrend');
    await evidence.screenshot('sync trend chart', {
      of: page.locator('section').filter({ has: page.locator('#chart-sync-trend') }),
    });
  });

  test('the product distribution doughnut has the chart data API share of each marketplace', async ({ hub, page }) => {
    await hub.open();
    expectFullDatasets(await hub.chart('productDistribution'), 'product distribution as rendered');
    const { chart } = await hub.refresh();
    const doughnut = await hub.chart('productDistribution');
    expect(doughnut.type).toBe('doughnut');
    expect(doughnut.labels).toEqual(chart.product_distribution.labels);
    expect(doughnut.datasets.map((d) => d.data)).toEqual([chart.product_distribution.data]);
    await expectPainted(page, 'productDistribution');
  });

  test('charts are drawn without animation for a user who prefers reduced motion', async ({ hub, page }) => {
    expect(
      await page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches),
      'reducedMotion is set for the UI projects',
    ).toBe(true);
    await hub.open();
    expect((await hub.chart('syncTrend')).animation).toBe(false);
    expect((await hub.chart('productDistribution')).animation).toBe(false);
  });
});
