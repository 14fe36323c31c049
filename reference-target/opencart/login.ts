/**
 * `common/login` and `common/logout` as stock OpenCart 3.0.x does them, including the lockout
 * kept in `oc_customer_login` (email = lower-cased username, `total`, `date_modified`).
 */
import type { App, SessionData } from '../app.ts';
import type { Req, Reply } from '../http/types.ts';
import { html, param, redirect } from '../http/types.ts';
import { verifyPassword } from './password.ts';
import { newUserToken } from './session.ts';
import { getSetting } from '../extension/models/settings.ts';
import { sqlDate } from '../db/seed.ts';
import { loginPage } from '../pages/index.ts';

export const TEXT = {
  noMatch: 'No match for Username and/or Password.',
  attempts:
    'Warning: Your account has exceeded allowed number of login attempts. Please try again in 1 hour or reset password.',
  invalidToken: 'Invalid token session. Please login again.',
} as const;

export function adminUrl(app: App, route: string, token?: string, extra = ''): string {
  return `${app.storeUrl}/admin/index.php?route=${route}${token ? `&user_token=${token}` : ''}${extra}`;
}

function loginAttempts(app: App, username: string): { total: number; date_modified: string } | undefined {
  return app.db.get('SELECT total, date_modified FROM oc_customer_login WHERE email = $e', {
    e: username.toLowerCase(),
  });
}

function isLockedOut(app: App, username: string): boolean {
  const row = loginAttempts(app, username);
  const max = Number(getSetting(app.db, 'config_login_attempts') ?? 5);
  const hourAgo = sqlDate(new Date(app.now().getTime() - 3600_000));
  return !!row && row.total >= max && row.date_modified > hourAgo;
}

function addAttempt(app: App, username: string, ip: string): void {
  const email = username.toLowerCase();
  const now = sqlDate(app.now());
  const r = app.db.run('UPDATE oc_customer_login SET total = total + 1, date_modified = $now WHERE email = $e', {
    e: email,
    now,
  });
  if (r.changes === 0) {
    app.db.run(
      `INSERT INTO oc_customer_login (email, ip, total, date_added, date_modified) VALUES ($e, $ip, 1, $now, $now)`,
      { e: email, ip, now },
    );
  }
}

/** GET shows the form (or forwards a logged-in user); POST checks credentials. */
export function login(req: Req, app: App, session: SessionData): Reply {
  const tokenInUrl = param(req.query, 'user_token');
  if (session.user_id && session.user_token && tokenInUrl === session.user_token) {
    return redirect(adminUrl(app, 'common/dashboard', session.user_token));
  }
  if (req.method !== 'POST') return loginForm(req, app, session);

  const username = param(req.body, 'username') ?? '';
  const password = param(req.body, 'password') ?? '';
  const redirectTo = param(req.body, 'redirect') ?? '';
  if (isLockedOut(app, username)) return html(loginPage({ error: TEXT.attempts, redirect: redirectTo, username }));
  const user = app.db.get<{ user_id: number; password: string }>(
    'SELECT user_id, password FROM oc_user WHERE username = $u AND status = 1',
    { u: username },
  );
  if (!username || !password || !user || !verifyPassword(password, user.password)) {
    if (username) addAttempt(app, username, req.ip);
    return html(loginPage({ error: TEXT.noMatch, redirect: redirectTo, username }));
  }
  app.db.run('DELETE FROM oc_customer_login WHERE email = $e', { e: username.toLowerCase() });
  session.user_id = user.user_id;
  session.user_token = newUserToken();
  const base = `${app.storeUrl}/admin/`;
  const location = redirectTo.startsWith(base)
    ? `${redirectTo}&user_token=${session.user_token}`
    : adminUrl(app, 'common/dashboard', session.user_token);
  return redirect(location);
}

/** The login form, as every protected route answers on a missing or wrong token (HTTP 200). */
export function loginForm(req: Req, app: App, session: SessionData): Reply {
  const tokenInUrl = param(req.query, 'user_token');
  const invalid = !!session.user_token && (tokenInUrl === undefined || tokenInUrl !== session.user_token);
  const route = param(req.query, 'route');
  let redirectTo: string | undefined;
  if (route && !route.startsWith('common/login') && !route.startsWith('common/logout')) {
    const rest = new URLSearchParams(req.url.search);
    rest.delete('route');
    rest.delete('user_token');
    const extra = rest.toString();
    redirectTo = `${app.storeUrl}/admin/index.php?route=${route}${extra ? `&${extra}` : ''}`;
  }
  return html(loginPage({ error: invalid ? TEXT.invalidToken : undefined, redirect: redirectTo }));
}

export function logout(_req: Req, app: App, session: SessionData): Reply {
  delete session.user_id;
  delete session.user_token;
  return redirect(adminUrl(app, 'common/login'));
}
