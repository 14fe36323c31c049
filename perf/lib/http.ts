/**
 * Every request of the load suite goes through `call()`: it names the request (a `name` tag
 * without the user_token), checks the status and, for JSON routes, that the answer is JSON and
 * not OpenCart's login page (a lost user_token answers HTTP 200 with the login form), and counts
 * the request in the error rate the gate reads (`meschain_errors`).
 */
import http, { type Response } from 'k6/http';
import { check } from 'k6';
import { Rate } from 'k6/metrics';
import { ERROR_METRIC } from '../config/options.ts';
// the one page proof every tool uses (plain string work: k6 bundles it as it is)
import { provePage } from '../../fixtures/opencart/page-proof.ts';

export const requestErrors = new Rate(ERROR_METRIC);

/** json: a JSON route; page: an admin page (never the login form); login-form: the login form itself; redirect: a 30x */
export type Expect = 'json' | 'page' | 'login-form' | 'redirect';

export interface Call {
  /** stable request name, e.g. `hub.metrics`: metrics tag and check prefix */
  name: string;
  method: 'GET' | 'POST';
  url: string;
  body?: string | Record<string, string>;
  headers?: Record<string, string>;
  status: number;
  expect: Expect;
}

export interface Answer {
  res: Response;
  /** the JSON object answered, when `expect` is json and the body parsed */
  json: Record<string, unknown> | undefined;
  /** the request succeeded in the gate's sense (counted in the error rate) */
  ok: boolean;
}

/** The OpenCart admin login form, e.g. after a lost or wrong user_token. */
export function isLoginPage(body: string | null): boolean {
  return typeof body === 'string' && body.includes('id="input-username"');
}

function parseObject(body: string | null): Record<string, unknown> | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function call(c: Call): Answer {
  const params = { headers: c.headers ?? {}, tags: { name: c.name }, redirects: 0, timeout: '10s' };
  const res = c.method === 'GET' ? http.get(c.url, params) : http.post(c.url, c.body ?? null, params);
  const json = c.expect === 'json' ? parseObject(res.body) : undefined;
  const loginPage = isLoginPage(res.body);
  const statusOk = check(res, { [`${c.name}: status ${c.status}`]: (r) => r.status === c.status });
  let shapeOk = true;
  if (c.expect === 'json') {
    shapeOk = check(res, { [`${c.name}: not the login page`]: () => !loginPage });
  }
  if (c.expect === 'page') {
    // not the login form, "Permission Denied!", "Page Not Found!", a PHP error or an empty body
    shapeOk = check(res, {
      [`${c.name}: the page itself (page proof)`]: () => provePage(typeof res.body === 'string' ? res.body : '').ok,
    });
  }
  if (c.expect === 'json') {
    shapeOk = check(res, { [`${c.name}: JSON object`]: () => json !== undefined }) && shapeOk;
  }
  if (c.expect === 'login-form') {
    shapeOk = check(res, { [`${c.name}: the login form`]: () => loginPage });
  }
  const ok = res.error === '' && statusOk && shapeOk;
  requestErrors.add(!ok);
  return { res, json, ok };
}

/** Checks on the content of an answer (not counted as request errors). */
export function checkAnswer(
  name: string,
  a: Answer,
  checks: Record<string, (json: Record<string, unknown>) => boolean>,
): boolean {
  const json = a.json ?? {};
  return check(
    json,
    Object.fromEntries(
      Object.entries(checks).map(([k, f]) => [`${name}: ${k}`, () => a.json !== undefined && f(json)]),
    ),
  );
}
