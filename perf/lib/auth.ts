/**
 * OpenCart 3 admin login for k6, the way a browser does it (see fixtures/opencart/login.ts for
 * the same in Node): GET the form for the OCSESSID cookie, POST the credentials with redirects
 * off, take the 32-character user_token from the 302's Location. Runs once, in setup().
 */
import { call } from './http.ts';

export interface AdminSession {
  /** `…/admin/index.php` */
  adminEntry: string;
  sessionId: string;
  token: string;
}

export const TOKEN_PATTERN = /[?&]user_token=([A-Za-z0-9]{32})(?:&|$)/;

export function login(adminEntry: string, username: string, password: string): AdminSession {
  const form = call({
    name: 'auth.login_form',
    method: 'GET',
    url: `${adminEntry}?route=common/login`,
    status: 200,
    expect: 'login-form',
  });
  const sessionId = form.res.cookies.OCSESSID?.[0]?.value;
  if (!sessionId) {
    throw new Error(
      `GET ${adminEntry}?route=common/login: expected an OCSESSID cookie; found none (status ${form.res.status}${form.res.error ? `, ${form.res.error}` : ''}). ` +
        'Is QA_BASE_URL/QA_ADMIN_PATH an OpenCart 3 admin, and is it running?',
    );
  }
  const res = call({
    name: 'auth.login',
    method: 'POST',
    url: `${adminEntry}?route=common/login`,
    status: 302,
    expect: 'redirect',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `OCSESSID=${sessionId}` },
    body: { username, password },
  }).res;
  const token = TOKEN_PATTERN.exec(res.headers.Location ?? '')?.[1];
  if (res.status !== 302 || !token) {
    const locked = (res.body ?? '').includes('exceeded allowed number of login attempts');
    throw new Error(
      `login as ${username}: expected 302 with a 32-character user_token in Location; found ${res.status}. ` +
        `Check OC_ADMIN_USERNAME/OC_ADMIN_PASSWORD in .env${locked ? '; the account is locked out: clear oc_customer_login for it' : ''}.`,
    );
  }
  return { adminEntry, sessionId, token };
}

/** URL of an admin route with the session's token. */
export function adminUrl(s: AdminSession, route: string, query: Record<string, string | number> = {}): string {
  const extra = Object.entries(query)
    .map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('');
  return `${s.adminEntry}?route=${route}&user_token=${s.token}${extra}`;
}

export function sessionHeaders(s: AdminSession, form = false): Record<string, string> {
  return {
    Cookie: `OCSESSID=${s.sessionId}`,
    'X-Requested-With': 'XMLHttpRequest',
    ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
  };
}
