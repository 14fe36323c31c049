/**
 * Contract of every page and read route, generated from contracts/meschain-routes.ts: status,
 * content type, landing `<h1>` of pages, JSON Schema of the success answer (ajv), and the CSV
 * attachment of the export. Read-only: runs in parallel, except routes that call a marketplace
 * (they hold the data lock so no marketplace fault injected by a resilience test reaches them).
 */
import { test, expect, assertJsonAnswer, contractTable, group, keyTest, validParams } from '../../fixtures/index.ts';
import type { AdminClient, RouteContract, TargetControl } from '../../fixtures/index.ts';

async function checkRead(
  route: RouteContract,
  api: AdminClient,
  control: TargetControl,
  jobId?: () => Promise<number>,
): Promise<void> {
  const params = await validParams(route, { control, api, ...(jobId ? { jobId } : {}) });
  const res = await api.send('GET', route.route, { query: params });
  assertJsonAnswer(route, res, route.success ?? {}, 'success');
  if (route.params.length > 0 && route.params.every((p) => !p.required)) {
    const defaults = await api.send('GET', route.route);
    assertJsonAnswer(route, defaults, route.success ?? {}, 'success (all parameters left to their defaults)');
  }
}

test.describe('contract: pages', () => {
  for (const route of contractTable('page')) {
    test(`${route.id}: the administrator lands on the page`, async ({ apiAs }) => {
      await group(route.module, route.id, 'contract');
      const page = await (await apiAs('admin')).page(route.route);
      expect(page.status).toBe(200);
      expect(page.contentType).toMatch(/^text\/html/);
      expect(page.h1, `${route.id}: <h1> of the page`).toMatch(route.page?.h1 ?? /./);
    });
  }
});

test.describe('contract: read routes', () => {
  for (const route of contractTable('read')) {
    const title = `${route.id}: answers its success schema`;
    if (route.params.some((p) => p.example === '$job')) {
      test(title, { tag: ['@writes', '@reference-only'] }, async ({ apiAs, control }) => {
        await group(route.module, route.id, 'contract');
        keyTest();
        const api = await apiAs('admin');
        const jobId = async () =>
          (await api.call<{ job_id: number }>('trendyol.send_product', { product_id: 1 })).body.job_id;
        await checkRead(route, api, control, jobId);
      });
    } else if (route.callsMarketplace) {
      test(title, async ({ apiAs, control }) => {
        await group(route.module, route.id, 'contract');
        keyTest();
        await checkRead(route, await apiAs('admin'), control);
      });
    } else {
      test(title, async ({ apiAs, control }) => {
        await group(route.module, route.id, 'contract');
        keyTest();
        await checkRead(route, await apiAs('admin'), control);
      });
    }
  }
});

test.describe('contract: CSV export', () => {
  for (const route of contractTable('csv')) {
    test(`${route.id}: answers a CSV attachment named meschain_report_<type>_<timestamp>.csv`, async ({
      apiAs,
      control,
    }) => {
      await group(route.module, route.id, 'contract');
      keyTest();
      const api = await apiAs('admin');
      const params = await validParams(route, { control, api });
      const res = await api.send('GET', route.route, { query: params });
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect(res.contentType).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="meschain_report_${String(params.report_type ?? 'sales')}_[0-9TZ]+\\.csv"$`),
      );
      const rows = res.text
        .replace(/^\ufeff/, '')
        .trim()
        .split(/\r?\n/);
      expect(rows.length, 'a header row and data rows').toBeGreaterThan(1);
    });
  }
});
