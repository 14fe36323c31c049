/**
 * The webhook log: statistics and charts from the stats route. (Payloads, signatures and errors
 * shown as text, whatever a sender put in them: tests/ui/stored-xss.spec.ts.)
 */
import { test, expect } from '../../fixtures/index.ts';
import { expectFullDatasets, expectPainted } from '../../fixtures/pages/charts.ts';

test.describe('webhook log', () => {
  test('the statistics tiles and charts show the webhook stats', async ({ webhooks, page, evidence }) => {
    await webhooks.open();
    const stats = await webhooks.refreshStats();
    await webhooks.expectStats(stats);
    const outcome = await webhooks.chart('outcome');
    expect(outcome.datasets[0]?.data).toEqual([stats.successful_webhooks, stats.failed_webhooks]);
    const trend = await webhooks.chart('trend');
    expectFullDatasets(trend, 'webhook trend');
    expect(trend.labels).toHaveLength(14);
    await expectPainted(page, 'outcome');
    await evidence.screenshot('webhook statistics');
  });
});
