/**
 * Store data the webhook journey refers to: SKUs and imported Trendyol order numbers of the
 * reference target's deterministic seed (reference-target/db/catalog.ts, marketplaces/order-book.ts).
 * Against a real store set MESCHAIN_LOAD_SKUS and MESCHAIN_LOAD_TRENDYOL_ORDERS (comma lists).
 */
const SEEDED_PRODUCTS = 520;
const IMPORTED_TRENDYOL_ORDERS = 40;

export const ORDER_STATUSES = ['Picking', 'Shipped', 'Delivered'] as const;

export function seededSkus(): string[] {
  return Array.from({ length: SEEDED_PRODUCTS }, (_, i) => `MSK-${100000 + (i + 1) * 7}`);
}

export function seededTrendyolOrders(): string[] {
  return Array.from({ length: IMPORTED_TRENDYOL_ORDERS }, (_, i) => String(7_300_000_000 + i * 37));
}

export function listOr(raw: string | undefined, fallback: () => string[]): string[] {
  const items = (raw ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length ? items : fallback();
}
