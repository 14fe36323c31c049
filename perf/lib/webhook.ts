/**
 * The public Trendyol webhook (`index.php?route=extension/module/trendyol_webhook`, no login):
 * deliveries signed with HMAC-SHA256 of the raw body in `X-Trendyol-Signature`, each with a
 * unique eventId and the current time (older than 5 minutes or seen before: 409).
 */
import { hmac } from 'k6/crypto';
import { call, checkAnswer, type Answer } from './http.ts';

export const WEBHOOK_ROUTE = 'extension/module/trendyol_webhook';
export const SIGNATURE_HEADER = 'X-Trendyol-Signature';

export type Delivery =
  | { eventType: 'stock-updated'; data: { sku: string; quantity: number } }
  | { eventType: 'order-status-changed'; data: { orderNumber: string; status: string } };

/** Unique across VUs, iterations and k6 instances (k6-operator runs several). */
export function eventId(vu: number, iteration: number): string {
  return `k6-${vu}-${iteration}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function deliver(baseUrl: string, secret: string, id: string, d: Delivery): Answer {
  const body = JSON.stringify({
    eventId: id,
    eventType: d.eventType,
    timestamp: new Date().toISOString(),
    data: d.data,
  });
  const a = call({
    name: 'webhook.trendyol',
    method: 'POST',
    url: `${baseUrl}/index.php?route=${WEBHOOK_ROUTE}`,
    body,
    status: 200,
    expect: 'json',
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: hmac('sha256', secret, body, 'hex') },
  });
  checkAnswer('webhook.trendyol', a, { 'status success': (j) => j.status === 'success' });
  return a;
}
