/**
 * The user_token rule of OpenCart 3 admin (docs: opencart3-admin.md): every admin route but the
 * login pages needs `&user_token=`; without it, or with a wrong one, OpenCart answers HTTP 200 with
 * its login form — the page is never served. No login of its own: runs in production too (@core).
 */
import { test, expect, group } from '../../fixtures/index.ts';

test.describe('user_token', { tag: ['@core', '@security'] }, () => {
  test.beforeEach(async () => {
    await group('security', 'login', 'user_token');
  });

  for (const route of ['common/dashboard', 'marketplace/extension', 'user/user']) {
    test(`${route} without a user_token answers the login form with HTTP 200`, async ({ anonymousApi }) => {
      const res = await anonymousApi.send('GET', route);
      expect(res.status).toBe(200);
      expect(res.kind, `${route} without a token`).toBe('login-page');
    });
  }

  test('a made-up user_token opens only the login form', async ({ anonymousApi }) => {
    const res = await anonymousApi.send('GET', 'common/dashboard', { token: 'A'.repeat(32) });
    expect(res.kind).toBe('login-page');
  });
});
