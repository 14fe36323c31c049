/** The admin twin behaves like stock OpenCart 3.0.x (../shared/docs/opencart3-admin.md). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTarget } from '../helpers/target.ts';
import { adminEntry, loginOverHttp } from '../../fixtures/opencart/login.ts';
import { AdminClient } from '../../fixtures/opencart/admin-client.ts';

const t = useTarget();

async function form(url: string, body: Record<string, string>, cookie?: string) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(body).toString(),
  });
}

describe('admin login', () => {
  test('sets an OCSESSID cookie of 26 lowercase hex characters, path=/, without HttpOnly/SameSite/Secure', async () => {
    const res = await fetch(`${adminEntry(t.current.settings)}?route=common/login`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('OCSESSID='));
    assert.match(cookie ?? '', /^OCSESSID=[0-9a-f]{26}; path=\/$/);
    const html = await res.text();
    assert.match(html, /<title>Administration<\/title>/);
    assert.match(html, /id="input-username"/);
    assert.match(html, /id="input-password"/);
  });

  test('a correct login answers 302 to the dashboard with a 32-character user_token', async () => {
    const s = t.current.settings;
    const first = await fetch(`${adminEntry(s)}?route=common/login`);
    const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await form(
      `${adminEntry(s)}?route=common/login`,
      { username: s.users.admin.username, password: s.users.admin.password },
      cookie,
    );
    assert.equal(res.status, 302);
    assert.match(
      res.headers.get('location') ?? '',
      /\/admin\/index\.php\?route=common\/dashboard&user_token=[A-Za-z0-9]{32}$/,
    );
    // the session id is not regenerated at login
    assert.equal(res.headers.getSetCookie().length, 0);
  });

  test("a hidden redirect on the store's own base URL is followed after login (deep link)", async () => {
    const s = t.current.settings;
    const target = `${s.baseUrl}/admin/index.php?route=extension/module/reporting`;
    const res = await form(`${adminEntry(s)}?route=common/login`, {
      username: s.users.admin.username,
      password: s.users.admin.password,
      redirect: target,
    });
    assert.match(res.headers.get('location') ?? '', /route=extension\/module\/reporting&user_token=[A-Za-z0-9]{32}$/);
    const foreign = await form(`${adminEntry(s)}?route=common/login`, {
      username: s.users.admin.username,
      password: s.users.admin.password,
      redirect: 'http://evil.invalid/admin/x',
    });
    assert.match(foreign.headers.get('location') ?? '', /route=common\/dashboard/);
  });

  test('wrong credentials answer 200 with "No match for Username and/or Password."', async () => {
    const s = t.current.settings;
    const res = await form(`${adminEntry(s)}?route=common/login`, {
      username: s.users.probe.username,
      password: 'wrong-password',
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /No match for Username and\/or Password\./);
    await t.current.target.reset();
  });

  test('five failures lock the lower-cased username for an hour, even with the right password; success clears the row', async () => {
    const s = t.current.settings;
    const url = `${adminEntry(s)}?route=common/login`;
    const probe = s.users.probe;
    for (let i = 0; i < 5; i++)
      await (await form(url, { username: probe.username.toUpperCase(), password: 'nope' })).text();
    const row = t.current.target.app.db.get<{ total: number }>('SELECT total FROM oc_customer_login WHERE email = $e', {
      e: probe.username.toLowerCase(),
    });
    assert.equal(row?.total, 5);
    const locked = await form(url, { username: probe.username, password: probe.password });
    assert.equal(locked.status, 200);
    assert.match(await locked.text(), /exceeded allowed number of login attempts/);
    t.current.target.app.db.run('DELETE FROM oc_customer_login WHERE email = $e', { e: probe.username.toLowerCase() });
    const ok = await form(url, { username: probe.username, password: probe.password });
    assert.equal(ok.status, 302);
    const oneFailure = await form(url, { username: probe.username, password: 'nope' });
    await oneFailure.text();
    await (await form(url, { username: probe.username, password: probe.password })).text();
    assert.equal(
      t.current.target.app.db.get('SELECT 1 FROM oc_customer_login WHERE email = $e', { e: probe.username }),
      undefined,
    );
  });
});

describe('user_token', () => {
  test('a protected route without a token answers HTTP 200 with the login form', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const res = await fetch(`${adminEntry(t.current.settings)}?route=extension/module/meschain_sync`, {
      headers: { cookie: s.cookie },
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /id="input-username"/);
    assert.match(html, /Invalid token session\. Please login again\./);
  });

  test('a wrong token answers the login form with the alert; no session means no alert', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const wrong = await fetch(`${adminEntry(t.current.settings)}?route=common/dashboard&user_token=${'x'.repeat(32)}`, {
      headers: { cookie: s.cookie },
    });
    assert.match(await wrong.text(), /Invalid token session/);
    const anon = await fetch(`${adminEntry(t.current.settings)}?route=common/dashboard&user_token=${s.token}`);
    const html = await anon.text();
    assert.match(html, /id="input-username"/);
    assert.doesNotMatch(html, /Invalid token session/);
  });

  test('a token from another session is refused', async () => {
    const a = await loginOverHttp(t.current.settings, 'admin');
    const b = await loginOverHttp(t.current.settings, 'admin');
    const res = await fetch(`${adminEntry(t.current.settings)}?route=common/dashboard&user_token=${b.token}`, {
      headers: { cookie: a.cookie },
    });
    assert.match(await res.text(), /Invalid token session/);
  });

  test('logout answers 302 to the login route and ends the session token', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const out = await fetch(`${adminEntry(t.current.settings)}?route=common/logout&user_token=${s.token}`, {
      headers: { cookie: s.cookie },
      redirect: 'manual',
    });
    assert.equal(out.status, 302);
    assert.match(out.headers.get('location') ?? '', /route=common\/login$/);
    const after = await fetch(`${adminEntry(t.current.settings)}?route=common/dashboard&user_token=${s.token}`, {
      headers: { cookie: s.cookie },
    });
    assert.match(await after.text(), /id="input-username"/);
  });

  test('sessions live in oc_session', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const row = t.current.target.app.db.get<{ data: string }>('SELECT data FROM oc_session WHERE session_id = $id', {
      id: s.sessionId,
    });
    assert.equal(JSON.parse(row!.data).user_token, s.token);
  });
});

describe('dashboard, permissions and extensions', () => {
  test('the dashboard has <h1>Dashboard</h1> and the security modal markup', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const html = await (
      await fetch(`${adminEntry(t.current.settings)}?route=common/dashboard&user_token=${s.token}`, {
        headers: { cookie: s.cookie },
      })
    ).text();
    assert.match(html, /<h1[^>]*>\s*Dashboard\s*<\/h1>/);
    assert.match(html, /<div id="modal-security" class="modal[^"]*"/);
    assert.match(html, /class="modal-title text-danger"[^>]*>\s*Important Security Notification!/);
    assert.match(html, /class="close" data-dismiss="modal"/);
  });

  test('a user without access gets the error/permission page with HTTP 200', async () => {
    const s = await loginOverHttp(t.current.settings, 'noaccess');
    const res = await fetch(
      `${adminEntry(t.current.settings)}?route=extension/module/meschain_sync&user_token=${s.token}`,
      { headers: { cookie: s.cookie } },
    );
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Permission Denied!/);
  });

  test("a viewer (access, no modify) gets OpenCart's modify warning on a state change", async () => {
    const client = new AdminClient(t.current.settings, await loginOverHttp(t.current.settings, 'viewer'));
    const res = await client.post<{ error: string }>('extension/module/meschain_sync/save', {
      status: '1',
      sync_interval: '30',
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.error, 'Warning: You do not have permission to modify MesChain-Sync Hub!');
  });

  test('the extensions list loads the module table listing the MesChain-Sync modules', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const page = await (
      await fetch(`${adminEntry(t.current.settings)}?route=marketplace/extension&type=module&user_token=${s.token}`, {
        headers: { cookie: s.cookie },
      })
    ).text();
    assert.match(page, /<h1[^>]*>\s*Extensions\s*<\/h1>/);
    assert.match(page, /id="extension"/);
    const fragment = await (
      await fetch(`${adminEntry(t.current.settings)}?route=extension/extension/module&user_token=${s.token}`, {
        headers: { cookie: s.cookie },
      })
    ).text();
    assert.match(fragment, /<legend>Modules<\/legend>/);
    for (const name of [
      'MesChain-Sync Hub',
      'MesChain-Sync Trendyol',
      'MesChain-Sync Hepsiburada',
      'MesChain-Sync N11',
    ])
      assert.ok(fragment.includes(name), name);
  });

  test('install and uninstall change oc_extension and the group permissions; a viewer may not', async () => {
    const s = await loginOverHttp(t.current.settings, 'admin');
    const get = (route: string, who = s) =>
      fetch(`${adminEntry(t.current.settings)}?route=${route}&user_token=${who.token}`, {
        headers: { cookie: who.cookie },
      }).then((r) => r.text());
    assert.match(
      await get('extension/extension/module/install&extension=amazon'),
      /Success: You have installed MesChain-Sync Amazon!/,
    );
    assert.ok(t.current.target.app.db.get(`SELECT 1 FROM oc_extension WHERE code = 'amazon'`));
    assert.match(await get('extension/extension/module/uninstall&extension=amazon'), /Success: You have uninstalled/);
    assert.equal(t.current.target.app.db.get(`SELECT 1 FROM oc_extension WHERE code = 'amazon'`), undefined);
    const v = await loginOverHttp(t.current.settings, 'viewer');
    assert.match(
      await get('extension/extension/module/uninstall&extension=trendyol', v),
      /permission to modify extensions/,
    );
    assert.ok(t.current.target.app.db.get(`SELECT 1 FROM oc_extension WHERE code = 'trendyol'`));
  });

  test('no admin route sends Access-Control-Allow-Origin', async () => {
    const client = new AdminClient(t.current.settings, await loginOverHttp(t.current.settings, 'admin'));
    const res = await client.get('extension/module/meschain_sync/metrics');
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });
});

describe('catalog API', () => {
  test('api/login: wrong key answers [], right key from an allowed IP starts a session', async () => {
    const s = t.current.settings;
    const url = `${s.baseUrl}/index.php?route=api/login`;
    const wrong = await form(url, { username: s.apiUsername, key: 'nope' });
    assert.deepEqual(await wrong.json(), []);
    const ok = (await (await form(url, { username: s.apiUsername, key: s.apiKey })).json()) as {
      success: string;
      api_token: string;
    };
    assert.equal(ok.success, 'Success: API session successfully started!');
    assert.match(ok.api_token, /^[0-9a-f]{26}$/);
    const status = (await (
      await fetch(`${s.baseUrl}/index.php?route=api/meschain/status&api_token=${ok.api_token}`)
    ).json()) as { success?: string };
    assert.ok(status.success);
    const bad = await (await fetch(`${s.baseUrl}/index.php?route=api/meschain/status&api_token=deadbeef`)).json();
    assert.deepEqual(bad, { error: { warning: 'Warning: You do not have permission to access the API!' } });
  });

  test('api/login refuses an IP that is not in oc_api_ip', async () => {
    const s = t.current.settings;
    const db = t.current.target.app.db;
    db.run(`UPDATE oc_api_ip SET ip = '10.9.9.9'`);
    try {
      const res = await (
        await form(`${s.baseUrl}/index.php?route=api/login`, { username: s.apiUsername, key: s.apiKey })
      ).json();
      assert.deepEqual(res, { error: { ip: 'Warning: Your IP 127.0.0.1 is not allowed to access this API!' } });
    } finally {
      db.run(`UPDATE oc_api_ip SET ip = '127.0.0.1'`);
    }
  });
});
