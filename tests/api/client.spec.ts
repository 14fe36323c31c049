/**
 * The OpenCart-aware API client itself: routes by contract id, and a loud failure — never a
 * silent pass on HTTP 200 — when OpenCart answers a JSON route with its login page or its
 * permission page.
 */
import { test, expect, group, PermissionPageError, TokenLostError } from '../../fixtures/index.ts';

test.describe('API client', () => {
  test.beforeEach(async () => {
    await group('api client', 'client', 'OpenCart-aware client');
  });

  test('calls a route by its contract id with the session token', async ({ apiAs }) => {
    const api = await apiAs('admin');
    const res = await api.call<{ metrics: { total_products: number } }>('hub.metrics');
    expect(res.request.url).toMatch(/route=extension\/module\/meschain_sync\/metrics&user_token=[A-Za-z0-9]{32}/);
    expect(res.body.metrics.total_products).toBeGreaterThan(0);
  });

  test('a JSON route answered with the login page fails loudly', async ({ anonymousApi }) => {
    await expect(anonymousApi.call('hub.metrics')).rejects.toThrow(TokenLostError);
  });

  test('a JSON route answered with the permission page fails loudly', async ({ apiAs }) => {
    await expect((await apiAs('noaccess')).call('hub.metrics')).rejects.toThrow(PermissionPageError);
  });
});
