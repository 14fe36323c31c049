/** Converting marketplace orders into OpenCart orders, exactly once per marketplace order. */
import type { Database } from '../db/database.ts';
import type { MarketplaceOrder } from '../marketplaces/order-book.ts';
import { insertImportedOrder, sqlDate } from '../db/seed.ts';

export interface ImportResult {
  imported: number;
  skipped: number;
  failed: { order: string; reason: string }[];
  order_ids: number[];
}

export function importOrders(db: Database, orders: MarketplaceOrder[]): ImportResult {
  const out: ImportResult = { imported: 0, skipped: 0, failed: [], order_ids: [] };
  for (const o of orders) {
    const known = db.get(
      'SELECT 1 FROM meschain_order_mapping WHERE marketplace = $mp AND marketplace_order_id = $id',
      { mp: o.marketplace, id: o.orderNumber },
    );
    if (known) {
      out.skipped++;
      continue;
    }
    const lines: { productId: number; name: string; sku: string; quantity: number; price: number }[] = [];
    let missing: string | undefined;
    for (const l of o.lines) {
      const p = db.get<{ product_id: number }>('SELECT product_id FROM oc_product WHERE sku = $sku', { sku: l.sku });
      if (!p) {
        missing = l.sku;
        break;
      }
      lines.push({ productId: p.product_id, name: l.name, sku: l.sku, quantity: l.quantity, price: l.price });
    }
    if (missing || lines.length === 0) {
      out.failed.push({ order: o.orderNumber, reason: missing ? `unknown SKU ${missing}` : 'order has no lines' });
      continue;
    }
    // one transaction per order: an order is imported whole or not at all
    const id = db.transaction(() =>
      insertImportedOrder(
        db,
        null,
        o.marketplace,
        o.orderNumber,
        o.customer,
        lines,
        o.total,
        sqlDate(new Date(o.createdAt)),
      ),
    );
    out.imported++;
    out.order_ids.push(id);
  }
  return out;
}
