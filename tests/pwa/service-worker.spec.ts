/** The service worker: it activates and controls the admin pages, and a new version takes over. */
import { test, expect } from '../../fixtures/index.ts';
import { ServiceWorkerView } from '../../fixtures/pages/service-worker.ts';

test.describe('service worker', () => {
  test('activates with the /admin/ scope and controls the admin page', async ({ admin, page }) => {
    const sw = new ServiceWorkerView(page);
    await admin.open('hub');
    await sw.waitUntilControlling();
    const reg = await page.evaluate(async () => {
      const r = (await navigator.serviceWorker.getRegistration())!;
      return { scope: new URL(r.scope).pathname, script: new URL(r.active!.scriptURL).pathname };
    });
    expect(reg).toEqual({ scope: '/admin/', script: '/admin/meschain-sw.js' });
    const [css] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/admin/view/stylesheet/meschain/meschain.css')),
      page.reload(),
    ]);
    expect(css.fromServiceWorker(), 'a static asset after the worker took over comes from the worker').toBe(true);
  });

  // A deployment ships a new worker as `meschain-sw.js?v=<build>` (the build goes into its cache names).
  // (Serving changed bytes under the same URL cannot be staged here: neither page.route nor context.route
  // sees Chromium's fetch of a worker script.)
  test('a new worker version takes over the open page and drops the old caches', async ({ admin, page }) => {
    const sw = new ServiceWorkerView(page);
    await admin.open('hub');
    await sw.waitUntilControlling();
    const before = await sw.version();
    const build = `qa-${Date.now()}`;
    await test.step(`the page registers the worker of build ${build}`, async () => {
      await page.evaluate(
        (url) => navigator.serviceWorker.register(url, { scope: '/admin/' }).then(() => undefined),
        `/admin/meschain-sw.js?v=${build}`,
      );
    });
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const c = navigator.serviceWorker.controller;
            return c ? `${new URL(c.scriptURL).search} ${c.state}` : 'no controller';
          }),
        { message: 'build and state of the worker controlling the page', timeout: 10_000 },
      )
      .toBe(`?v=${build} activated`);
    const after = await sw.version();
    expect(after.staticCache).toBe(`${before.staticCache}-${build}`);
    const names = await page.evaluate(() => caches.keys());
    expect(names, 'caches of the old worker are deleted on activation').not.toContain(before.staticCache);
    expect(names).toContain(after.staticCache);
  });
});
