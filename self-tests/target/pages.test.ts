/**
 * Every admin page template of the reference target, rendered in-process against a freshly seeded
 * in-memory database: key markup, labels, token-carrying URLs, no secrets, autoescaping, fault
 * hooks, the PWA manifest and its icons, and the service worker's request routing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { AdminReq, App, SyncService } from '../../reference-target/app.ts';
import { readTargetConfig, PROJECT_ROOT } from '../../reference-target/config.ts';
import { Database } from '../../reference-target/db/database.ts';
import {
  insertImportedOrder,
  seedDatabase,
  sqlDate,
  XSS_WEBHOOK_NOTE,
  GROUP_IDS,
} from '../../reference-target/db/seed.ts';
import { SECRET_MASK } from '../../reference-target/extension/credentials.ts';
import { dashboardMetrics } from '../../reference-target/extension/models/dashboard.ts';
import { writeSyncLog } from '../../reference-target/extension/models/logs.ts';
import {
  INSTALLED_MODULES,
  MARKETPLACES,
  MARKETPLACE_SETTINGS,
  MODULES,
  moduleRoute,
  type Marketplace,
} from '../../reference-target/extension/modules.ts';
import { FaultSet, type FaultName } from '../../reference-target/faults.ts';
import type { Reply } from '../../reference-target/http/types.ts';
import * as pages from '../../reference-target/pages/index.ts';
import { createRenderer, safeJson } from '../../reference-target/views/render.ts';

const TOKEN = 'Tk7pQ2xY9aBcDeFgHiJkLmNoPqRsTuVw';
const TODAY = new Date('2026-03-15T10:30:00Z');
const PUBLIC = resolve(PROJECT_ROOT, 'reference-target/public');
const config = readTargetConfig({});
const SECRETS = [
  config.marketplaceCredentials.trendyol.apiKey,
  config.marketplaceCredentials.trendyol.apiSecret,
  config.marketplaceCredentials.hepsiburada.token,
  config.marketplaceCredentials.n11.appKey,
  config.marketplaceCredentials.n11.appSecret,
];
const render = createRenderer();

const noSync: SyncService = {
  enqueue: () => {
    throw new Error('pages never enqueue');
  },
  job: () => undefined,
  testConnection: () => Promise.reject(new Error('not in page tests')),
  fetchOrders: () => Promise.reject(new Error('not in page tests')),
  fetchCategories: () => Promise.reject(new Error('not in page tests')),
};

function makeApp(faults: FaultName[] = []): App {
  const db = new Database(':memory:');
  const c = config.marketplaceCredentials;
  const sim = {
    trendyol: 'http://127.0.0.1:1/ty',
    hepsiburada: 'http://127.0.0.1:1/hb',
    n11: 'http://127.0.0.1:1/n11',
  };
  seedDatabase(db, {
    today: TODAY,
    users: [
      { username: 'admin', passwordHash: 'x', group: 'admin' },
      { username: 'viewer', passwordHash: 'x', group: 'viewer' },
    ],
    apiKey: config.apiKey,
    encryptionKey: config.encryptionKey,
    marketplaceSettings: {
      trendyol: {
        api_key: c.trendyol.apiKey,
        api_secret: c.trendyol.apiSecret,
        supplier_id: c.trendyol.supplierId,
        endpoint: sim.trendyol,
      },
      hepsiburada: { merchant_id: c.hepsiburada.merchantId, api_token: c.hepsiburada.token, endpoint: sim.hepsiburada },
      n11: { app_key: c.n11.appKey, app_secret: c.n11.appSecret, endpoint: sim.n11 },
    },
    secretKeys: Object.fromEntries(
      MARKETPLACES.map((mp) => [mp, MARKETPLACE_SETTINGS[mp].fields.filter((f) => f.secret).map((f) => f.key)]),
    ) as Record<Marketplace, string[]>,
  });
  return {
    config,
    db,
    faults: new FaultSet(faults),
    storeUrl: 'http://127.0.0.1:8790',
    simulators: sim,
    render,
    sync: noSync,
    now: () => TODAY,
  };
}

function adminReq(route: string, query: Record<string, unknown> = {}, group: 'admin' | 'viewer' = 'admin'): AdminReq {
  const routes =
    group === 'admin'
      ? [
          'marketplace/extension',
          'extension/extension/module',
          'catalog/product',
          'sale/order',
          ...INSTALLED_MODULES.map((m) => moduleRoute(m.code)),
        ]
      : ['marketplace/extension', 'extension/extension/module', ...INSTALLED_MODULES.map((m) => moduleRoute(m.code))];
  const url = new URL(`http://127.0.0.1:8790/admin/index.php?route=${route}&user_token=${TOKEN}`);
  return {
    method: 'GET',
    url,
    query: { route, user_token: TOKEN, ...query },
    body: {},
    rawBody: Buffer.alloc(0),
    headers: {},
    cookies: {},
    ip: '127.0.0.1',
    route,
    sessionId: 'a'.repeat(26),
    session: { user_id: 1, user_token: TOKEN },
    user: {
      userId: 1,
      username: group,
      userGroupId: GROUP_IDS[group],
      access: routes,
      modify: group === 'admin' ? routes : [],
    },
    token: TOKEN,
  };
}

const body = (r: Reply): string => {
  assert.equal(r.status, 200);
  assert.match(String(r.headers['content-type']), /^text\/html/);
  return String(r.body);
};
const attr = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const h1 = (html: string): string => (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').trim();
const jsonBlock = <T>(html: string, id: string): T => {
  const m = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  assert.ok(m, `expected a JSON data block #${id}`);
  return JSON.parse(m[1]!) as T;
};

/** Accessibility basics every page must keep (the a11y-regression fault breaks them on purpose). */
function a11yProblems(html: string): string[] {
  const problems: string[] = [];
  if (!/<html[^>]*\blang="[a-z-]+"/i.test(html)) problems.push('<html> without lang');
  for (const tag of ['header', 'main', 'footer'])
    if (!new RegExp(`<${tag}[\\s>]`).test(html)) problems.push(`no <${tag}> landmark`);
  if (!/<a class="skip-link" href="#content">/.test(html)) problems.push('no skip link');
  const labels = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    if (/type="hidden"/.test(attrs)) continue;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1];
    if (!id || (!labels.has(id) && !/aria-label=/.test(attrs)))
      problems.push(`${m[1]} ${id ?? '(no id)'} without a label`);
  }
  for (const m of html.matchAll(/<img\b([^>]*)>/g))
    if (!/\balt="[^"]*"/.test(m[1]!)) problems.push(`img without alt: ${m[0]}`);
  for (const m of html.matchAll(/<th\b([^>]*)>/g))
    if (!/\bscope="(col|row)"/.test(m[1]!)) problems.push(`th without scope: ${m[0]}`);
  for (const m of html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)) {
    if (!/aria-label="[^"]+"/.test(m[1]!) && !m[2]!.replace(/<[^>]+>/g, '').trim())
      problems.push(`button without a name: ${m[0]}`);
  }
  for (const m of html.matchAll(/<canvas\b([^>]*)>/g))
    if (!/role="img"/.test(m[1]!) || !/aria-label="[^"]+"/.test(m[1]!)) problems.push(`canvas without name: ${m[0]}`);
  return problems;
}

/** Every admin URL in the page (links, form actions, data-action) carries the session's token. */
function linksWithoutToken(html: string): string[] {
  return [...html.matchAll(/(?:href|action|data-action|value)="(index\.php\?route=[^"]*)"/g)]
    .map((m) => attr(m[1]!))
    .filter((u) => !u.includes(`user_token=${TOKEN}`) && !u.startsWith('index.php?route=common/login'));
}

function assertCommonPage(html: string, title: RegExp): void {
  assert.match(html, title);
  assert.deepEqual(a11yProblems(html), []);
  assert.deepEqual(linksWithoutToken(html), []);
  assert.match(html, /<link rel="manifest" href="\/admin\/view\/javascript\/meschain\/manifest\.json" \/>/);
  assert.match(html, /<script src="\/admin\/view\/javascript\/meschain\/pwa\.js" defer><\/script>/);
  assert.match(html, /data-sw-url="\/admin\/meschain-sw\.js" data-sw-scope="\/admin\/"/);
  assert.doesNotMatch(html, /cdn|unpkg|jsdelivr/i, 'vendor files must be served locally');
  for (const s of SECRETS) assert.ok(!html.includes(s), `secret ${s.slice(0, 3)}… in the page`);
}

describe('renderer', () => {
  test('autoescapes every value and keeps json_script inert inside <script>', () => {
    const html = render('extension/extension/module.twig', {
      success: '<b onmouseover="x()">done</b>',
      error: '',
      extensions: [
        {
          code: 'x',
          name: `"><script>alert('x')</script>`,
          installed: false,
          status: '',
          install: '#',
          edit: '#',
          uninstall: '#',
        },
      ],
    });
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert(&#039;x&#039;)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;b onmouseover=&quot;x()&quot;&gt;done&lt;/b&gt;'));
    assert.equal(safeJson({ a: '</script><x>&\u2028' }), '{"a":"\\u003c/script\\u003e\\u003cx\\u003e\\u0026\\u2028"}');
  });

  test('refuses template names outside views/', () => {
    assert.throws(() => render('../config.ts', {}), /expected a template name/);
  });
});

describe('OpenCart core pages', () => {
  const app = makeApp();

  test('login: title, fields with labels, action, hidden redirect and the error alert', () => {
    const plain = pages.loginPage({});
    assert.match(plain, /<title>Administration<\/title>/);
    assert.match(plain, /<form action="index\.php\?route=common\/login" method="post"/);
    assert.match(plain, /<label for="input-username">Username<\/label>/);
    assert.match(plain, /<input type="text" name="username" value="" placeholder="Username" id="input-username"/);
    assert.match(plain, /<input type="password" name="password" value="" placeholder="Password" id="input-password"/);
    assert.doesNotMatch(plain, /name="redirect"/);
    assert.doesNotMatch(plain, /alert-danger/);
    assert.deepEqual(a11yProblems(plain), []);

    const deep = 'http://127.0.0.1:8790/admin/index.php?route=extension/module/reporting&date_start=2026-03-01';
    const failed = pages.loginPage(
      { error: 'No match for Username and/or Password.', redirect: deep, username: 'ad"min' },
      app,
    );
    assert.match(
      failed,
      /<div class="alert alert-danger alert-dismissible" role="alert">No match for Username and\/or Password\./,
    );
    assert.match(
      failed,
      /<input type="hidden" name="redirect" value="http:\/\/127\.0\.0\.1:8790\/admin\/index\.php\?route=extension\/module\/reporting&amp;date_start=2026-03-01" \/>/,
    );
    assert.match(failed, /value="ad&quot;min"/);
  });

  test('dashboard: <h1> Dashboard and the security modal exactly as OpenCart sends it', () => {
    const html = body(pages.dashboardPage(adminReq('common/dashboard'), app));
    assertCommonPage(html, /<title>Dashboard<\/title>/);
    assert.equal(h1(html), 'Dashboard');
    assert.match(html, /<div id="modal-security" class="modal"/);
    assert.match(html, /<h4 class="modal-title text-danger"[^>]*>Important Security Notification!<\/h4>/);
    assert.match(html, /<div id="modal-security"[\s\S]*<button type="button" class="close" data-dismiss="modal"/);
    assert.match(html, /<script src="\/admin\/view\/javascript\/common\.js" defer>/);
    assert.match(html, /<script src="\/admin\/view\/javascript\/jquery\/jquery\.min\.js" defer>/);
    assert.match(
      html,
      /<link rel="stylesheet" href="\/admin\/view\/javascript\/bootstrap\/css\/bootstrap\.min\.css" \/>/,
    );
  });

  test('left menu links every MesChain-Sync page with the token (and only what the user may access)', () => {
    const html = body(pages.dashboardPage(adminReq('common/dashboard'), app));
    for (const m of INSTALLED_MODULES) {
      assert.ok(
        html.includes(`href="index.php?route=${moduleRoute(m.code)}&amp;user_token=${TOKEN}"`),
        `menu link to ${m.code}`,
      );
    }
    const noExt = adminReq('common/dashboard');
    noExt.user.access = ['catalog/product'];
    const limited = body(pages.dashboardPage(noExt, app));
    assert.doesNotMatch(limited, /route=extension\/module\//);
  });

  test('permission and not-found pages', () => {
    const denied = body(pages.permissionPage(adminReq('extension/module/reporting'), app));
    assert.equal(h1(denied), 'Permission Denied!');
    assertCommonPage(denied, /<title>Permission Denied!<\/title>/);
    const missing = body(pages.notFoundPage(adminReq('nope/nope'), app));
    assert.equal(h1(missing), 'Page Not Found!');
    const { user: _u, token: _t, ...loggedOut } = adminReq('error/not_found');
    const anon = body(pages.notFoundPage(loggedOut, app));
    assert.equal(h1(anon), 'Page Not Found!');
    assert.doesNotMatch(anon, /id="column-left"/);
  });

  test('extensions list loads the module fragment into #extension; fragment lists every module', () => {
    const html = body(pages.extensionListPage(adminReq('marketplace/extension', { type: 'module' }), app));
    assertCommonPage(html, /<title>Extensions<\/title>/);
    assert.equal(h1(html), 'Extensions');
    assert.match(html, /<div id="extension"/);
    assert.ok(
      html.includes(
        `<option value="index.php?route=extension/extension/module&amp;user_token=${TOKEN}" selected="selected">`,
      ),
    );

    app.db.run(`DELETE FROM oc_extension WHERE code = 'n11'`);
    const fragment = body(pages.extensionModuleFragment(adminReq('extension/extension/module'), app));
    assert.match(fragment, /<legend>Modules<\/legend>/);
    assert.deepEqual(linksWithoutToken(fragment), []);
    for (const m of MODULES) {
      const row = new RegExp(`<tr data-extension="${m.code}">([\\s\\S]*?)</tr>`).exec(fragment)?.[1] ?? '';
      assert.ok(row.includes(m.title), `row for ${m.code}`);
      const installed = m.installed && m.code !== 'n11';
      assert.equal(/>Edit</.test(row), installed, `${m.code} Edit`);
      assert.equal(/>Uninstall</.test(row), installed, `${m.code} Uninstall`);
      assert.equal(/>Install</.test(row), !installed, `${m.code} Install`);
    }
    assert.ok(
      fragment.includes(
        `index.php?route=extension/extension/module/install&amp;user_token=${TOKEN}&amp;extension=amazon`,
      ),
    );
  });
});

describe('MesChain-Sync pages', () => {
  const app = makeApp();

  test('hub: charts, status table, cards, settings form and server-rendered data', () => {
    const req = adminReq('extension/module/meschain_sync');
    const html = body(pages.hubPage(req, app));
    assertCommonPage(html, /<title>MesChain-Sync Dashboard<\/title>/);
    assert.match(html, /<canvas id="chart-sync-trend" role="img" aria-label="[^"]+">/);
    assert.match(html, /<canvas id="chart-product-distribution" role="img" aria-label="[^"]+">/);
    assert.match(html, /<script src="\/admin\/view\/javascript\/chart\.js\/chart\.umd\.js" defer>/);
    assert.match(html, /<script src="\/admin\/view\/javascript\/meschain\/dashboard\.js" defer>/);
    const table =
      /<table class="table table-bordered table-hover" id="marketplace-status">([\s\S]*?)<\/table>/.exec(html)?.[1] ??
      '';
    const heads = [...table.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
    assert.deepEqual(heads, ['Marketplace', 'Synced products', 'Last sync', 'Success rate', 'Status']);
    for (const mp of MARKETPLACES) {
      assert.match(table, new RegExp(`<tr data-marketplace="${mp}">`));
      assert.match(
        html,
        new RegExp(`data-action="index.php\\?route=extension/module/${mp}/sync_products&amp;user_token=${TOKEN}"`),
      );
    }
    assert.match(
      html,
      new RegExp(
        `<form id="form-meschain-sync"[^>]*action="index.php\\?route=extension/module/meschain_sync/save&amp;user_token=${TOKEN}"`,
      ),
    );
    for (const name of ['status', 'debug', 'sync_interval']) assert.match(html, new RegExp(`name="${name}"`));
    const data = jsonBlock<{
      metrics: unknown;
      chart: { sync_counts: { data: number[] }[] };
      urls: Record<string, string>;
    }>(html, 'meschain-dashboard-data');
    assert.deepEqual(data.metrics, dashboardMetrics(app.db, TODAY));
    assert.ok(data.chart.sync_counts.every((s) => s.data.length === 14 && s.data.some((n) => n > 0)));
    assert.equal(data.urls.metrics, `index.php?route=extension/module/meschain_sync/metrics&user_token=${TOKEN}`);
    assert.equal(data.urls.chart_data, `index.php?route=extension/module/meschain_sync/chartData&user_token=${TOKEN}`);
    assert.equal(data.urls.job, `index.php?route=extension/module/meschain_sync/job&user_token=${TOKEN}`);
    assert.doesNotMatch(html, /heavy\.js/);
  });

  for (const mp of MARKETPLACES) {
    test(`${mp} settings: secrets are write-only, every field labelled, mapping table`, () => {
      const html = body(pages.marketplaceSettingsPage(adminReq(moduleRoute(mp)), app, mp));
      assertCommonPage(html, new RegExp(`<title>${MARKETPLACE_SETTINGS[mp].title} – MesChain-Sync</title>`));
      assert.ok(!html.includes(SECRET_MASK), 'the mask must not reach the page either');
      assert.doesNotMatch(html, /enc:v1:/);
      for (const f of MARKETPLACE_SETTINGS[mp].fields) {
        const input = new RegExp(
          `<input type="(\\w+)" name="${f.key}" id="input-${f.key.replace(/_/g, '-')}"[^>]*>`,
        ).exec(html);
        assert.ok(input, `input for ${f.key}`);
        if (f.secret) {
          assert.equal(input[1], 'password');
          assert.match(input[0], /value=""/);
          assert.match(input[0], /placeholder="A value is stored[^"]*"/);
        } else {
          assert.equal(input[1], 'text');
        }
      }
      if (mp === 'trendyol') {
        assert.match(html, /name="supplier_id" id="input-supplier-id"[^>]*value="104512"/);
        assert.match(html, /<tr data-category-id="1">/);
      }
      const data = jsonBlock<{ urls: Record<string, string> }>(html, 'meschain-settings-data');
      assert.equal(data.urls.save, `index.php?route=extension/module/${mp}/save&user_token=${TOKEN}`);
      assert.equal(
        data.urls.test_connection,
        `index.php?route=extension/module/${mp}/test_connection&user_token=${TOKEN}`,
      );
      assert.equal(
        data.urls.category_mapping,
        `index.php?route=extension/module/${mp}/category_mapping&user_token=${TOKEN}`,
      );
      assert.doesNotMatch(JSON.stringify(data), new RegExp(SECRETS.join('|')));
    });
  }

  test('reporting: filters, export link, charts, escaped product names', () => {
    const at = sqlDate(new Date(TODAY.getTime() - 2 * 86_400_000));
    insertImportedOrder(
      app.db,
      null,
      'trendyol',
      'XSS-1',
      { firstName: 'A', lastName: 'B', email: 'a@example.invalid', phone: '1' },
      [{ productId: 1, name: '<script>window.__pwned=1</script>', sku: 'X-1', quantity: 500, price: 999 }],
      499_500,
      at,
    );
    const html = body(
      pages.reportingPage(
        adminReq('extension/module/reporting', { report_type: 'sales', marketplace: 'trendyol' }),
        app,
      ),
    );
    assertCommonPage(html, /<title>Reporting – MesChain-Sync<\/title>/);
    for (const id of [
      'input-report-type',
      'input-date-start',
      'input-date-end',
      'input-marketplace',
      'button-refresh',
      'button-export',
      'chart-sales',
      'chart-marketplace',
      'top-products',
    ]) {
      assert.match(html, new RegExp(`id="${id}"`));
    }
    assert.ok(
      html.includes(
        `href="index.php?route=extension/module/reporting/exportReport&amp;user_token=${TOKEN}&amp;report_type=sales&amp;date_start=2026-02-14&amp;date_end=2026-03-15&amp;marketplace=trendyol"`,
      ),
    );
    assert.ok(!html.includes('<script>window.__pwned'));
    assert.ok(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
    const data = jsonBlock<{ report: { top_products: { name: string }[] } }>(html, 'meschain-reporting-data');
    assert.equal(data.report.top_products[0]?.name, '<script>window.__pwned=1</script>');
  });

  test('sync log: filters, first page server-rendered, escaped messages, token on page links', () => {
    writeSyncLog(app.db, {
      marketplace: 'n11',
      operation: 'product_sync',
      status: 'error',
      message: '<img src=x onerror=alert(1)>',
      at: sqlDate(TODAY),
    });
    const html = body(pages.syncLogPage(adminReq('extension/module/log_viewer'), app));
    assertCommonPage(html, /<title>Sync Log – MesChain-Sync<\/title>/);
    for (const id of [
      'input-filter-marketplace',
      'input-filter-status',
      'input-filter-operation',
      'input-filter-date-from',
      'input-filter-date-to',
      'sync-log',
      'sync-log-pager',
    ]) {
      assert.match(html, new RegExp(`id="${id}"`));
    }
    assert.equal([...html.matchAll(/<tr data-log-id=/g)].length, 20);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes('<img src=x'));
    const filtered = body(
      pages.syncLogPage(
        adminReq('extension/module/log_viewer', { marketplace: 'n11', status: 'bogus', page: '2' }),
        app,
      ),
    );
    assert.match(filtered, /<option value="n11" selected="selected">N11<\/option>/);
    assert.match(
      filtered,
      /<li class="active"><a href="index\.php\?route=extension\/module\/log_viewer&amp;user_token=[^"]+&amp;marketplace=n11&amp;page=2"/,
    );
  });

  test('webhooks: table actions, detail modal, stats; the stored XSS payload never reaches the HTML', () => {
    const html = body(pages.webhooksPage(adminReq('extension/module/webhooks'), app));
    assertCommonPage(html, /<title>Webhooks – MesChain-Sync<\/title>/);
    assert.match(html, /<div id="modal-webhook-detail" class="modal fade"/);
    assert.match(html, /<pre id="webhook-detail-payload"/);
    for (const id of ['chart-webhook-trend', 'chart-webhook-status', 'stat-total_webhooks', 'stat-avg_response_time'])
      assert.match(html, new RegExp(`id="${id}"`));
    assert.equal([...html.matchAll(/class="btn btn-default btn-sm btn-view"/g)].length, 20);
    assert.ok(!html.includes(XSS_WEBHOOK_NOTE));
    assert.doesNotMatch(html, /onerror="window\.__xss/);
    const data = jsonBlock<{ urls: Record<string, string>; stats: { total_webhooks: number } }>(
      html,
      'meschain-webhooks-data',
    );
    assert.equal(data.stats.total_webhooks, 40);
    assert.equal(data.urls.detail, `index.php?route=extension/module/webhooks/detail&user_token=${TOKEN}`);
    assert.equal(data.urls.retry, `index.php?route=extension/module/webhooks/retry&user_token=${TOKEN}`);
    assert.equal(data.urls.delete, `index.php?route=extension/module/webhooks/delete&user_token=${TOKEN}`);
    const js = readFileSync(resolve(PUBLIC, 'javascript/meschain/webhooks.js'), 'utf8');
    assert.doesNotMatch(js, /\.html\(/, 'webhook data is only ever inserted as text');
  });
});

describe('fault hooks on pages', () => {
  test('a11y-regression drops labels and alt text and lowers contrast on hub and settings pages', () => {
    const app = makeApp(['a11y-regression']);
    for (const r of [
      pages.hubPage(adminReq('extension/module/meschain_sync'), app),
      pages.marketplaceSettingsPage(adminReq('extension/module/trendyol'), app, 'trendyol'),
    ]) {
      const html = body(r);
      const problems = a11yProblems(html);
      assert.ok(problems.some((p) => p.includes('without a label')));
      assert.ok(problems.some((p) => p.startsWith('img without alt')));
      assert.match(html, /<body class="meschain-low-contrast"/);
    }
    assert.deepEqual(a11yProblems(body(pages.syncLogPage(adminReq('extension/module/log_viewer'), app))), []);
  });

  test('chart-empty renders every dataset empty', () => {
    const html = body(pages.hubPage(adminReq('extension/module/meschain_sync'), makeApp(['chart-empty'])));
    const data = jsonBlock<{
      chart: { labels: string[]; sync_counts: { data: number[] }[]; product_distribution: { data: number[] } };
    }>(html, 'meschain-dashboard-data');
    assert.equal(data.chart.labels.length, 14);
    assert.ok(data.chart.sync_counts.every((s) => s.data.length === 0));
    assert.deepEqual(data.chart.product_distribution.data, []);
  });

  test('heavy-page adds 60 render-blocking scripts to the hub only', () => {
    const app = makeApp(['heavy-page']);
    const html = body(pages.hubPage(adminReq('extension/module/meschain_sync'), app));
    const heavy = [
      ...html.matchAll(/<script src="\/admin\/view\/javascript\/meschain\/heavy\.js\?n=(\d+)"><\/script>/g),
    ];
    assert.equal(heavy.length, 60);
    assert.equal(new Set(heavy.map((m) => m[1])).size, 60);
    assert.ok(html.indexOf('heavy.js') < html.indexOf('</head>'));
    assert.doesNotMatch(body(pages.webhooksPage(adminReq('extension/module/webhooks'), app)), /heavy\.js/);
  });

  test('flaky-ui drops the status table on every second hub render of a session', () => {
    const app = makeApp(['flaky-ui']);
    const req = adminReq('extension/module/meschain_sync');
    const shown = [1, 2, 3, 4].map(() => /id="marketplace-status"/.test(body(pages.hubPage(req, app))));
    assert.deepEqual(shown, [true, false, true, false]);
    assert.equal(req.session.dashboard_renders, 4);
    const steady = makeApp();
    assert.ok([1, 2].every(() => /id="marketplace-status"/.test(body(pages.hubPage(req, steady)))));
  });
});

describe('PWA', () => {
  const manifest = JSON.parse(readFileSync(resolve(PUBLIC, 'javascript/meschain/manifest.json'), 'utf8')) as {
    name: string;
    short_name: string;
    display: string;
    theme_color: string;
    background_color: string;
    lang: string;
    start_url: string;
    scope: string;
    shortcuts: { name: string; url: string }[];
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };

  test('manifest says what the extension design says', () => {
    assert.equal(manifest.name, 'MesChain-Sync – Multi-Marketplace Integration Platform');
    assert.equal(manifest.short_name, 'MesChain-Sync');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.theme_color, '#3B82F6');
    assert.equal(manifest.background_color, '#F3F4F6');
    assert.equal(manifest.lang, 'tr-TR');
    assert.equal(manifest.scope, '/admin/');
    assert.equal(manifest.start_url, '/admin/index.php?route=extension/module/meschain_sync');
    assert.deepEqual(
      manifest.shortcuts.map((s) => s.name),
      ['Dashboard', 'Orders'],
    );
    assert.deepEqual(
      manifest.icons.filter((i) => i.purpose !== 'maskable').map((i) => i.sizes),
      [...pages.ICON_SIZES].map((s) => `${s}x${s}`),
    );
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  });

  test('every icon is a real PNG whose IHDR size equals the declared size', () => {
    for (const icon of manifest.icons) {
      assert.ok(icon.src.startsWith('/admin/view/'));
      const png = readFileSync(resolve(PUBLIC, icon.src.slice('/admin/view/'.length)));
      assert.deepEqual(
        [...png.subarray(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        `${icon.src} PNG signature`,
      );
      assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
      const [w, h] = icon.sizes.split('x').map(Number);
      assert.equal(png.readUInt32BE(16), w, `${icon.src} width`);
      assert.equal(png.readUInt32BE(20), h, `${icon.src} height`);
      assert.equal(icon.type, 'image/png');
    }
  });
});

describe('service worker', () => {
  interface FakeEvent {
    request: Request;
    responded?: Promise<Response>;
    respondWith(p: Promise<Response>): void;
    waitUntil(p: Promise<unknown>): void;
  }
  type Listener = (e: unknown) => void;

  function loadWorker(file: string, network: (req: Request) => Promise<Response>) {
    const listeners: Record<string, Listener[]> = {};
    const store = new Map<string, Map<string, Response>>();
    const keyOf = (r: Request | string) =>
      typeof r === 'string' ? new URL(r, 'http://127.0.0.1:8790').toString() : r.url;
    const caches = {
      open: async (name: string) => {
        if (!store.has(name)) store.set(name, new Map());
        const c = store.get(name)!;
        return {
          put: async (k: Request | string, r: Response) => {
            c.set(keyOf(k), r);
          },
          add: async (k: string) => {
            c.set(keyOf(k), await network(new Request(keyOf(k))));
          },
          addAll: async (ks: string[]) => {
            for (const k of ks) c.set(keyOf(k), await network(new Request(keyOf(k))));
          },
        };
      },
      match: async (k: Request | string) => {
        for (const c of store.values()) {
          const r = c.get(keyOf(k));
          if (r) return r.clone();
        }
        return undefined;
      },
      keys: async () => [...store.keys()],
      delete: async (name: string) => store.delete(name),
    };
    const self = {
      location: new URL('http://127.0.0.1:8790/admin/meschain-sw.js?v=test'),
      addEventListener: (type: string, fn: Listener) => {
        (listeners[type] ??= []).push(fn);
      },
      skipWaiting: async () => undefined,
      clients: { claim: async () => undefined },
    };
    runInNewContext(readFileSync(resolve(PUBLIC, 'javascript/meschain', file), 'utf8'), {
      self,
      caches,
      fetch: network,
      Response,
      Request,
      URL,
      Promise,
      console,
    });
    const fire = (type: string, e: unknown) => {
      for (const fn of listeners[type] ?? []) fn(e);
    };
    const fetchEvent = (url: string, init: { method?: string; body?: string; navigate?: boolean } = {}): FakeEvent => {
      const request = new Request(new URL(url, 'http://127.0.0.1:8790'), { method: init.method, body: init.body });
      if (init.navigate) Object.defineProperty(request, 'mode', { value: 'navigate' });
      const e: FakeEvent = {
        request,
        respondWith(p) {
          e.responded = p;
        },
        waitUntil() {},
      };
      fire('fetch', e);
      return e;
    };
    return { listeners, store, fire, fetchEvent };
  }

  const online = async (req: Request) =>
    new Response(req.url.includes('route=') ? '{"ok":true}' : 'asset', {
      status: 200,
      headers: { 'content-type': 'text/plain' },
    });
  const offline = async () => {
    throw new TypeError('Failed to fetch');
  };

  test('install precaches the shell into a versioned cache; activate drops old caches', async () => {
    const w = loadWorker('sw.js', online);
    w.store.set('meschain-static-v0', new Map());
    let installing: Promise<unknown> = Promise.resolve();
    w.fire('install', {
      waitUntil: (p: Promise<unknown>) => {
        installing = p;
      },
    });
    await installing;
    assert.deepEqual(
      [...w.store.keys()].filter((k) => k !== 'meschain-static-v0'),
      ['meschain-static-v1-test'],
    );
    assert.ok(
      w.store.get('meschain-static-v1-test')!.has('http://127.0.0.1:8790/admin/view/javascript/meschain/offline.html'),
    );
    let activating: Promise<unknown> = Promise.resolve();
    w.fire('activate', {
      waitUntil: (p: Promise<unknown>) => {
        activating = p;
      },
    });
    await activating;
    assert.ok(!w.store.has('meschain-static-v0'));
  });

  test('non-GET and cross-origin requests bypass the worker', () => {
    const w = loadWorker('sw.js', online);
    assert.equal(
      w.fetchEvent('/admin/index.php?route=extension/module/webhooks/retry&user_token=x', {
        method: 'POST',
        body: 'webhook_id=1',
      }).responded,
      undefined,
    );
    assert.equal(w.fetchEvent('https://cdn.example.invalid/x.js').responded, undefined);
  });

  test('JSON actions offline without a cached copy answer 503 with the documented JSON', async () => {
    const w = loadWorker('sw.js', offline);
    const res = await w.fetchEvent('/admin/index.php?route=extension/module/meschain_sync/metrics&user_token=x&_=123')
      .responded!;
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), { success: false, error: 'Offline - No cached data available', offline: true });
  });

  test('JSON actions are network-first with the last answer as offline fallback', async () => {
    let up = true;
    const w = loadWorker('sw.js', (req) => (up ? online(req) : offline()));
    const url = '/admin/index.php?route=extension/module/webhooks/stats&user_token=x';
    assert.equal(await (await w.fetchEvent(`${url}&_=1`).responded!).text(), '{"ok":true}');
    await new Promise((r) => setTimeout(r, 10));
    up = false;
    const res = await w.fetchEvent(`${url}&_=2`).responded!;
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"ok":true}');
  });

  test('navigations fall back to the offline shell', async () => {
    let up = true;
    const w = loadWorker('sw.js', (req) => (up ? online(req) : offline()));
    let installing: Promise<unknown> = Promise.resolve();
    w.fire('install', {
      waitUntil: (p: Promise<unknown>) => {
        installing = p;
      },
    });
    await installing;
    up = false;
    const res = await w.fetchEvent('/admin/index.php?route=extension/module/reporting&user_token=x', { navigate: true })
      .responded!;
    assert.equal(await res.text(), 'asset');
  });

  test('sw-broken.js fails its install', async () => {
    const w = loadWorker('sw-broken.js', online);
    let waited: Promise<unknown> | undefined;
    assert.throws(
      () =>
        w.fire('install', {
          waitUntil: (p: Promise<unknown>) => {
            waited = p;
          },
        }),
      /install failed/,
    );
    await assert.rejects(waited!, /sw-broken/);
  });
});
