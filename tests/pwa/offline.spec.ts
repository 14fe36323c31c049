/**
 * Offline, as the service worker promises: the shell for pages it has no copy of, cached pages
 * for pages it has, the 503 offline JSON for API calls, and non-GET requests never touched.
 */
import { test, expect } from '../../fixtures/index.ts';
import { ServiceWorkerView } from '../../fixtures/pages/service-worker.ts';
import { isAction, ROUTES } from '../../fixtures/pages/answers.ts';

// the browser logs every failed or 503 request of these tests; they are what the tests provoke
test.use({
  expectedConsoleErrors: [
    /^Failed to load resource: (the server responded with a status of 503|net::ERR_INTERNET_DISCONNECTED)/,
  ],
});

test.describe('offline', () => {
  test('reloading a page the worker has no copy of shows the offline shell', async ({
    admin,
    page,
    context,
    evidence,
  }) => {
    const sw = new ServiceWorkerView(page);
    await admin.open('hub'); // loaded before the worker existed: not in its cache
    await sw.waitUntilControlling();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('You are offline');
    await expect(page.locator('main a')).toHaveAttribute('href', /route=extension\/module\/meschain_sync/);
    await evidence.screenshot('offline shell');
  });

  test('a page opened while the worker controls it is served from the cache offline', async ({
    admin,
    hub,
    page,
    context,
  }) => {
    const sw = new ServiceWorkerView(page);
    await admin.open('hub');
    await sw.waitUntilControlling();
    await page.reload(); // through the worker now: it keeps a copy
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('MesChain-Sync Dashboard');
    expect(
      (await hub.chart('syncTrend')).datasets.length,
      'the chart drawn from the cached page and scripts',
    ).toBeGreaterThan(0);
  });

  test('an API call offline gets the 503 offline JSON', async ({ admin, page, context }) => {
    const sw = new ServiceWorkerView(page);
    await admin.open('hub');
    await sw.waitUntilControlling();
    await context.setOffline(true);
    const res = await sw.fetch(admin.url(ROUTES.webhookStats, { probe: Date.now() }));
    expect(res.ok, 'the worker answered').toBe(true);
    if (!res.ok) return;
    expect(res.status).toBe(503);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      success: false,
      error: 'Offline - No cached data available',
      offline: true,
    });
  });

  test('requests other than GET bypass the worker', async ({ admin, page, context }) => {
    const sw = new ServiceWorkerView(page);
    await admin.open('hub');
    await sw.waitUntilControlling();
    const url = admin.url(ROUTES.generateReport);
    const answered = (method: string) =>
      page.waitForResponse((r) => isAction(r.url(), ROUTES.generateReport) && r.request().method() === method);
    const [get] = await Promise.all([answered('GET'), sw.fetch(url)]);
    expect(get.fromServiceWorker(), 'a GET API call goes through the worker').toBe(true);
    const [post] = await Promise.all([answered('POST'), sw.fetch(url, { method: 'POST', body: 'report_type=sales' })]);
    expect(post.fromServiceWorker(), 'a POST goes straight to the network').toBe(false);
    await context.setOffline(true);
    const offlinePost = await sw.fetch(url, { method: 'POST', body: 'report_type=sales' });
    expect(
      offlinePost,
      'offline, a POST fails like a network error instead of getting an answer from the worker',
    ).toMatchObject({ ok: false });
  });
});
