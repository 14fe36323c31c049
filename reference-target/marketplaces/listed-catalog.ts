/**
 * What each simulated marketplace already lists before any sync: the seeded mappings say
 * Trendyol lists products 1-300, Hepsiburada 1-220 and N11 1-150 (see db/seed.ts), so a
 * stock or price update of a seeded, mapped product finds its listing. Also the marketplace
 * product ids the seed uses, so ids assigned by a simulator agree with seeded mappings.
 */
import { seedProducts, type SeedProduct } from '../db/catalog.ts';
import type { Marketplace } from '../extension/modules.ts';

/** Products each marketplace lists at seed time; db/seed.ts maps the same ones. */
export const LISTED_UP_TO: Record<Marketplace, number> = { trendyol: 300, hepsiburada: 220, n11: 150 };

let catalogue: SeedProduct[] | undefined;
function products(): SeedProduct[] {
  catalogue ??= seedProducts();
  return catalogue;
}

export function seededProductBySku(sku: string): SeedProduct | undefined {
  return products().find((p) => p.sku === sku);
}

export function listedSeedProducts(mp: Marketplace): SeedProduct[] {
  return products().slice(0, LISTED_UP_TO[mp]);
}

/** Hepsiburada's SKU for a store product (same rule as the seed's `marketplaceProductId`). */
export const hepsiburadaSku = (productId: number): string => `HBV${String(productId).padStart(8, '0')}`;
/** N11's product id for a store product (same rule as the seed's `marketplaceProductId`). */
export const n11ProductId = (productId: number): string => String(900_000 + productId);
