/**
 * The framework against a real, stock OpenCart 3.0.5.0 store (PHP 8.2 + MariaDB + Apache/mod_php,
 * built by `npm run store` from ../shared/opencart/, MesChain-Sync not installed) — what a new
 * user meets first. Skipped, with the reason, when no OpenCart source is at hand.
 *
 * The checks here are the test's own: pages fetched with plain `fetch`, logins counted in Apache's
 * access log, rows counted with its own SQL — never the code that is being checked.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import {
  ensureStore,
  StorePackagesUnavailable,
  storeSourceAvailable,
  storeStatus,
  type RunningStore,
} from '../../scripts/store/index.ts';
import { provePage } from '../../fixtures/opencart/page-proof.ts';
import { changedTables, rowCounts } from '../../fixtures/opencart/store-tables.ts';
import { readGate, runQaProcess } from '../helpers/run-qa.ts';

const source = storeSourceAvailable();
const BOOKKEEPING = ['oc_session', 'oc_api_session', 'oc_customer_login'];

/** The test's own row count of every oc_ table. */
async function countRows(env: Record<string, string>): Promise<Record<string, number>> {
  const url = new URL(env.QA_STORE_DB!);
  const c = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  });
  try {
    const [tables] = await c.query<RowDataPacket[]>("SHOW TABLES LIKE 'oc\\_%'");
    const out: Record<string, number> = {};
    for (const row of tables) {
      const t = String(Object.values(row)[0]);
      const [[n]] = (await c.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${t}`)) as unknown as [[{ n: number }]];
      out[t] = Number(n.n);
    }
    return out;
  } finally {
    await c.end();
  }
}

/** Apache's access-log lines written after `offset` bytes. */
function accessLogSince(store: RunningStore, offset: number): string[] {
  return readFileSync(join(store.folder, 'logs', 'apache-access.log'), 'utf8')
    .slice(offset)
    .split('\n')
    .filter(Boolean);
}
const accessLogSize = (store: RunningStore): number => statSync(join(store.folder, 'logs', 'apache-access.log')).size;

async function login(store: RunningStore, user: string, password: string): Promise<{ cookie: string; token: string }> {
  const admin = `${store.baseUrl}/admin/index.php`;
  const form = await fetch(`${admin}?route=common/login`);
  const cookie = /OCSESSID=[^;]+/.exec(form.headers.get('set-cookie') ?? '')![0];
  await form.text();
  const res = await fetch(`${admin}?route=common/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user, password }).toString(),
  });
  await res.text();
  return { cookie, token: /user_token=([A-Za-z0-9]{32})/.exec(res.headers.get('location') ?? '')![1]! };
}

describe(
  'a stock OpenCart 3.0.5.0 store without MesChain-Sync',
  { skip: source.ok ? false : `no real store can be built here: ${source.reason}` },
  () => {
    let store: RunningStore;
    let wasRunning = false;
    /** the packages cannot be had here (apt failed): every test says so and skips; any other failure fails */
    let unavailable: string | undefined;
    before(
      async () => {
        wasRunning = storeStatus().some((s) => s.current && s.apachePid !== undefined);
        try {
          store = await ensureStore({ log: () => {} });
        } catch (err) {
          if (!(err instanceof StorePackagesUnavailable)) throw err;
          unavailable = `no real store here: ${err.message}`;
        }
      },
      { timeout: 300_000 },
    );

    after(async () => {
      if (!wasRunning) await store?.stop();
    });

    test('the page proof tells OpenCart\'s own pages apart: login form, dashboard, "Permission Denied!", "Page Not Found!"', async (t) => {
      if (unavailable) return t.skip(unavailable);
      const admin = `${store.baseUrl}/admin/index.php`;
      const get = async (url: string, cookie?: string) =>
        (await fetch(url, cookie ? { headers: { cookie } } : {})).text();
      assert.equal(provePage(await get(`${admin}?route=common/login`)).kind, 'login');
      const a = await login(store, store.env.OC_ADMIN_USERNAME!, store.env.OC_ADMIN_PASSWORD!);
      const v = await login(store, store.env.OC_VIEWER_USERNAME!, store.env.OC_VIEWER_PASSWORD!);
      const dashboard = provePage(await get(`${admin}?route=common/dashboard&user_token=${a.token}`, a.cookie), {
        heading: 'Dashboard',
      });
      assert.equal(dashboard.kind, 'page', dashboard.reason);
      assert.deepEqual(dashboard.phpNotices, []);
      assert.equal(provePage(await get(`${admin}?route=common/dashboard`, a.cookie)).kind, 'login', 'no user_token');
      // no access permission for the route (the Administrator group was never given the extension's routes)
      assert.equal(
        provePage(await get(`${admin}?route=extension/module/meschain_sync&user_token=${a.token}`, a.cookie)).kind,
        'permission',
      );
      // the viewer's group lists the route, but no controller file exists
      assert.equal(
        provePage(await get(`${admin}?route=extension/module/meschain_sync&user_token=${v.token}`, v.cookie)).kind,
        'not-found',
      );
      for (const s of [a, v])
        await (
          await fetch(`${admin}?route=common/logout&user_token=${s.token}`, {
            headers: { cookie: s.cookie },
            redirect: 'manual',
          })
        ).text();
    });

    // one production run serves every check (a local run adds only the @logins tests: measured in the README)
    test(
      'npm run qa -- --env production: the preflight sentence first, core checks green, the rest "could not evaluate" (exit 2); ' +
        "one login per role, nothing written but OpenCart's login bookkeeping",
      { timeout: 600_000 },
      async (t) => {
        if (unavailable) return t.skip(unavailable);
        const before = await countRows(store.env);
        const offset = accessLogSize(store);
        const r = await runQaProcess(['--no-report', '--env', 'production'], { env: store.env });
        const requests = accessLogSince(store, offset);
        const afterCounts = await countRows(store.env);
        const lines = r.out.split('\n').filter((l) => l.startsWith('[qa] '));
        assert.equal(r.code, 2, r.out.slice(-3000));
        assert.match(
          lines[1] ?? '',
          /^\[qa\] preflight: MesChain-Sync is not installed on this store/,
          lines.slice(0, 3).join('\n'),
        );
        const gate = readGate(r.reportsDir);
        const core = gate.conditions.find((c) => c.id === 'core.failures')!;
        assert.equal(core.status, 'passed', core.message);
        assert.ok(core.evidence.actual >= 8, `core tests executed: ${core.evidence.actual}`);
        assert.deepEqual(
          gate.conditions.filter((c) => c.status === 'failed').map((c) => c.id),
          [],
        );
        const api = gate.conditions.find((c) => c.id === 'api.contract.failures')!;
        assert.equal(api.status, 'error');
        assert.match(api.message, /MesChain-Sync is not installed/);
        assert.equal((gate as unknown as { preflight: { extension: string } }).preflight.extension, 'absent');
        // OpenCart's own pages were audited, and their violations warn (the team cannot fix them)
        assert.ok(['passed', 'warn'].includes(gate.conditions.find((c) => c.id === 'core.a11y.serious')!.status));

        const adminLogins = requests.filter((l) => /"POST \/admin\/index\.php\?route=common\/login HTTP/.test(l));
        const apiLogins = requests.filter((l) => /"POST \/index\.php\?route=api\/login/.test(l));
        assert.ok(
          adminLogins.length <= 4,
          `admin logins: ${adminLogins.length} (one per role: admin, viewer, noaccess, probe)`,
        );
        assert.ok(apiLogins.length <= 1, `API logins: ${apiLogins.length}`);
        const writes = requests.filter(
          (l) => /"(POST|PUT|DELETE|PATCH) /.test(l) && !/route=(common\/login|api\/login)/.test(l),
        );
        assert.deepEqual(writes, [], 'no state-changing request but the logins');
        const changed = Object.keys(afterCounts).filter(
          (t) => !BOOKKEEPING.includes(t) && afterCounts[t] !== before[t],
        );
        assert.deepEqual(changed, [], 'row counts of every oc_ table but the login bookkeeping');
        assert.equal(gate.conditions.find((c) => c.id === 'production.read_only')!.status, 'passed');
      },
    );

    test('the read-only evidence sees a row updated on the real store (same row count)', async (t) => {
      if (unavailable) return t.skip(unavailable);
      const url = new URL(store.env.QA_STORE_DB!);
      const db = { url, prefix: 'oc_' };
      const c = await mysql.createConnection({
        host: url.hostname,
        port: Number(url.port),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database: url.pathname.slice(1),
      });
      try {
        await c.query(
          "INSERT INTO oc_setting (store_id, `code`, `key`, `value`, serialized) VALUES (0, 'qa_canary', 'qa_canary_written', '1', 0)",
        );
        const beforeCounts = await rowCounts(db);
        // an UPDATE, as a slipped-through settings save would do: the row count stays the same
        await c.query("UPDATE oc_setting SET `value` = '2' WHERE `key` = 'qa_canary_written'");
        const changed = changedTables(db, beforeCounts, await rowCounts(db));
        assert.deepEqual(
          changed.map((t) => t.split(' ')[0]),
          ['oc_setting'],
        );
      } finally {
        await c.query("DELETE FROM oc_setting WHERE `key` = 'qa_canary_written'");
        await c.end();
      }
    });
  },
);
