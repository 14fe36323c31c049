/**
 * Deterministic marketplace orders. Each marketplace has ORDERS_PER_MARKETPLACE orders; the
 * first IMPORTED_PER_MARKETPLACE are already imported into OpenCart by the seed, the rest wait
 * in the simulator for `get_orders`. Dates are whole days before `today` (UTC).
 */
import { seededRandom } from '../db/random.ts';
import type { SeedProduct } from '../db/catalog.ts';
import type { Marketplace } from '../extension/modules.ts';

export const ORDERS_PER_MARKETPLACE = 60;
export const IMPORTED_PER_MARKETPLACE = 40;

export interface OrderLine {
  productId: number;
  sku: string;
  ean: string;
  name: string;
  quantity: number;
  price: number;
}
export interface MarketplaceOrder {
  marketplace: Marketplace;
  orderNumber: string;
  createdAt: string; // ISO 8601
  status: 'Created' | 'Picking' | 'Shipped' | 'Delivered';
  customer: { firstName: string; lastName: string; email: string; phone: string };
  lines: OrderLine[];
  total: number;
}

const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Ahmet', 'Elif', 'Mustafa', 'Fatma', 'Can', 'Deniz', 'Emre'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan'];
const STATUSES = ['Created', 'Picking', 'Shipped', 'Delivered'] as const;
const SEEDS: Record<Marketplace, number> = { trendyol: 11, hepsiburada: 22, n11: 33 };

export function orderNumber(marketplace: Marketplace, index: number): string {
  switch (marketplace) {
    case 'trendyol':
      return String(7_300_000_000 + index * 37);
    case 'hepsiburada':
      return `HB${String(5_100_000 + index * 41)}`;
    case 'n11':
      return String(205_000_000 + index * 53);
  }
}

export function orderBook(marketplace: Marketplace, products: readonly SeedProduct[], today: Date): MarketplaceOrder[] {
  const rnd = seededRandom(SEEDS[marketplace]);
  const day0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const orders: MarketplaceOrder[] = [];
  for (let i = 0; i < ORDERS_PER_MARKETPLACE; i++) {
    // imported orders spread over the 14 days before today; waiting ones over the last 2 days
    const daysAgo = i < IMPORTED_PER_MARKETPLACE ? 14 - Math.floor((i * 14) / IMPORTED_PER_MARKETPLACE) : rnd.int(1, 2);
    const at = new Date(day0 - daysAgo * 86_400_000 + rnd.int(8 * 60, 22 * 60) * 60_000);
    const lineCount = rnd.int(1, 3);
    const lines: OrderLine[] = [];
    for (let l = 0; l < lineCount; l++) {
      const p = products[rnd.int(0, 299)] as SeedProduct;
      if (lines.some((x) => x.productId === p.productId)) continue;
      lines.push({
        productId: p.productId,
        sku: p.sku,
        ean: p.ean,
        name: p.name,
        quantity: rnd.int(1, 3),
        price: p.price,
      });
    }
    const first = rnd.pick(FIRST),
      last = rnd.pick(LAST);
    orders.push({
      marketplace,
      orderNumber: orderNumber(marketplace, i),
      createdAt: at.toISOString(),
      status: rnd.pick(STATUSES),
      customer: {
        firstName: first,
        lastName: last,
        email: `${first}.${last}.${i}@example.invalid`
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^\x20-\x7e]/g, ''),
        phone: `+90 5${rnd.int(30, 59)} ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}`,
      },
      lines,
      total: Math.round(lines.reduce((s, l) => s + l.quantity * l.price, 0) * 100) / 100,
    });
  }
  return orders;
}
