/** Each fault switch visibly changes the target's behaviour (and only while it is on). */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTarget } from '../helpers/target.ts';
import { FAULT_NAMES, parseFaultList, type FaultName } from '../../reference-target/faults.ts';
import { AdminClient } from '../../fixtures/opencart/admin-client.ts';
import { loginOverHttp } from '../../fixtures/opencart/login.ts';
import { SLOW_API_DELAY_MS } from '../../reference-target/extension/controllers/faults.ts';

let admin: AdminClient;
let viewer: AdminClient;
const t = useTarget([], async ({ settings }) => {
  admin = new AdminClient(settings, await loginOverHttp(settings, 'admin'));
  viewer = new AdminClient(settings, await loginOverHttp(settings, 'viewer'));
});
const on = (...f: FaultName[]) => t.current.target.app.faults.set(f);
afterEach(() => on());

const hubHtml = async () => (await admin.raw('GET', 'extension/module/meschain_sync')).text;

describe('fault switches', () => {
  test('MESCHAIN_FAULTS parsing rejects unknown names with the list of known ones', () => {
    assert.deepEqual(parseFaultList(' slow-api , chart-empty '), ['slow-api', 'chart-empty']);
    assert.throws(() => parseFaultList('slow-api,nope'), /expected a comma list of .*found unknown "nope"/);
  });

  test('there are fourteen documented faults', () => assert.equal(FAULT_NAMES.length, 14));

  test('slow-api delays every JSON action', async () => {
    on('slow-api');
    const started = performance.now();
    await admin.get('extension/module/meschain_sync/metrics');
    assert.ok(performance.now() - started >= SLOW_API_DELAY_MS, 'answer came before the injected delay');
  });

  test('module-missing makes every N11 route answer "Page Not Found!" and leaves the other modules alone', async () => {
    on('module-missing');
    assert.equal((await admin.send('GET', 'extension/module/n11')).kind, 'not-found-page');
    assert.equal((await admin.send('GET', 'extension/module/n11/test_connection')).kind, 'not-found-page');
    assert.equal((await admin.send('GET', 'extension/module/trendyol')).kind, 'html');
    on();
    assert.equal((await admin.send('GET', 'extension/module/n11')).kind, 'html');
  });

  test('api-errors makes one JSON action in five answer 500', async () => {
    on('api-errors');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await admin.raw('GET', 'extension/module/meschain_sync/metrics')).status);
    assert.equal(statuses.filter((s) => s === 500).length, 2);
    on();
    assert.equal((await admin.raw('GET', 'extension/module/meschain_sync/metrics')).status, 200);
  });

  test('schema-drift renames total_products and stringifies counts', async () => {
    on('schema-drift');
    const m = (await admin.get<{ metrics: Record<string, unknown> }>('extension/module/meschain_sync/metrics')).body
      .metrics;
    assert.equal(m.total_products, undefined);
    assert.equal(typeof m.totalProducts, 'string');
  });

  test('authz-bypass lets a viewer change data', async () => {
    assert.match(
      String(
        (
          await viewer.post<{ error: string }>('extension/module/meschain_sync/save', {
            status: '1',
            sync_interval: '20',
          })
        ).body.error,
      ),
      /permission/,
    );
    on('authz-bypass');
    assert.ok(
      (
        await viewer.post<{ success: string }>('extension/module/meschain_sync/save', {
          status: '1',
          sync_interval: '20',
        })
      ).body.success,
    );
    await t.current.target.reset();
  });

  test('a11y-regression drops form labels from the hub page', async () => {
    const labelled = (await hubHtml()).match(/<label[^>]+for=/g)?.length ?? 0;
    assert.ok(labelled > 0);
    on('a11y-regression');
    const after = (await hubHtml()).match(/<label[^>]+for=/g)?.length ?? 0;
    assert.ok(after < labelled, `labels: ${labelled} → ${after}`);
  });

  test('chart-empty empties every chart dataset', async () => {
    on('chart-empty');
    const c = (
      await admin.get<{ chart: { sync_counts: { data: number[] }[]; product_distribution: { data: number[] } } }>(
        'extension/module/meschain_sync/chartData',
      )
    ).body.chart;
    assert.ok(c.sync_counts.every((d) => d.data.length === 0));
    assert.equal(c.product_distribution.data.length, 0);
  });

  test('sw-broken serves a service worker that throws during install', async () => {
    const good = await (await fetch(`${t.current.settings.baseUrl}/admin/meschain-sw.js`)).text();
    on('sw-broken');
    const broken = await (await fetch(`${t.current.settings.baseUrl}/admin/meschain-sw.js`)).text();
    assert.notEqual(broken, good);
    assert.match(broken, /throw/);
  });

  test('heavy-page adds 60 render-blocking scripts of 2 MB', async () => {
    on('heavy-page');
    const html = await hubHtml();
    assert.equal(html.match(/javascript\/meschain\/heavy\.js/g)?.length, 60);
    const script = await (
      await fetch(`${t.current.settings.baseUrl}/admin/view/javascript/meschain/heavy.js`)
    ).arrayBuffer();
    assert.ok(script.byteLength >= 2 * 1024 * 1024);
  });

  test('flaky-ui drops the status table on every other dashboard render of a session', async () => {
    on('flaky-ui');
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await hubHtml()).includes('id="marketplace-status"'));
    assert.equal(seen.filter(Boolean).length, 2, JSON.stringify(seen));
  });

  test('webhook-unsigned accepts a delivery without a valid signature', async () => {
    const body = JSON.stringify({
      eventId: 'fault-1',
      eventType: 'stock-updated',
      timestamp: new Date().toISOString(),
      data: { sku: 'MSK-100007', quantity: 3 },
    });
    const send = () =>
      fetch(`${t.current.settings.baseUrl}/index.php?route=extension/module/trendyol_webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-trendyol-signature': 'forged' },
        body,
      });
    assert.equal((await send()).status, 403);
    on('webhook-unsigned');
    assert.equal((await send()).status, 200);
    assert.equal((await send()).status, 200, 'replay accepted too');
  });

  test("batch-misroute writes each value of a batch to the next item's product, and leaves one-item batches right", async () => {
    const quantities = async (ids: number[]) =>
      Promise.all(
        ids.map(async (id) =>
          Number(
            t.current.target.app.db.get<{ q: number }>('SELECT quantity q FROM oc_product WHERE product_id = $id', {
              id,
            })!.q,
          ),
        ),
      );
    on('batch-misroute');
    await admin.post('extension/module/trendyol/update_stock', {
      'stock_updates[0][product_id]': '10',
      'stock_updates[0][quantity]': '501',
      'stock_updates[1][product_id]': '11',
      'stock_updates[1][quantity]': '502',
    });
    assert.deepEqual(await quantities([10, 11]), [502, 501]);
    await admin.post('extension/module/trendyol/update_stock', {
      'stock_updates[0][product_id]': '12',
      'stock_updates[0][quantity]': '503',
    });
    assert.deepEqual(await quantities([12]), [503]);
    await t.current.target.reset();
  });
});
