/**
 * Product push, end to end: `send_product` queues a job; the job delivers the product to the
 * marketplace with the store's fields (barcode, SKU, title, stock, price) and a product mapping
 * appears (hub metrics: one more synced product). Pushing it again updates the one listing and
 * the one mapping — never a second of either.
 */
import { seedProducts } from '../../reference-target/db/catalog.ts';
import {
  test,
  expect,
  changedTables,
  group,
  metrics,
  MARKETPLACES,
  simulatorState,
  statusOf,
  waitForJob,
} from '../../fixtures/index.ts';

/** A product no marketplace lists in the seed (Trendyol lists 1-300, Hepsiburada 1-220, N11 1-150). */
const product = seedProducts().find((p) => p.productId === 401);
if (!product) throw new Error('seed: expected product 401');

test.describe('side effects: product push', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}.send_product: the product arrives with its fields and a mapping row appears`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(mp, `${mp}.send_product`, 'side effects');
        const api = await apiAs('admin');
        const before = statusOf(await metrics(api), mp);
        const simBefore = await simulatorState(control, mp);
        const digestBefore = await control.digest();

        const sent = await api.call<{ job_id: number; total: number }>(`${mp}.send_product`, {
          product_id: product.productId,
        });
        expect(sent.body.total).toBe(1);
        const job = await waitForJob(api, sent.body.job_id);
        expect(job, `job ${job.job_id}: ${job.error ?? ''}`).toMatchObject({
          status: 'done',
          total: 1,
          processed: 1,
          succeeded: 1,
          failed: 0,
        });

        const sim = await simulatorState(control, mp);
        const listed = sim.products.filter((p) => p.barcode === product.ean);
        expect(listed, `${mp} should list product ${product.productId} (barcode ${product.ean}) once`).toHaveLength(1);
        expect(listed[0]).toMatchObject({
          barcode: product.ean,
          sku: product.sku,
          title: product.name,
          quantity: product.quantity,
          salePrice: product.price,
          source: 'api',
          writes: 1,
        });
        expect(sim.counts.productCreates).toBe(simBefore.counts.productCreates + 1);
        const after = statusOf(await metrics(api), mp);
        expect(after.synced_products, 'one more synced product mapping').toBe(before.synced_products + 1);
        expect(changedTables(digestBefore.tables, (await control.digest()).tables)).toContain(
          'meschain_product_mapping',
        );

        await test.step('pushing it again updates the listing and the mapping, adds neither', async () => {
          const again = await api.call<{ job_id: number }>(`${mp}.send_product`, { product_id: product.productId });
          expect((await waitForJob(api, again.body.job_id)).status).toBe('done');
          const sim2 = await simulatorState(control, mp);
          expect(sim2.products.filter((p) => p.barcode === product.ean).map((p) => p.writes)).toEqual([2]);
          expect(sim2.counts.productsListed).toBe(sim.counts.productsListed);
          expect(statusOf(await metrics(api), mp).synced_products).toBe(after.synced_products);
        });
      },
    );
  }
});
