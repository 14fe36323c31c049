/**
 * Order import: `get_orders` turns the marketplace's new orders into OpenCart orders (hub metrics
 * count them) and answers their ids; importing again finds every order already imported and
 * changes no order data — only its own sync-log row.
 */
import { test, expect, changedTables, group, metrics, MARKETPLACES, statusOf } from '../../fixtures/index.ts';

interface ImportAnswer {
  imported: number;
  skipped: number;
  failed: { order: string; reason: string }[];
  total: number;
  order_ids: number[];
}

test.describe('side effects: order import', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}.get_orders: new orders become OpenCart orders once; importing again changes nothing`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(mp, `${mp}.get_orders`, 'side effects');
        const api = await apiAs('admin');
        const m0 = await metrics(api);

        const first = (await api.call<ImportAnswer>(`${mp}.get_orders`)).body;
        expect(first.imported, 'the seed leaves orders waiting at every marketplace').toBeGreaterThan(0);
        expect(first.imported + first.skipped + first.failed.length).toBe(first.total);
        expect(new Set(first.order_ids).size, 'one new OpenCart order per imported marketplace order').toBe(
          first.imported,
        );
        const m1 = await metrics(api);
        expect(m1.total_orders).toBe(m0.total_orders + first.imported);
        expect(statusOf(m1, mp).orders).toBe(statusOf(m0, mp).orders + first.imported);

        const digest = await control.digest();
        const second = (await api.call<ImportAnswer>(`${mp}.get_orders`)).body;
        expect(second).toMatchObject({ imported: 0, skipped: first.imported + first.skipped, order_ids: [] });
        expect(changedTables(digest.tables, (await control.digest()).tables), 'only the sync log may change').toEqual([
          'meschain_sync_log',
        ]);
        expect((await metrics(api)).total_orders).toBe(m1.total_orders);
      },
    );
  }
});
