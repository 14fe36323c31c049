/**
 * A bigger store for the scaling check (`TARGET_DATA_SCALE=k`, default 1): the seed plus k−1
 * copies of its catalogue (new product ids, SKUs and barcodes), of its product mappings, of its
 * imported orders (new order numbers, lines on the copied products) and of its sync history.
 * Deterministic; the seed's own rows and ids stay as they are, so every suite could still run.
 */
import type { Database } from './database.ts';
import { ean13, PRODUCT_COUNT, seedProducts, type SeedProduct } from './catalog.ts';
import { seededRandom } from './random.ts';
import { insertImportedOrder, sqlDate } from './seed.ts';
import { IMPORTED_PER_MARKETPLACE, orderBook } from '../marketplaces/order-book.ts';
import { LISTED_UP_TO } from '../marketplaces/listed-catalog.ts';
import { MARKETPLACES } from '../extension/modules.ts';

export const MAX_DATA_SCALE = 20;

/** Copy `k` (1…) of a seed product. */
function copyOf(p: SeedProduct, k: number): SeedProduct {
  const id = p.productId + k * PRODUCT_COUNT;
  return {
    ...p,
    productId: id,
    name: `${p.name} · ${k + 1}`,
    model: `MS-${String(id).padStart(5, '0')}`,
    sku: `MSK-${String(100000 + id * 7)}`,
    ean: ean13(`869${String(1000000 + id * 13).padStart(9, '0')}`),
  };
}

export function growStore(db: Database, scale: number, today: Date): void {
  if (scale <= 1) return;
  const rnd = seededRandom(4242);
  const base = seedProducts();
  const now = sqlDate(new Date());
  const day0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let k = 1; k < scale; k++) {
    const copies = base.map((p) => copyOf(p, k));
    for (const p of copies) {
      db.run(
        `INSERT INTO oc_product (product_id, model, sku, ean, quantity, price, status, date_added, date_modified)
              VALUES ($id, $model, $sku, $ean, $q, $price, 1, $d, $d)`,
        { id: p.productId, model: p.model, sku: p.sku, ean: p.ean, q: p.quantity, price: p.price, d: now },
      );
      db.run(
        'INSERT INTO oc_product_description (product_id, language_id, name, description) VALUES ($id, 1, $n, $n)',
        { id: p.productId, n: p.name },
      );
      db.run('INSERT INTO oc_product_to_category (product_id, category_id) VALUES ($id, $c)', {
        id: p.productId,
        c: p.categoryId,
      });
    }
    for (const mp of MARKETPLACES) {
      for (const p of copies.slice(0, LISTED_UP_TO[mp])) {
        db.run(
          `INSERT INTO meschain_product_mapping (product_id, marketplace, marketplace_product_id, marketplace_sku, last_sync, sync_status)
                VALUES ($pid, $mp, $mpid, $sku, $ls, 'success')`,
          { pid: p.productId, mp, mpid: `${mp}-${p.productId}`, sku: p.sku, ls: now },
        );
      }
      for (const o of orderBook(mp, base, today).slice(0, IMPORTED_PER_MARKETPLACE)) {
        const lines = o.lines.map((l) => {
          const c = copyOf(base[l.productId - 1]!, k);
          return { productId: c.productId, name: c.name, sku: c.sku, quantity: l.quantity, price: l.price };
        });
        insertImportedOrder(
          db,
          null,
          mp,
          `${o.orderNumber}-${k + 1}`,
          o.customer,
          lines,
          o.total,
          sqlDate(new Date(o.createdAt)),
        );
      }
      for (let daysAgo = 15; daysAgo >= 1; daysAgo--) {
        for (let n = rnd.int(4, 24); n > 0; n--) {
          db.run(
            `INSERT INTO meschain_sync_log (marketplace, operation, status, message, items, duration_ms, created_at)
                  VALUES ($mp, 'product_sync', 'success', 'copy', $items, $dur, $at)`,
            {
              mp,
              items: rnd.int(1, 50),
              dur: rnd.int(80, 2400),
              at: sqlDate(new Date(day0 - daysAgo * 86_400_000 + rnd.int(0, 86_399) * 1000)),
            },
          );
        }
      }
    }
  }
}
