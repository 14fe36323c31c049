/** The store data a sync batch reads (products) and writes (product mappings). */
import type { Database } from '../../db/database.ts';
import { sqlDate } from '../../db/seed.ts';
import type { Marketplace } from '../modules.ts';
import type { ItemOutcome, SyncJobType, SyncProduct } from './types.ts';

/** The products with these ids, with their mapping and category mapping for `mp`; missing ids are absent. */
export function loadSyncProducts(db: Database, mp: Marketplace, ids: readonly number[]): Map<number, SyncProduct> {
  const rows = db.all<{
    product_id: number;
    name: string | null;
    description: string | null;
    model: string;
    sku: string;
    ean: string;
    quantity: number;
    price: number;
    marketplace_product_id: string | null;
    marketplace_category_id: string | null;
  }>(
    `SELECT p.product_id, d.name, d.description, p.model, p.sku, p.ean, p.quantity, p.price, m.marketplace_product_id,
            (SELECT cm.marketplace_category_id FROM oc_product_to_category pc
               JOIN meschain_category_mapping cm ON cm.opencart_category_id = pc.category_id AND cm.marketplace = $mp
              WHERE pc.product_id = p.product_id ORDER BY pc.category_id LIMIT 1) AS marketplace_category_id
       FROM oc_product p
       LEFT JOIN oc_product_description d ON d.product_id = p.product_id AND d.language_id = 1
       LEFT JOIN meschain_product_mapping m ON m.product_id = p.product_id AND m.marketplace = $mp
      WHERE p.product_id IN (SELECT value FROM json_each($ids))`,
    { mp, ids: JSON.stringify(ids) },
  );
  return new Map(
    rows.map((r) => [
      r.product_id,
      {
        productId: r.product_id,
        name: r.name ?? '',
        description: r.description ?? '',
        model: r.model,
        sku: r.sku,
        ean: r.ean,
        quantity: Number(r.quantity),
        price: Number(r.price),
        marketplaceProductId: r.marketplace_product_id,
        marketplaceCategoryId: r.marketplace_category_id,
      },
    ]),
  );
}

/**
 * Records one item's verdict in `meschain_product_mapping`. A product push creates or updates the
 * mapping (success: the marketplace id; error: the reason, the old id kept). A stock or price
 * push only touches an existing mapping: success refreshes last_sync, an error marks it.
 */
export function recordOutcome(
  db: Database,
  mp: Marketplace,
  type: SyncJobType,
  product: Pick<SyncProduct, 'productId' | 'sku'>,
  outcome: ItemOutcome,
  at: Date,
): void {
  const params = { pid: product.productId, mp, at: sqlDate(at) };
  if (type === 'products') {
    db.run(
      `INSERT INTO meschain_product_mapping (product_id, marketplace, marketplace_product_id, marketplace_sku, last_sync, sync_status, error_message)
            VALUES ($pid, $mp, $mpid, $sku, $at, $status, $error)
            ON CONFLICT (product_id, marketplace) DO UPDATE SET
              marketplace_product_id = COALESCE(excluded.marketplace_product_id, marketplace_product_id),
              marketplace_sku = excluded.marketplace_sku, last_sync = excluded.last_sync,
              sync_status = excluded.sync_status, error_message = excluded.error_message`,
      {
        ...params,
        mpid: outcome.ok ? outcome.marketplaceProductId : null,
        sku: product.sku,
        status: outcome.ok ? 'success' : 'error',
        error: outcome.ok ? null : outcome.error,
      },
    );
    return;
  }
  if (outcome.ok) {
    db.run('UPDATE meschain_product_mapping SET last_sync = $at WHERE product_id = $pid AND marketplace = $mp', params);
  } else {
    db.run(
      "UPDATE meschain_product_mapping SET sync_status = 'error', error_message = $error, last_sync = $at WHERE product_id = $pid AND marketplace = $mp",
      {
        ...params,
        error: `${type === 'stock' ? 'stock' : 'price'} update failed: ${outcome.error ?? 'no reason given'}`,
      },
    );
  }
}
