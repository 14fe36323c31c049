/** The marketplace simulators: answers like the real APIs, side effects recorded, auth refused, control faults. */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readTargetConfig } from '../../reference-target/config.ts';
import { seedProducts } from '../../reference-target/db/catalog.ts';
import { orderBook } from '../../reference-target/marketplaces/order-book.ts';
import { startSimulators, type Simulators } from '../../reference-target/marketplaces/simulators.ts';

const config = readTargetConfig({});
const creds = config.marketplaceCredentials;
const today = new Date('2026-03-15T12:00:00Z');
const products = seedProducts();
let sims: Simulators;

before(async () => {
  sims = await startSimulators({ ports: { trendyol: 0, hepsiburada: 0, n11: 0 }, credentials: creds, today });
});
after(async () => {
  await sims.close();
});
beforeEach(() => sims.reset());

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* XML or empty */
  }
  return { status: res.status, headers: res.headers, body, text };
}

// ---- Trendyol ---------------------------------------------------------------------------------
const ty = () => `${sims.urls.trendyol}/suppliers/${creds.trendyol.supplierId}`;
const basic = (key = creds.trendyol.apiKey, secret = creds.trendyol.apiSecret) =>
  `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const tyHeaders = (extra: Record<string, string> = {}) => ({
  authorization: basic(),
  'content-type': 'application/json',
  ...extra,
});
const tyItem = (barcode: string, over: Record<string, unknown> = {}) => ({
  barcode,
  title: `Ürün ${barcode}`,
  quantity: 5,
  salePrice: 99.9,
  listPrice: 120,
  stockCode: `S-${barcode}`,
  ...over,
});
const postProducts = (items: unknown[], headers: Record<string, string> = {}) =>
  call(`${ty()}/v2/products`, { method: 'POST', headers: tyHeaders(headers), body: JSON.stringify({ items }) });
const pollBatch = (id: unknown) => call(`${ty()}/products/batch-requests/${String(id)}`, { headers: tyHeaders() });

describe('trendyol simulator', () => {
  test('wrong or missing credentials are refused with 401 JSON; another supplier id with 403', async () => {
    const wrong = await call(`${ty()}/orders`, { headers: { authorization: basic('ty-key-ref', 'nope') } });
    assert.equal(wrong.status, 401);
    assert.match(String((wrong.body.errors as { message: string }[])[0]?.message), /do not match/);
    assert.equal((await call(`${ty()}/orders`)).status, 401);
    const other = await call(`${sims.urls.trendyol}/suppliers/999/orders`, { headers: tyHeaders() });
    assert.equal(other.status, 403);
  });

  test('a product batch is IN_PROGRESS on the first poll, then COMPLETED with per-item results', async () => {
    const created = await postProducts([
      tyItem('B-1'),
      tyItem('B-2', { title: '' }),
      tyItem('B-3', { quantity: undefined }),
    ]);
    assert.equal(created.status, 200);
    assert.match(String(created.body.batchRequestId), /^[0-9a-f]{8}-0000-4000-8000-\d{12}$/);
    const first = await pollBatch(created.body.batchRequestId);
    assert.equal(first.body.status, 'IN_PROGRESS');
    const done = await pollBatch(created.body.batchRequestId);
    assert.equal(done.body.status, 'COMPLETED');
    const items = done.body.items as { status: string; failureReasons: string[] }[];
    assert.deepEqual(
      items.map((i) => i.status),
      ['SUCCESS', 'FAILED', 'FAILED'],
    );
    assert.match(items[1]!.failureReasons.join(), /title: expected a non-empty string/);
    assert.match(items[2]!.failureReasons.join(), /quantity: expected an integer/);
    const state = sims.state('trendyol');
    assert.equal(state.products.filter((p) => p.key === 'B-1').length, 1);
    assert.equal(
      state.products.some((p) => p.key === 'B-2'),
      false,
    );
  });

  test('a re-sent barcode updates its listing, never adds a second one', async () => {
    await postProducts([tyItem('R-1', { quantity: 1 })]);
    await postProducts([tyItem('R-1', { quantity: 7 })]);
    const state = sims.state('trendyol');
    const listed = state.products.filter((p) => p.barcode === 'R-1');
    assert.equal(listed.length, 1);
    assert.equal(listed[0]!.quantity, 7);
    assert.equal(listed[0]!.writes, 2);
    assert.equal(state.counts.productCreates, 1);
    assert.equal(state.counts.productUpdates, 1);
  });

  test('more than 50 items in one batch are refused with 400', async () => {
    const r = await postProducts(Array.from({ length: 51 }, (_, i) => tyItem(`X-${i}`)));
    assert.equal(r.status, 400);
    assert.match(String((r.body.errors as { message: string }[])[0]?.message), /at most 50 items; found 51/);
  });

  test('price-and-inventory updates a listed product and fails an unknown barcode', async () => {
    const p = products[0]!;
    const r = await call(`${ty()}/products/price-and-inventory`, {
      method: 'POST',
      headers: tyHeaders(),
      body: JSON.stringify({
        items: [
          { barcode: p.ean, quantity: 3, salePrice: 10.5, listPrice: 12 },
          { barcode: 'nope', quantity: 1 },
        ],
      }),
    });
    await pollBatch(r.body.batchRequestId);
    const done = await pollBatch(r.body.batchRequestId);
    assert.deepEqual(
      (done.body.items as { status: string }[]).map((i) => i.status),
      ['SUCCESS', 'FAILED'],
    );
    const listed = sims.state('trendyol').products.find((x) => x.barcode === p.ean)!;
    assert.deepEqual(
      [listed.quantity, listed.salePrice, listed.listPrice, listed.stockWrites, listed.priceWrites],
      [3, 10.5, 12, 1, 1],
    );
  });

  test('orders are paged like Trendyol and hold the whole order book', async () => {
    const numbers: string[] = [];
    for (let page = 0; page < 3; page++) {
      const r = await call(`${ty()}/orders?page=${page}&size=25`, { headers: tyHeaders() });
      assert.deepEqual([r.body.page, r.body.size, r.body.totalElements, r.body.totalPages], [page, 25, 60, 3]);
      numbers.push(...(r.body.content as { orderNumber: string }[]).map((o) => o.orderNumber));
    }
    assert.deepEqual(
      numbers,
      orderBook('trendyol', products, today).map((o) => o.orderNumber),
    );
    assert.equal((await call(`${ty()}/orders?size=500`, { headers: tyHeaders() })).status, 400);
  });

  test('the category tree has the 20 store categories with two children each', async () => {
    const r = await call(`${sims.urls.trendyol}/product-categories`, { headers: tyHeaders() });
    const roots = r.body.categories as { id: number; name: string; subCategories: { parentId: number }[] }[];
    assert.equal(roots.length, 20);
    assert.deepEqual(
      [roots[0]!.id, roots[0]!.name, roots[0]!.subCategories.length, roots[0]!.subCategories[0]!.parentId],
      [401, 'Elektronik', 2, 401],
    );
  });

  test('the journal records method, path, parsed body and a masked Authorization', async () => {
    await postProducts([tyItem('J-1')]);
    const [req] = sims.state('trendyol').requests;
    assert.equal(req!.method, 'POST');
    assert.equal(req!.path, `/suppliers/${creds.trendyol.supplierId}/v2/products`);
    assert.equal(req!.headers.authorization, 'Basic ****');
    assert.equal(JSON.stringify(req).includes(creds.trendyol.apiSecret), false);
    assert.deepEqual(
      (req!.body as { items: { barcode: string }[] }).items.map((i) => i.barcode),
      ['J-1'],
    );
    assert.equal(req!.status, 200);
  });

  test('a repeated Idempotency-Key answers the first answer and is not processed again', async () => {
    const a = await postProducts([tyItem('I-1')], { 'idempotency-key': 'k-1' });
    const b = await postProducts([tyItem('I-1')], { 'idempotency-key': 'k-1' });
    assert.equal(b.body.batchRequestId, a.body.batchRequestId);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const state = sims.state('trendyol');
    assert.equal(state.products.find((p) => p.key === 'I-1')!.writes, 1);
    assert.equal(state.counts.idempotentReplays, 1);
    const other = await postProducts([tyItem('I-2')], { 'idempotency-key': 'k-1' });
    assert.equal(other.status, 422);
    assert.equal(sims.state('trendyol').counts.idempotencyConflicts, 1);
  });
});

// ---- control API ------------------------------------------------------------------------------
describe('simulator control API', () => {
  const faults = (body: unknown) =>
    call(`${sims.urls.trendyol}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const orders = () => call(`${ty()}/orders?size=1`, { headers: tyHeaders() });

  test('rateLimit answers 429 with Retry-After for the next count requests', async () => {
    assert.equal((await faults({ rateLimit: { count: 2, retryAfterSeconds: 3 } })).status, 200);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await orders();
      statuses.push(r.status);
      if (r.status === 429) assert.equal(r.headers.get('retry-after'), '3');
    }
    assert.deepEqual(statuses, [429, 429, 200]);
    const state = (await call(`${sims.urls.trendyol}/__sim/state`)).body as {
      faults: { injected: { rateLimit: number } };
    };
    assert.equal(state.faults.injected.rateLimit, 2);
  });

  test('serverErrors start after afterRequests unharmed requests and can be limited to a method', async () => {
    sims.setFaults('trendyol', { serverErrors: { count: 1, afterRequests: 1, method: 'POST' } });
    const statuses = [
      (await orders()).status,
      (await postProducts([tyItem('S-1')])).status,
      (await postProducts([tyItem('S-2')])).status,
      (await postProducts([tyItem('S-3')])).status,
    ];
    assert.deepEqual(statuses, [200, 200, 500, 200]);
    assert.deepEqual(
      sims
        .state('trendyol')
        .products.filter((p) => p.key.startsWith('S-'))
        .map((p) => p.key),
      ['S-1', 'S-3'],
    );
  });

  test('timeouts process the request but withhold the answer', async () => {
    sims.setFaults('trendyol', { timeouts: { count: 1 } });
    await assert.rejects(
      fetch(`${ty()}/v2/products`, {
        method: 'POST',
        headers: tyHeaders(),
        body: JSON.stringify({ items: [tyItem('T-1')] }),
        signal: AbortSignal.timeout(150),
      }),
      { name: 'TimeoutError' },
    );
    const state = sims.state('trendyol');
    assert.equal(
      state.products.some((p) => p.key === 'T-1'),
      true,
    );
    assert.equal(state.requests.at(-1)!.fault, 'timeouts');
  });

  test('latencyMs delays every API request', async () => {
    sims.setFaults('trendyol', { latencyMs: 120 });
    const t0 = performance.now();
    assert.equal((await orders()).status, 200);
    assert.ok(performance.now() - t0 >= 110, 'expected the answer to take at least 120 ms');
  });

  test('invalid faults are refused with a message naming the field', async () => {
    const r = await faults({ serverErrors: { count: -1 } });
    assert.equal(r.status, 400);
    assert.match(String(r.body.error), /serverErrors\.count: expected an integer 0-100000; found -1/);
    assert.match(String((await faults({ explode: true })).body.error), /unknown fault\(s\) explode/);
  });

  test('reset forgets requests, faults and API listings', async () => {
    await postProducts([tyItem('Z-1')]);
    await faults({ rateLimit: { count: 5, retryAfterSeconds: 1 } });
    assert.equal((await call(`${sims.urls.trendyol}/__sim/reset`, { method: 'POST' })).status, 200);
    const state = (await call(`${sims.urls.trendyol}/__sim/state`)).body as {
      requests: unknown[];
      products: { key: string }[];
      faults: { armed: unknown[] };
    };
    assert.deepEqual(
      [state.requests.length, state.faults.armed.length, state.products.some((p) => p.key === 'Z-1')],
      [0, 0, false],
    );
    assert.equal(state.products.length, 300, 'the seeded listings (products 1-300) come back');
  });
});

// ---- Hepsiburada ------------------------------------------------------------------------------
describe('hepsiburada simulator', () => {
  const mid = creds.hepsiburada.merchantId;
  const hbHeaders = { authorization: `Bearer ${creds.hepsiburada.token}`, 'content-type': 'application/json' };
  const hb = (path: string, init: RequestInit = {}) =>
    call(`${sims.urls.hepsiburada}${path}`, { headers: hbHeaders, ...init });

  test('a wrong token is refused with 401, another merchant with 403', async () => {
    assert.equal(
      (
        await call(`${sims.urls.hepsiburada}/orders/merchantid/${mid}`, {
          headers: { authorization: 'Bearer wrong-token' },
        })
      ).status,
      401,
    );
    assert.equal((await hb('/orders/merchantid/someone-else')).status, 403);
  });

  test('product import answers a trackingId; its status gives hbSku per item', async () => {
    const p = products[400]!;
    const body = [
      {
        categoryId: 1,
        merchant: mid,
        attributes: { merchantSku: p.sku, Barcode: p.ean, UrunAdi: p.name, price: p.price, stock: p.quantity },
      },
      { merchant: mid, attributes: { merchantSku: 'NO-NAME', Barcode: '1', price: 5, stock: 1 } },
    ];
    const created = await hb(`/product/merchantid/${mid}/products/import`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    const trackingId = (created.body.data as { trackingId: string }).trackingId;
    const path = `/product/merchantid/${mid}/products/status/${trackingId}`;
    assert.equal(((await hb(path)).body.data as { status: string }).status, 'PROCESSING');
    const done = (await hb(path)).body.data as {
      status: string;
      items: { status: string; hbSku: string | null; validationResults: { message: string }[] }[];
    };
    assert.equal(done.status, 'DONE');
    assert.deepEqual(
      done.items.map((i) => [i.status, i.hbSku]),
      [
        ['SUCCESS', 'HBV00000401'],
        ['FAILED', null],
      ],
    );
    assert.match(done.items[1]!.validationResults[0]!.message, /UrunAdi/);
  });

  test('inventory and price uploads change the listing', async () => {
    const p = products[1]!;
    const inv = await hb(`/listings/merchantid/${mid}/inventory-uploads`, {
      method: 'POST',
      body: JSON.stringify([
        { merchantSku: p.sku, availableStock: 42 },
        { merchantSku: 'unknown', availableStock: 1 },
      ]),
    });
    await hb(`/listings/merchantid/${mid}/inventory-uploads/${String(inv.body.id)}`);
    const done = await hb(`/listings/merchantid/${mid}/inventory-uploads/${String(inv.body.id)}`);
    assert.equal(done.body.status, 'Done');
    assert.deepEqual(
      (done.body.errors as { merchantSku: string }[]).map((e) => e.merchantSku),
      ['unknown'],
    );
    await hb(`/listings/merchantid/${mid}/price-uploads`, {
      method: 'POST',
      body: JSON.stringify([{ merchantSku: p.sku, price: 77.5 }]),
    });
    const listed = sims.state('hepsiburada').products.find((x) => x.sku === p.sku)!;
    assert.deepEqual([listed.quantity, listed.salePrice], [42, 77.5]);
  });

  test('orders page by offset and limit; categories by page', async () => {
    const a = await hb(`/orders/merchantid/${mid}?offset=0&limit=50`);
    const b = await hb(`/orders/merchantid/${mid}?offset=50&limit=50`);
    assert.deepEqual(
      [a.body.totalCount, (a.body.items as unknown[]).length, (b.body.items as unknown[]).length],
      [60, 50, 10],
    );
    const c = await hb('/product/api/categories/get-all-categories?page=0&size=100');
    assert.equal((c.body.data as unknown[]).length, 60);
  });
});

// ---- N11 --------------------------------------------------------------------------------------
describe('n11 simulator', () => {
  const envelope = (op: string, inner: string, key = creds.n11.appKey, secret = creds.n11.appSecret) =>
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sch="http://www.n11.com/ws/schemas">` +
    `<soapenv:Header/><soapenv:Body><sch:${op}Request><auth><appKey>${key}</appKey><appSecret>${secret}</appSecret></auth>${inner}</sch:${op}Request></soapenv:Body></soapenv:Envelope>`;
  const soap = (service: string, body: string) =>
    call(`${sims.urls.n11}/ws/${service}/`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body,
    });

  test('wrong auth answers 200 with result.status failure and an errorMessage', async () => {
    const r = await soap('CategoryService', envelope('GetTopLevelCategories', '', 'n11-key-ref', 'wrong'));
    assert.equal(r.status, 200);
    assert.match(r.text, /<status>failure<\/status>/);
    assert.match(r.text, /<errorMessage>Authentication failed/);
  });

  test('malformed XML answers a SOAP Fault with HTTP 500', async () => {
    const r = await soap('ProductService', '<soapenv:Envelope><soapenv:Body><broken></soapenv:Body>');
    assert.equal(r.status, 500);
    assert.match(r.text, /<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client<\/faultcode><faultstring>malformed XML/);
  });

  test('SaveProduct lists a product; UpdateStockByStockSellerCode changes its stock; the journal masks the secret', async () => {
    const saved = await soap(
      'ProductService',
      envelope(
        'SaveProduct',
        '<product><productSellerCode>N-1</productSellerCode><title>Ürün &amp; Co</title><price>19.90</price><stockItems><stockItem><barcode>123</barcode><quantity>4</quantity></stockItem></stockItems></product>',
      ),
    );
    assert.match(saved.text, /<status>success<\/status>/);
    assert.match(saved.text, /<id>990001<\/id>/);
    const stock = await soap(
      'ProductService',
      envelope(
        'UpdateStockByStockSellerCode',
        '<stockItems><stockItem><sellerStockCode>N-1</sellerStockCode><quantity>9</quantity></stockItem></stockItems>',
      ),
    );
    assert.match(stock.text, /<status>success<\/status>/);
    const state = sims.state('n11');
    const listed = state.products.find((p) => p.key === 'N-1')!;
    assert.deepEqual([listed.title, listed.quantity, listed.salePrice], ['Ürün & Co', 9, 19.9]);
    assert.equal(JSON.stringify(state.requests).includes(creds.n11.appSecret), false);
  });

  test('OrderList pages through 60 orders; GetTopLevelCategories lists 20', async () => {
    const page = (n: number) =>
      soap(
        'OrderService',
        envelope(
          'OrderList',
          `<searchData/><pagingData><currentPage>${n}</currentPage><pageSize>50</pageSize></pagingData>`,
        ),
      );
    const first = await page(0),
      second = await page(1);
    assert.match(first.text, /<totalCount>60<\/totalCount><pageCount>2<\/pageCount>/);
    assert.equal(first.text.match(/<order>/g)?.length, 50);
    assert.equal(second.text.match(/<order>/g)?.length, 10);
    const cats = await soap('CategoryService', envelope('GetTopLevelCategories', ''));
    assert.equal(cats.text.match(/<category>/g)?.length, 20);
  });
});
