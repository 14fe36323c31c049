/**
 * The webhook log: statistics and charts from the stats route, and the details modal showing a
 * delivery's payload as inert text — even when an unauthenticated sender put HTML in it.
 */
import { test, expect } from '../../fixtures/index.ts';
import { expectFullDatasets, expectPainted } from '../../fixtures/pages/charts.ts';
import { ROUTES, type WebhookDetail, type WebhookRow } from '../../fixtures/pages/answers.ts';

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

// how the page inserts a payload is the same on every device: checked on desktop only (the ui-phone project leaves out @desktop-only)
test.describe('webhook payloads', { tag: '@desktop-only' }, () => {

  test('a delivery whose payload carries HTML shows it as text in the details modal', { tag: ['@writes', '@security'] }, async ({ webhooks, admin, page, settings, evidence }) => {
    const marker = `ui-xss-${test.info().workerIndex}-${Date.now()}`;
    const note = `<img src=x onerror="window.__xss=1"><b>${marker}</b>`;
    const body = JSON.stringify({ eventId: marker, eventType: 'order-created', timestamp: new Date().toISOString(), data: { orderNumber: marker, customerNote: note } });
    await test.step('an unsigned sender posts a delivery with HTML in the customer note', async () => {
      const res = await page.request.post(`${settings.baseUrl}/index.php?route=${ROUTES.trendyolWebhook}`, {
        headers: { 'content-type': 'application/json', 'x-trendyol-signature': '0'.repeat(64) }, data: body,
      });
      expect(res.status(), 'the webhook refuses the bad signature').toBe(403);
    });
    const id = await test.step('find the logged delivery', async () => {
      const list = await admin.json<{ webhooks: WebhookRow[] }>(ROUTES.webhookList, { params: { limit: 20 } });
      for (const w of list.webhooks) {
        const detail = await admin.json<{ webhook: WebhookDetail }>(ROUTES.webhookDetail, { params: { webhook_id: w.webhook_id } });
        if (detail.webhook.payload.includes(marker)) return w.webhook_id;
      }
      throw new Error(`expected the delivery ${marker} among the 20 newest in the webhook log; found it nowhere`);
    });
    await webhooks.open();
    await webhooks.viewDelivery(id);
    await expect(webhooks.payload()).toContainText('<img src=x onerror=');
    await expect(webhooks.payload()).toContainText(marker);
    await expect(webhooks.modal().locator('img'), 'an <img> element created from the payload').toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'window.__xss set by the payload').toBeUndefined();
    await evidence.screenshot('delivery details with HTML as text');
    await webhooks.closeDelivery();
  });
});
