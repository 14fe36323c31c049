/** A marketplace module `extension/module/<trendyol|hepsiburada|n11>`: bulk product sync, order import. */
import { adminUrl, sessionHeaders, type AdminSession } from './auth.ts';
import { call, checkAnswer } from './http.ts';

import { MARKETPLACES, type Marketplace } from '../../contracts/marketplaces.ts';

export { MARKETPLACES, type Marketplace };

/** Queues a product push job; answers its id. */
export function syncProducts(s: AdminSession, mp: Marketplace, limit: number): number | undefined {
  const a = call({
    name: `${mp}.sync_products`,
    method: 'POST',
    url: adminUrl(s, `extension/module/${mp}/sync_products`),
    headers: sessionHeaders(s, true),
    body: { limit: String(limit) },
    status: 200,
    expect: 'json',
  });
  checkAnswer('marketplace.sync_products', a, {
    'queued a job': (j) => typeof j.success === 'string' && Number.isInteger(j.job_id),
  });
  return Number.isInteger(a.json?.job_id) ? (a.json?.job_id as number) : undefined;
}

/** Pulls new orders and imports them (idempotent: a second pull imports none). */
export function getOrders(s: AdminSession, mp: Marketplace): void {
  const a = call({
    name: `${mp}.get_orders`,
    method: 'POST',
    url: adminUrl(s, `extension/module/${mp}/get_orders`),
    headers: sessionHeaders(s, true),
    body: {},
    status: 200,
    expect: 'json',
  });
  checkAnswer('marketplace.get_orders', a, {
    'imported or skipped every order': (j) =>
      typeof j.success === 'string' &&
      Array.isArray(j.failed) &&
      (j.failed as unknown[]).length === 0 &&
      Number(j.imported) + Number(j.skipped) === Number(j.total),
  });
}
