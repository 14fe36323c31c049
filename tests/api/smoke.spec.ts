import { test, expect } from '../../fixtures/index.ts';

test.describe('API smoke', () => {
  test('dashboard metrics answer JSON with the seeded catalogue', async ({ apiAs }) => {
    const api = await apiAs('admin');
    const res = await api.get<{ metrics: { total_products: number; marketplaces: unknown[] } }>('extension/module/meschain_sync/metrics');
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/json');
    expect(res.body.metrics.total_products).toBeGreaterThanOrEqual(500);
    expect(res.body.metrics.marketplaces.length).toBeGreaterThanOrEqual(3);
  });

  test('a JSON route without the token answers the login page, and the client says so', async ({ anonymousApi }) => {
    await expect(anonymousApi.get('extension/module/meschain_sync/metrics')).rejects.toThrow(/login page/);
  });
});
