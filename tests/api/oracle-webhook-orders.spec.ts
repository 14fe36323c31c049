/**
 * What Trendyol's order webhooks do to the store's orders, read back from its database: an
 * `order-created` delivery books one order with its total, and each `order-status-changed`
 * moves that order — and no other — to OpenCart's status for the package status sent; a status
 * change for an order the store never booked answers 400 and moves nothing.
 */
import { randomUUID } from 'node:crypto';
import { test, expect, deliveryBody, group, sendWebhook, TRENDYOL_ORDER_STATUS_ID } from '../../fixtures/index.ts';
import type { StoreRows } from '../../fixtures/index.ts';

const others = (rows: StoreRows, orderId: number) => rows.orders.filter((o) => o.order_id !== orderId);

test.describe('oracle: webhook orders', { tag: '@oracle' }, () => {
  test(
    "an order-created delivery books the order; each status change moves only that order to OpenCart's status",
    { tag: ['@writes', '@reference-only'] },
    async ({ settings, oracle }) => {
      await group('security', 'webhook', 'oracle');
      const before = oracle.rows();
      const product = before.products[4]!;
      const orderNumber = `QA${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const created = await sendWebhook(
        settings,
        deliveryBody('order-created', {
          orderNumber,
          createdAt: new Date().toISOString(),
          status: 'Created',
          total: 300,
          lines: [
            {
              productId: product.product_id,
              sku: product.sku,
              ean: product.ean,
              name: product.name,
              quantity: 3,
              price: 100,
            },
          ],
          customer: {
            firstName: 'QA',
            lastName: 'Oracle',
            email: 'qa.oracle@example.invalid',
            phone: '+90 555 000 0001',
          },
        }),
      );
      expect(created.status, created.text.slice(0, 200)).toBe(200);
      const booked = oracle
        .rows()
        .orderMappings.filter((m) => m.marketplace === 'trendyol' && m.marketplace_order_id === orderNumber);
      expect(booked, `order ${orderNumber} is booked once`).toHaveLength(1);
      const orderId = booked[0]!.opencart_order_id;
      expect(oracle.rows().orders.find((o) => o.order_id === orderId)?.total, `order ${orderId}'s total`).toBe(300);

      for (const [status, statusId] of Object.entries(TRENDYOL_ORDER_STATUS_ID).filter(([s]) => s !== 'Created')) {
        const was = oracle.rows();
        const res = await sendWebhook(settings, deliveryBody('order-status-changed', { orderNumber, status }));
        expect(res.status, `${status}: ${res.text.slice(0, 200)}`).toBe(200);
        const now = oracle.rows();
        expect(
          now.orders.find((o) => o.order_id === orderId)?.order_status_id,
          `order ${orderId} after "${status}"`,
        ).toBe(statusId);
        expect(others(now, orderId), `no other order moved on "${status}"`).toEqual(others(was, orderId));
      }

      const was = oracle.rows();
      const unknown = await sendWebhook(
        settings,
        deliveryBody('order-status-changed', { orderNumber: `${orderNumber}X`, status: 'Shipped' }),
      );
      expect(unknown.status, 'a status change for an order the store never booked').toBe(400);
      expect(oracle.rows().orders, 'no order moved').toEqual(was.orders);

      // the status is text: a list that reads "Shipped" when turned into text is not a status
      const listed = await sendWebhook(
        settings,
        JSON.stringify({
          eventId: `qa-${randomUUID()}`,
          eventType: 'order-status-changed',
          timestamp: new Date().toISOString(),
          data: { orderNumber, status: ['Shipped'] },
        }),
      );
      expect(listed.status, `a status sent as a list: ${listed.text.slice(0, 200)}`).toBe(400);
      expect(oracle.rows().orders, 'no order moved').toEqual(was.orders);
    },
  );
});
