/**
 * Stock and price updates: the store takes the new value and pushes it to every marketplace that
 * lists the product (the listing shows it); a product no marketplace lists is updated in the
 * store only, with no marketplace call.
 */
import { seedProducts } from '../../reference-target/db/catalog.ts';
import { test, expect, changedTables, group, MARKETPLACES, simulatorState, waitForJob } from '../../fixtures/index.ts';

const products = seedProducts();
const listed = products.find((p) => p.productId === 2); // mapped on every marketplace in the seed
const unlisted = products.find((p) => p.productId === 450); // mapped on none
if (!listed || !unlisted) throw new Error('seed: expected products 2 and 450');

interface UpdateAnswer {
  updated: number;
  pushed: number;
  job_id: number | null;
}

test.describe('side effects: stock and prices', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}: stock and price updates reach the store and the marketplace listing`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(mp, `${mp}.update_stock / update_prices`, 'side effects');
        const api = await apiAs('admin');
        const listing = async () => (await simulatorState(control, mp)).products.find((p) => p.barcode === listed.ean);
        const start = await listing();
        expect(start, `${mp} lists product 2 in the seed`).toBeDefined();
        const quantity = (start?.quantity ?? 0) + 17;

        const stock = await api.call<UpdateAnswer>(`${mp}.update_stock`, {
          stock_updates: [{ product_id: listed.productId, quantity }],
        });
        expect(stock.body).toMatchObject({ updated: 1, pushed: 1, job_id: expect.any(Number) });
        expect(await waitForJob(api, stock.body.job_id ?? 0)).toMatchObject({
          status: 'done',
          succeeded: 1,
          failed: 0,
        });
        expect(await listing()).toMatchObject({ quantity, stockWrites: (start?.stockWrites ?? 0) + 1 });

        const price = await api.call<UpdateAnswer>(`${mp}.update_prices`, {
          price_updates: [{ product_id: listed.productId, price: '149.90' }],
        });
        expect(price.body).toMatchObject({ updated: 1, pushed: 1, job_id: expect.any(Number) });
        expect(await waitForJob(api, price.body.job_id ?? 0)).toMatchObject({
          status: 'done',
          succeeded: 1,
          failed: 0,
        });
        expect(await listing()).toMatchObject({
          salePrice: 149.9,
          priceWrites: (start?.priceWrites ?? 0) + 1,
          quantity,
        });

        await test.step('a product no marketplace lists changes in the store only', async () => {
          const requests = (await simulatorState(control, mp)).counts.requests;
          const digest = await control.digest();
          const r = await api.call<UpdateAnswer>(`${mp}.update_stock`, {
            stock_updates: [{ product_id: unlisted.productId, quantity: 3 }],
          });
          expect(r.body).toEqual(expect.objectContaining({ updated: 1, pushed: 0, job_id: null }));
          expect(changedTables(digest.tables, (await control.digest()).tables)).toEqual(['oc_product']);
          expect((await simulatorState(control, mp)).counts.requests, `${mp} was not called`).toBe(requests);
        });
      },
    );
  }
});
