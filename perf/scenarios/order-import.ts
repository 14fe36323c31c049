/** An order-import burst: pull orders from each marketplace in turn (get_orders, idempotent). */
import { group } from 'k6';
import exec from 'k6/execution';
import { getOrders, MARKETPLACES } from '../lib/marketplace.ts';
import type { Journey } from './context.ts';

export function orderImportJourney({ data }: Journey): void {
  const mp = MARKETPLACES[exec.scenario.iterationInTest % MARKETPLACES.length] ?? 'trendyol';
  group(`import ${mp} orders`, () => getOrders(data.session, mp));
}
