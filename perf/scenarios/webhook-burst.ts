/**
 * A webhook burst from Trendyol: signed deliveries, each with a unique eventId and the current
 * timestamp, alternating stock updates of seeded SKUs and status changes of imported orders.
 */
import { group } from 'k6';
import exec from 'k6/execution';
import { deliver, eventId, type Delivery } from '../lib/webhook.ts';
import { K6_ENV } from '../lib/k6-env.ts';
import { listOr, ORDER_STATUSES, seededSkus, seededTrendyolOrders } from '../lib/seed-data.ts';
import type { Journey } from './context.ts';

const SKUS = listOr(K6_ENV.MESCHAIN_LOAD_SKUS, seededSkus);
const ORDERS = listOr(K6_ENV.MESCHAIN_LOAD_TRENDYOL_ORDERS, seededTrendyolOrders);

function delivery(i: number): Delivery {
  if (i % 2 === 0)
    return {
      eventType: 'stock-updated',
      data: { sku: SKUS[(i * 13) % SKUS.length] as string, quantity: (i * 7) % 500 },
    };
  return {
    eventType: 'order-status-changed',
    data: {
      orderNumber: ORDERS[i % ORDERS.length] as string,
      status: ORDER_STATUSES[i % ORDER_STATUSES.length] as string,
    },
  };
}

export function webhookJourney({ cfg }: Journey): void {
  const i = exec.scenario.iterationInTest;
  group('deliver a signed webhook', () =>
    deliver(cfg.baseUrl, cfg.webhookSecret, eventId(exec.vu.idInTest, exec.vu.iterationInInstance), delivery(i)),
  );
}
