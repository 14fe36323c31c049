/** Read-only queries the pages need that the extension models do not offer. */
import type { Database } from '../db/database.ts';
import type { Marketplace } from '../extension/modules.ts';

export interface CategoryOption {
  category_id: number;
  name: string;
}
export interface CategoryMappingRow {
  opencart_category_id: number;
  category_name: string;
  marketplace_category_id: string;
  marketplace_category_name: string;
}

export function categories(db: Database): CategoryOption[] {
  return db.all<CategoryOption>(`SELECT c.category_id, cd.name FROM oc_category c
    JOIN oc_category_description cd ON cd.category_id = c.category_id AND cd.language_id = 1 ORDER BY cd.name, c.category_id`);
}

export function categoryMappings(db: Database, mp: Marketplace): CategoryMappingRow[] {
  return db.all<CategoryMappingRow>(
    `SELECT m.opencart_category_id, COALESCE(cd.name, '#' || m.opencart_category_id) category_name,
      m.marketplace_category_id, m.marketplace_category_name
    FROM meschain_category_mapping m
    LEFT JOIN oc_category_description cd ON cd.category_id = m.opencart_category_id AND cd.language_id = 1
    WHERE m.marketplace = $mp ORDER BY category_name, m.opencart_category_id`,
    { mp },
  );
}

export function installedModules(db: Database): Set<string> {
  return new Set(db.all<{ code: string }>(`SELECT code FROM oc_extension WHERE type = 'module'`).map((r) => r.code));
}

export interface StoreTotals {
  orders: number;
  sales: number;
  products: number;
  customers: number;
}

export function storeTotals(db: Database): StoreTotals {
  const o = db.get<{ n: number; s: number | null }>('SELECT COUNT(*) n, SUM(total) s FROM oc_order')!;
  const c = db.get<{ n: number }>('SELECT COUNT(DISTINCT email) n FROM oc_order')!;
  const p = db.get<{ n: number }>('SELECT COUNT(*) n FROM oc_product')!;
  return { orders: Number(o.n), sales: Number(o.s ?? 0), products: Number(p.n), customers: Number(c.n) };
}

export function syncOperations(db: Database): string[] {
  return db
    .all<{ operation: string }>('SELECT DISTINCT operation FROM meschain_sync_log ORDER BY operation')
    .map((r) => r.operation);
}
