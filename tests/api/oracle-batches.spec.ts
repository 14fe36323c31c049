/**
 * Every item of a batch lands on its own product, and nothing else moves. Stock and price updates
 * of several products in one call, a product push of several products and an order import of
 * several orders are checked against the store's database (the oracle) and against what the
 * marketplace holds afterwards: each product carries exactly the value sent for it, each
 * listing the fields of its own product, each imported order the lines the marketplace sold —
 * and every other product and listing is exactly as before.
 */
import { test, expect, group, MARKETPLACES, simulatorState, waitForJob } from '../../fixtures/index.ts';
import type { AdminClient, Marketplace, Oracle, SimListing, StoreRows, TargetControl } from '../../fixtures/index.ts';

interface UpdateAnswer {
  updated: number;
  pushed: number;
  job_id: number | null;
}
interface ImportAnswer {
  imported: number;
  skipped: number;
  order_ids: number[];
}
type Product = StoreRows['products'][number];

/** Products the marketplace lists in the store's data (mapped, synced), and one it does not list. */
function pick(rows: StoreRows, mp: Marketplace, n: number): { listed: Product[]; unlisted: Product } {
  const mapped = new Set(
    rows.productMappings.filter((m) => m.marketplace === mp && m.sync_status === 'success').map((m) => m.product_id),
  );
  const listed = rows.products.filter((p) => mapped.has(p.product_id));
  // spread over the catalogue, not neighbours: an off-by-one lands on a product that is checked too
  const chosen = [0.2, 0.5, 0.8, 0.35, 0.65].slice(0, n).map((f) => listed[Math.floor(listed.length * f)]!);
  const unlisted = rows.products.find(
    (p) => !rows.productMappings.some((m) => m.product_id === p.product_id && m.marketplace === mp),
  );
  if (chosen.length < n || !unlisted)
    throw new Error(
      `the store's data: expected ${n} products listed on ${mp} and one unlisted; found ${listed.length} listed`,
    );
  return { listed: chosen, unlisted };
}

const others = (rows: StoreRows, ids: number[]) => rows.products.filter((p) => !ids.includes(p.product_id));
const listingsBut = (listings: SimListing[], eans: string[]) =>
  listings.filter((l) => !eans.includes(l.barcode)).sort((a, b) => a.key.localeCompare(b.key));

async function listings(control: TargetControl, mp: Marketplace): Promise<SimListing[]> {
  return (await simulatorState(control, mp)).products;
}

function onlyTheseChanged(before: StoreRows, after: StoreRows, ids: number[], what: string): void {
  expect(others(after, ids), `${what}: every other product is exactly as before`).toEqual(others(before, ids));
}

test.describe('oracle: batches', { tag: '@oracle' }, () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}: a stock batch sets each product's own quantity, in the store and at the marketplace`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, oracle }) => {
        await group(mp, `${mp}.update_stock`, 'oracle');
        await batchLands(await apiAs('admin'), control, oracle, mp, 'stock');
      },
    );

    test(
      `${mp}: a price batch sets each product's own price, in the store and at the marketplace`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, oracle }) => {
        await group(mp, `${mp}.update_prices`, 'oracle');
        await batchLands(await apiAs('admin'), control, oracle, mp, 'prices');
      },
    );

    test(
      `${mp}: a product push lists each product with its own fields and maps it`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, oracle }) => {
        await group(mp, `${mp}.sync_products`, 'oracle');
        const api = await apiAs('admin');
        const before = oracle.rows();
        const sent = await api.call<{ job_id: number; total: number }>(`${mp}.sync_products`, { limit: 4 });
        const job = await waitForJob(api, sent.body.job_id);
        expect(job, `job ${job.job_id}: ${job.error ?? ''}`).toMatchObject({ status: 'done', failed: 0 });
        const after = oracle.rows();
        expect(after.products, 'a push changes no product in the store').toEqual(before.products);
        const onMarket = await listings(control, mp);
        const synced = after.productMappings.filter((m) => m.marketplace === mp && m.sync_status === 'success');
        const touched = synced.filter(
          (m) =>
            !before.productMappings.some(
              (b) => b.product_id === m.product_id && b.marketplace === mp && b.last_sync === m.last_sync,
            ),
        );
        expect(touched.length, `the job's ${sent.body.total} product(s) have fresh mappings`).toBe(sent.body.total);
        for (const m of touched) {
          const p = after.products.find((x) => x.product_id === m.product_id)!;
          const listed = onMarket.filter((l) => l.barcode === p.ean);
          expect(listed, `${mp} lists product ${p.product_id} (barcode ${p.ean}) once`).toHaveLength(1);
          expect(listed[0], `${mp}'s listing of product ${p.product_id} carries that product's fields`).toMatchObject({
            sku: p.sku,
            title: p.name,
            quantity: p.quantity,
            salePrice: p.price,
          });
          expect(m.marketplace_sku, `mapping of product ${p.product_id}`).toBe(p.sku);
        }
      },
    );

    test(
      `${mp}: an order import books each marketplace order with its own lines and total`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, oracle }) => {
        await group(mp, `${mp}.get_orders`, 'oracle');
        const api = await apiAs('admin');
        const before = oracle.rows();
        const answer = (await api.call<ImportAnswer>(`${mp}.get_orders`)).body;
        expect(answer.imported, 'orders wait at the marketplace in the seed').toBeGreaterThan(1);
        const after = oracle.rows();
        expect(after.products, 'an import changes no product').toEqual(before.products);
        const market = (await simulatorState(control, mp)).orders;
        const productByEan = new Map(after.products.map((p) => [p.ean, p]));
        for (const id of answer.order_ids) {
          const mapping = after.orderMappings.find((m) => m.opencart_order_id === id && m.marketplace === mp);
          expect(mapping, `order ${id} is mapped to a ${mp} order`).toBeDefined();
          const sold = market.find((o) => o.orderNumber === mapping!.marketplace_order_id);
          expect(sold, `${mp} holds order ${mapping!.marketplace_order_id}`).toBeDefined();
          const order = after.orders.find((o) => o.order_id === id);
          expect(order?.total, `order ${id} total = ${mp} order ${sold!.orderNumber} total`).toBe(sold!.total);
          const lines = after.orderProducts
            .filter((l) => l.order_id === id)
            .map((l) => ({ product_id: l.product_id, quantity: l.quantity, price: l.price }))
            .sort((a, b) => a.product_id - b.product_id);
          const expected = sold!.lines
            .map((l) => ({ product_id: productByEan.get(l.ean)?.product_id, quantity: l.quantity, price: l.price }))
            .sort((a, b) => (a.product_id ?? 0) - (b.product_id ?? 0));
          expect(
            lines,
            `order ${id}: one line per product sold (found by barcode), with its quantity and price`,
          ).toEqual(expected);
        }
        expect(after.orders.length, 'one OpenCart order per imported marketplace order').toBe(
          before.orders.length + answer.imported,
        );
      },
    );
  }
});

async function batchLands(
  api: AdminClient,
  control: TargetControl,
  oracle: Oracle,
  mp: Marketplace,
  kind: 'stock' | 'prices',
): Promise<void> {
  const before = oracle.rows();
  const { listed, unlisted } = pick(before, mp, 3);
  const items = [...listed, unlisted];
  // distinct new values, none equal to any product's old one: a value on the wrong product shows
  const value = (p: Product, i: number) =>
    kind === 'stock'
      ? 7_000 + i * 111 + (p.product_id % 7)
      : Math.round((1_000 + i * 37.25 + p.product_id / 100) * 100) / 100;
  const marketBefore = await listings(control, mp);
  const route = kind === 'stock' ? `${mp}.update_stock` : `${mp}.update_prices`;
  const body =
    kind === 'stock'
      ? { stock_updates: items.map((p, i) => ({ product_id: p.product_id, quantity: value(p, i) })) }
      : { price_updates: items.map((p, i) => ({ product_id: p.product_id, price: value(p, i).toFixed(2) })) };
  const res = await api.call<UpdateAnswer>(route, body);
  expect(res.body, `${route} with ${items.length} items`).toMatchObject({
    updated: items.length,
    pushed: listed.length,
  });
  const job = await waitForJob(api, res.body.job_id ?? 0);
  expect(job, `job ${job.job_id}: ${job.error ?? ''}`).toMatchObject({
    status: 'done',
    succeeded: listed.length,
    failed: 0,
  });

  const after = oracle.rows();
  const field = kind === 'stock' ? 'quantity' : 'price';
  items.forEach((p, i) => {
    expect(
      after.products.find((x) => x.product_id === p.product_id)?.[field],
      `product ${p.product_id} (item ${i + 1} of ${items.length}) has the ${field} sent for it`,
    ).toBe(value(p, i));
  });
  onlyTheseChanged(
    before,
    after,
    items.map((p) => p.product_id),
    route,
  );

  const marketAfter = await listings(control, mp);
  listed.forEach((p, i) => {
    const l = marketAfter.find((x) => x.barcode === p.ean);
    expect(
      kind === 'stock' ? l?.quantity : l?.salePrice,
      `${mp}'s listing of product ${p.product_id} (item ${i + 1}) has the ${field} sent for it`,
    ).toBe(value(p, i));
  });
  expect(
    marketAfter.some((l) => l.barcode === unlisted.ean),
    `${mp} does not list product ${unlisted.product_id}`,
  ).toBe(false);
  const untouched = (ls: SimListing[]) =>
    listingsBut(
      ls,
      listed.map((p) => p.ean),
    ).map(({ quantity, salePrice, listPrice, barcode }) => ({ barcode, quantity, salePrice, listPrice }));
  expect(untouched(marketAfter), `${route}: every other ${mp} listing is exactly as before`).toEqual(
    untouched(marketBefore),
  );
}
