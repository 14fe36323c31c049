/**
 * Logging in like a browser (fixtures/opencart/login.ts), against OpenCart's documented
 * behaviour: a 302 with a 32-character user_token that opens the dashboard; a wrong password is
 * refused on the login form without a token (run with the throwaway probe user, whose failure
 * count a successful login clears again); logout kills the token.
 */
import {
  test,
  expect,
  AdminClient,
  attemptLogin,
  group,
  LOGIN_TEXT,
  loginOverHttp,
  logoutOverHttp,
  TOKEN_PATTERN,
} from '../../fixtures/index.ts';

// @core: OpenCart's own login, judged on every store (with MesChain-Sync or without)
// @logins: each test logs in on its own (not in production, which logs in once per role)
test.describe('login', { tag: ['@core', '@logins'] }, () => {
  test.beforeEach(async () => {
    await group('security', 'login', 'OpenCart admin login');
  });

  test('the administrator gets a 32-character user_token that opens the dashboard', async ({ settings }) => {
    const a = await attemptLogin(settings, settings.users.admin.username, settings.users.admin.password);
    expect(a.status).toBe(302);
    expect(a.location).toMatch(TOKEN_PATTERN);
    expect(a.sessionId).toMatch(/^[0-9a-z]{26,32}$/);
    const session = await loginOverHttp(settings, 'admin');
    expect((await new AdminClient(settings, session).page('common/dashboard')).h1).toBe('Dashboard');
  });

  test(
    'the marketplace viewer gets its own user_token, which opens the dashboard',
    { tag: ['@security'] },
    async ({ settings }) => {
      const session = await loginOverHttp(settings, 'viewer');
      expect(session.token).toMatch(/^[A-Za-z0-9]{32}$/);
      const viewer = new AdminClient(settings, session);
      expect((await viewer.page('common/dashboard')).h1).toBe('Dashboard');
    },
  );

  test(
    'a wrong password is refused on the login form, without a token',
    { tag: ['@security', '@writes'] },
    async ({ settings, guard }) => {
      const probe = settings.users.probe;
      await guard.unchanged('a refused login, then a successful one that clears the failure count', async () => {
        const refused = await attemptLogin(settings, probe.username, `${probe.password}-wrong`);
        expect(refused.status, 'OpenCart answers the form again, not a redirect').toBe(200);
        expect(refused.token).toBeUndefined();
        expect(refused.alert ?? '').toMatch(LOGIN_TEXT.noMatch);
        await loginOverHttp(settings, 'probe'); // success deletes the failure row (oc_customer_login)
      });
    },
  );

  test('after logout the old token opens only the login page', { tag: ['@security'] }, async ({ settings }) => {
    const session = await loginOverHttp(settings, 'admin');
    await logoutOverHttp(settings, session);
    const res = await new AdminClient(settings, session).send('GET', 'common/dashboard');
    expect(res.kind, 'the dashboard with a logged-out token').toBe('login-page');
  });
});

test(
  'a freshly logged-in marketplace viewer cannot save the hub settings',
  { tag: ['@security', '@writes', '@logins'] },
  async ({ settings }) => {
    await group('security', 'login', 'OpenCart admin login');
    const viewer = new AdminClient(settings, await loginOverHttp(settings, 'viewer'));
    const save = await viewer.post<{ error?: string }>('extension/module/meschain_sync/save', {
      status: '1',
      sync_interval: '20',
    });
    expect(save.body.error ?? '', 'a viewer saving the hub settings').toMatch(/permission/i);
  },
);
