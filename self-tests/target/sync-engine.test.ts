/**
 * The sync engine against the simulators: batched pushes with polling, retries that honour
 * Retry-After, nothing lost and nothing duplicated under faults, stock/price propagation,
 * order and category pulls, connection tests, and a worker that survives stop and resets.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { readTargetConfig, type TargetConfig } from '../../reference-target/config.ts';
import { seedProducts } from '../../reference-target/db/catalog.ts';
import { Database } from '../../reference-target/db/database.ts';
import { seedDatabase } from '../../reference-target/db/seed.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS, type Marketplace } from '../../reference-target/extension/modules.ts';
import { SyncEngine, SyncJobInputError, type SyncJobRow } from '../../reference-target/extension/sync/engine.ts';
import { orderBook } from '../../reference-target/marketplaces/order-book.ts';
import { startSimulators, type Simulators } from '../../reference-target/marketplaces/simulators.ts';

const today = new Date('2026-03-15T12:00:00Z');
const config: TargetConfig = {
  ...readTargetConfig({}),
  sync: { maxAttempts: 4, baseBackoffMs: 20, requestTimeoutMs: 300, batchPollMs: 5 },
};
const creds = config.marketplaceCredentials;
const SECRETS = [
  creds.trendyol.apiKey,
  creds.trendyol.apiSecret,
  creds.hepsiburada.token,
  creds.n11.appKey,
  creds.n11.appSecret,
];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

let sims: Simulators;
let db: Database;
let engine: SyncEngine;

before(async () => {
  sims = await startSimulators({ ports: { trendyol: 0, hepsiburada: 0, n11: 0 }, credentials: creds, today });
});
after(async () => {
  await engine?.stop();
  await sims.close();
});

function seededDb(): Database {
  const d = new Database(':memory:');
  const u = sims.urls;
  d.transaction(() =>
    seedDatabase(d, {
      today,
      apiKey: config.apiKey,
      encryptionKey: config.encryptionKey,
      users: [{ username: 'admin', passwordHash: 'x', group: 'admin' }],
      marketplaceSettings: {
        trendyol: {
          api_key: creds.trendyol.apiKey,
          api_secret: creds.trendyol.apiSecret,
          supplier_id: creds.trendyol.supplierId,
          endpoint: u.trendyol,
        },
        hepsiburada: {
          merchant_id: creds.hepsiburada.merchantId,
          api_token: creds.hepsiburada.token,
          endpoint: u.hepsiburada,
        },
        n11: { app_key: creds.n11.appKey, app_secret: creds.n11.appSecret, endpoint: u.n11 },
      },
      secretKeys: Object.fromEntries(
        MARKETPLACES.map((mp) => [mp, MARKETPLACE_SETTINGS[mp].fields.filter((f) => f.secret).map((f) => f.key)]),
      ) as Record<Marketplace, string[]>,
    }),
  );
  return d;
}

beforeEach(async () => {
  await engine?.stop();
  sims.reset();
  db = seededDb();
  engine = new SyncEngine({ db, config, now: () => new Date() });
  engine.start();
});

async function runToEnd(job: Parameters<SyncEngine['enqueue']>[0]): Promise<SyncJobRow> {
  const id = engine.enqueue(job, 1);
  await engine.idle();
  return engine.job(id)!;
}

/** Waits on a condition over live state (not a fixed sleep): checks every few ms, fails after `ms`. */
async function until(what: string, cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const mappings = (mp: Marketplace, ids: number[]) =>
  db.all<{
    product_id: number;
    marketplace_product_id: string | null;
    sync_status: string;
    error_message: string | null;
  }>(
    `SELECT product_id, marketplace_product_id, sync_status, error_message FROM meschain_product_mapping
    WHERE marketplace = $mp AND product_id IN (SELECT value FROM json_each($ids)) ORDER BY product_id`,
    { mp, ids: JSON.stringify(ids) },
  );
const jobLogs = (jobId: number) =>
  db.all<{ status: string; operation: string; message: string; items: number }>(
    'SELECT status, operation, message, items FROM meschain_sync_log WHERE job_id = $id ORDER BY log_id',
    { id: jobId },
  );
const catalogue = new Map(seedProducts().map((p) => [p.productId, p]));
const productPosts = (mp: Marketplace = 'trendyol') =>
  sims.state(mp).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v2/products'));

function assertNoSecrets(): void {
  const text = JSON.stringify([
    db.all('SELECT message FROM meschain_sync_log'),
    db.all('SELECT error FROM meschain_sync_job'),
    db.all('SELECT error_message FROM meschain_product_mapping'),
  ]);
  for (const s of SECRETS)
    assert.equal(text.includes(s), false, 'a marketplace secret leaked into the sync log, a job or a mapping');
}

describe('product push', () => {
  test('220 products go to Trendyol in batches of 50, each polled to COMPLETED, mapped and logged', async () => {
    const ids = range(301, 520);
    const job = await runToEnd({ marketplace: 'trendyol', type: 'products', productIds: ids });
    assert.deepEqual(
      [job.status, job.total, job.processed, job.succeeded, job.failed, job.attempts, job.error],
      ['done', 220, 220, 220, 0, 1, null],
    );

    const posts = productPosts();
    assert.deepEqual(
      posts.map((r) => (r.body as { items: unknown[] }).items.length),
      [50, 50, 50, 50, 20],
    );
    assert.ok(posts.every((r) => r.idempotencyKey !== null && r.headers.authorization === 'Basic ****'));
    const polls = sims.state('trendyol').requests.filter((r) => r.path.includes('/batch-requests/'));
    assert.equal(polls.length, 10, 'each batch polled twice: IN_PROGRESS, then COMPLETED');

    const listed = sims.state('trendyol').products.filter((p) => p.source === 'api');
    assert.equal(listed.length, 220);
    const rows = mappings('trendyol', ids);
    assert.equal(rows.length, 220);
    assert.ok(
      rows.every((r) => r.sync_status === 'success' && r.marketplace_product_id === catalogue.get(r.product_id)!.ean),
    );

    const logs = jobLogs(job.job_id);
    assert.deepEqual(
      logs.map((l) => [l.status, l.operation, l.items]),
      [50, 50, 50, 50, 20].map((n) => ['success', 'product_sync', n]),
    );
    assertNoSecrets();
  });

  test('Hepsiburada and N11 pushes map the ids the marketplaces assign', async () => {
    const ids = range(301, 330);
    for (const mp of ['hepsiburada', 'n11'] as const) {
      const job = await runToEnd({ marketplace: mp, type: 'products', productIds: ids });
      assert.deepEqual([mp, job.status, job.succeeded], [mp, 'done', 30]);
    }
    assert.deepEqual(
      mappings('hepsiburada', [301, 330]).map((r) => r.marketplace_product_id),
      ['HBV00000301', 'HBV00000330'],
    );
    assert.deepEqual(
      mappings('n11', [301, 330]).map((r) => r.marketplace_product_id),
      ['900301', '900330'],
    );
    assert.equal(sims.state('n11').counts.productCreates, 30);
  });

  test('an item the marketplace rejects is marked error with its reason; the job still ends done', async () => {
    db.run(`INSERT INTO oc_product (product_id, model, sku, ean, quantity, price, status, date_added, date_modified)
            VALUES (9001, 'MS-9001', 'MSK-9001', '', 3, 10, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`);
    db.run(
      `INSERT INTO oc_product_description (product_id, language_id, name, description) VALUES (9001, 1, 'Barkodsuz ürün', '')`,
    );
    const job = await runToEnd({ marketplace: 'trendyol', type: 'products', productIds: [301, 9001, 9999] });
    assert.deepEqual([job.status, job.succeeded, job.failed], ['done', 1, 2]);
    const [row] = mappings('trendyol', [9001]);
    assert.equal(row!.sync_status, 'error');
    assert.match(row!.error_message!, /barcode: expected a non-empty string/);
    assert.equal(jobLogs(job.job_id)[0]!.status, 'warning');
    assert.match(jobLogs(job.job_id)[0]!.message, /2 rejected/);
  });
});

describe('retries', () => {
  test('a 429 waits for Retry-After before the batch is sent again', async () => {
    sims.setFaults('trendyol', { rateLimit: { count: 1, retryAfterSeconds: 1, method: 'POST' } });
    const job = await runToEnd({ marketplace: 'trendyol', type: 'products', productIds: range(301, 310) });
    assert.deepEqual([job.status, job.succeeded, job.attempts], ['done', 10, 2]);
    const [limited, retried] = productPosts();
    assert.equal(limited!.status, 429);
    assert.equal(retried!.status, 200);
    const waited = Date.parse(retried!.at) - Date.parse(limited!.at);
    assert.ok(waited >= 950, `expected the retry at least 1 s after the 429; it came after ${waited} ms`);
  });

  test('5xx and a lost answer mid-push: every product exactly once at the marketplace, all mapped', async () => {
    // batch 3 gets two 500s; batch 4 is stored but its answer is lost (timeout): the retry must not store it again
    sims.setFaults('trendyol', {
      serverErrors: { count: 2, afterRequests: 2, method: 'POST', pathIncludes: '/v2/products' },
      timeouts: { count: 1, afterRequests: 3, method: 'POST', pathIncludes: '/v2/products' },
    });
    const ids = range(301, 500);
    const job = await runToEnd({ marketplace: 'trendyol', type: 'products', productIds: ids });
    assert.deepEqual([job.status, job.succeeded, job.failed, job.attempts], ['done', 200, 0, 3]);

    const state = sims.state('trendyol');
    assert.deepEqual([state.faults.injected.serverErrors, state.faults.injected.timeouts], [2, 1]);
    assert.ok(state.counts.idempotentReplays >= 1, 'the retried batch was answered from its Idempotency-Key');
    const listed = state.products.filter((p) => p.source === 'api');
    assert.deepEqual(listed.map((p) => p.barcode).sort(), ids.map((id) => catalogue.get(id)!.ean).sort());
    assert.ok(
      listed.every((p) => p.writes === 1),
      'no product was written twice',
    );
    assert.deepEqual([state.counts.productCreates, state.counts.productUpdates], [200, 0]);
    assert.ok(mappings('trendyol', ids).every((r) => r.sync_status === 'success'));
  });

  test('exhausted retries mark the batch and every unsent item error, and fail the job clearly', async () => {
    sims.setFaults('trendyol', { serverErrors: { count: 1000, afterRequests: 1, method: 'POST' } });
    const ids = range(301, 420);
    const job = await runToEnd({ marketplace: 'trendyol', type: 'products', productIds: ids });
    assert.equal(job.status, 'failed');
    assert.deepEqual([job.total, job.processed, job.succeeded, job.failed, job.attempts], [120, 120, 50, 70, 4]);
    assert.match(
      job.error!,
      /^batch 2 of 3 failed \(Trendyol POST \/suppliers\/\d+\/v2\/products: expected a 2xx answer; found HTTP 500 .* after 4 attempts\); 70 of 120 products not synced$/,
    );

    const rows = mappings('trendyol', ids);
    assert.deepEqual(
      rows.filter((r) => r.sync_status === 'success').map((r) => r.product_id),
      range(301, 350),
    );
    assert.ok(
      rows
        .filter((r) => r.product_id > 350)
        .every((r) => r.sync_status === 'error' && /not synced|not sent/.test(r.error_message ?? '')),
    );
    assert.equal(sims.state('trendyol').products.filter((p) => p.source === 'api').length, 50);
    assert.deepEqual(
      jobLogs(job.job_id).map((l) => [l.status, l.items]),
      [
        ['success', 50],
        ['error', 50],
        ['error', 20],
      ],
    );
    assertNoSecrets();
  });
});

describe('stock and price jobs', () => {
  for (const mp of MARKETPLACES) {
    test(`${mp}: current quantity and price of mapped products reach the marketplace`, async () => {
      const ids = db
        .all<{ product_id: number }>(
          'SELECT product_id FROM meschain_product_mapping WHERE marketplace = $mp AND marketplace_product_id IS NOT NULL ORDER BY product_id LIMIT 60',
          { mp },
        )
        .map((r) => r.product_id);
      db.run(
        'UPDATE oc_product SET quantity = product_id + 1000, price = product_id + 0.25 WHERE product_id IN (SELECT value FROM json_each($ids))',
        { ids: JSON.stringify(ids) },
      );
      const stock = await runToEnd({ marketplace: mp, type: 'stock', productIds: ids });
      const prices = await runToEnd({ marketplace: mp, type: 'prices', productIds: ids });
      assert.deepEqual([stock.status, stock.succeeded, prices.status, prices.succeeded], ['done', 60, 'done', 60]);
      const bySku = new Map(sims.state(mp).products.map((p) => [p.sku, p]));
      for (const id of ids) {
        const listed = bySku.get(catalogue.get(id)!.sku)!;
        assert.deepEqual([listed.quantity, listed.salePrice], [id + 1000, id + 0.25], `product ${id} on ${mp}`);
      }
      assert.deepEqual(
        jobLogs(stock.job_id).map((l) => l.operation),
        ['stock_update', 'stock_update'],
      );
      assert.deepEqual(
        jobLogs(prices.job_id).map((l) => l.operation),
        ['price_update', 'price_update'],
      );
    });
  }

  test('a product the marketplace does not list yet is not pushed and counted failed', async () => {
    const job = await runToEnd({ marketplace: 'n11', type: 'stock', productIds: [1, 400] });
    assert.deepEqual([job.status, job.succeeded, job.failed], ['done', 1, 1]);
    assert.match(jobLogs(job.job_id)[0]!.message, /not listed on N11 yet/);
  });
});

describe('orders, categories and connection tests', () => {
  for (const mp of MARKETPLACES) {
    test(`${mp}: fetchOrders walks every page and returns the 60 orders of the order book`, async () => {
      const orders = await engine.fetchOrders(mp);
      assert.equal(orders.length, 60);
      assert.deepEqual(orders, orderBook(mp, seedProducts(), today));
    });

    test(`${mp}: fetchCategories returns the tree as a flat list`, async () => {
      const cats = await engine.fetchCategories(mp);
      assert.equal(cats.length, 60);
      const roots = cats.filter((c) => c.parent_id === null);
      assert.equal(roots.length, 20);
      assert.equal(roots[0]!.name, 'Elektronik');
      assert.ok(cats.filter((c) => c.parent_id !== null).every((c) => roots.some((r) => r.id === c.parent_id)));
    });

    test(`${mp}: testConnection succeeds with the stored settings and fails with wrong ones`, async () => {
      const ok = await engine.testConnection(mp);
      assert.equal(ok.ok, true, ok.message);
      assert.ok(ok.latency_ms >= 0);
      const wrongSecret: Record<string, string> = {
        trendyol: { api_secret: 'wrong-secret-123' },
        hepsiburada: { api_token: 'wrong-token-123' },
        n11: { app_secret: 'wrong-secret-123' },
      }[mp];
      const bad = await engine.testConnection(mp, wrongSecret);
      assert.equal(bad.ok, false);
      assert.match(bad.message, mp === 'n11' ? /authenticationFailed/ : /HTTP 401 .*credentials were refused/);
      assert.equal(bad.message.includes('wrong-'), false, 'the tried secret is not echoed');
    });
  }

  test('an unreachable endpoint is a failed connection test, not a crash', async () => {
    const r = await engine.testConnection('trendyol', { endpoint: 'http://127.0.0.1:1' });
    assert.equal(r.ok, false);
    assert.match(r.message, /no answer/);
  });
});

describe('worker lifecycle', () => {
  test('enqueue refuses bad input with a message naming the field', () => {
    assert.throws(
      () => engine.enqueue({ marketplace: 'trendyol', type: 'products', productIds: [] }, 1),
      SyncJobInputError,
    );
    assert.throws(
      () => engine.enqueue({ marketplace: 'amazon' as Marketplace, type: 'products', productIds: [1] }, 1),
      /marketplace: expected one of trendyol, hepsiburada, n11; found "amazon"/,
    );
    assert.throws(
      () => engine.enqueue({ marketplace: 'n11', type: 'stock', productIds: [1, -2] }, 1),
      /productIds: .* found the value -2/,
    );
  });

  test('jobs queue while stopped and run one at a time after start', async () => {
    await engine.stop();
    const a = engine.enqueue({ marketplace: 'trendyol', type: 'products', productIds: [301, 302] }, 1);
    const b = engine.enqueue({ marketplace: 'hepsiburada', type: 'products', productIds: [301] }, null);
    await engine.idle();
    assert.deepEqual([engine.job(a)!.status, engine.job(b)!.status], ['queued', 'queued']);
    engine.start();
    await engine.idle();
    assert.deepEqual([engine.job(a)!.status, engine.job(b)!.status], ['done', 'done']);
  });

  test('stop() aborts the running job cleanly: every item accounted for, job failed', async () => {
    sims.setFaults('trendyol', { latencyMs: 100 });
    const id = engine.enqueue({ marketplace: 'trendyol', type: 'products', productIds: range(301, 400) }, 1);
    await until('the first batch request', () => sims.state('trendyol').requests.length > 0);
    await engine.stop();
    const job = engine.job(id)!;
    assert.equal(job.status, 'failed');
    assert.match(job.error!, /stopped/);
    assert.equal(job.processed, 100);
    assert.equal(job.succeeded + job.failed, 100);
  });

  test('a database reset under a running job does not crash the worker', async () => {
    sims.setFaults('trendyol', { latencyMs: 30 });
    engine.enqueue({ marketplace: 'trendyol', type: 'products', productIds: range(301, 400) }, 1);
    await until('the first batch request', () => sims.state('trendyol').requests.length > 0);
    db.run('DELETE FROM meschain_sync_job');
    await engine.idle();
    sims.setFaults('trendyol', {});
    const job = await runToEnd({ marketplace: 'trendyol', type: 'products', productIds: [301] });
    assert.equal(job.status, 'done');
  });

  test('a database closed under a running job ends the job quietly', async () => {
    sims.setFaults('trendyol', { latencyMs: 30 });
    engine.enqueue({ marketplace: 'trendyol', type: 'products', productIds: range(301, 400) }, 1);
    await until('the first batch request', () => sims.state('trendyol').requests.length > 0);
    db.close();
    await engine.idle();
    assert.throws(() => engine.job(1), /not open/i);
  });
});
