/**
 * What order import books, read back from the store's database against what the marketplace
 * holds: each order the marketplace had waiting becomes one OpenCart order with the
 * marketplace's total, and one line per marketplace line — the store's product with that SKU,
 * the quantity and the unit price the marketplace sold at. Each marketplace answers in its own
 * dialect (Trendyol REST, Hepsiburada REST, N11 SOAP): a field read from the wrong place shows
 * here as a wrong number, not as a missing order.
 */
import { test, expect, group, MARKETPLACES, simulatorState } from '../../fixtures/index.ts';

test.describe('oracle: order import', { tag: '@oracle' }, () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}.get_orders books each marketplace order with its total and its lines`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, oracle }) => {
        await group(mp, `${mp}.get_orders`, 'oracle');
        const before = oracle.rows();
        const known = new Set(
          before.orderMappings.filter((m) => m.marketplace === mp).map((m) => m.marketplace_order_id),
        );
        const waiting = (await simulatorState(control, mp)).orders.filter((o) => !known.has(o.orderNumber));
        expect(waiting.length, `orders waiting at ${mp} in the seed`).toBeGreaterThan(0);

        await (await apiAs('admin')).call(`${mp}.get_orders`);

        const rows = oracle.rows();
        const productBySku = new Map(rows.products.map((p) => [p.sku, p.product_id]));
        for (const order of waiting) {
          const booked = rows.orderMappings.filter(
            (m) => m.marketplace === mp && m.marketplace_order_id === order.orderNumber,
          );
          expect(booked, `${mp} order ${order.orderNumber} is booked once`).toHaveLength(1);
          const orderId = booked[0]!.opencart_order_id;
          expect(rows.orders.find((o) => o.order_id === orderId)?.total, `${order.orderNumber}: the order total`).toBe(
            order.total,
          );
          const lines = rows.orderProducts
            .filter((l) => l.order_id === orderId)
            .map((l) => ({ product_id: l.product_id, quantity: l.quantity, price: l.price }));
          const expected = order.lines.map((l) => ({
            product_id: productBySku.get(l.sku),
            quantity: l.quantity,
            price: l.price,
          }));
          const byProduct = (a: { product_id?: number }, b: { product_id?: number }) =>
            (a.product_id ?? 0) - (b.product_id ?? 0);
          expect(lines.sort(byProduct), `${order.orderNumber}: its lines (product, quantity, unit price)`).toEqual(
            expected.sort(byProduct),
          );
        }
      },
    );
  }
});
