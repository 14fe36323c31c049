/**
 * A simulated marketplace's listings, keyed by the marketplace's own product key (Trendyol:
 * barcode, Hepsiburada: merchantSku, N11: productSellerCode). A re-sent product updates its
 * listing, never adds a second one; `writes` counts how often the API wrote it.
 */
export interface ListedProduct {
  key: string;
  barcode: string;
  sku: string;
  title: string;
  marketplaceProductId: string;
  categoryId: string | null;
  quantity: number;
  salePrice: number;
  listPrice: number;
  /** 'seed': listed before the simulator started; 'api': created through the API. */
  source: 'seed' | 'api';
  /** product create/update writes through the API (0 for an untouched seeded listing) */
  writes: number;
  stockWrites: number;
  priceWrites: number;
}

export type ProductFields = Omit<
  ListedProduct,
  'key' | 'source' | 'writes' | 'stockWrites' | 'priceWrites' | 'marketplaceProductId'
>;

export interface StoreCounts {
  productCreates: number;
  productUpdates: number;
  stockUpdates: number;
  priceUpdates: number;
}

export class ProductStore {
  #byKey = new Map<string, ListedProduct>();
  #counts: StoreCounts = { productCreates: 0, productUpdates: 0, stockUpdates: 0, priceUpdates: 0 };

  /** Lists a product without counting it as an API write (initial catalogue). */
  seed(key: string, fields: ProductFields, marketplaceProductId: string): void {
    this.#byKey.set(key, {
      key,
      ...fields,
      marketplaceProductId,
      source: 'seed',
      writes: 0,
      stockWrites: 0,
      priceWrites: 0,
    });
  }

  /** Creates or updates the listing for `key`; `assignId` is asked only for a new listing. */
  upsert(key: string, fields: ProductFields, assignId: () => string): { product: ListedProduct; created: boolean } {
    const existing = this.#byKey.get(key);
    if (existing) {
      Object.assign(existing, fields, { key, writes: existing.writes + 1 });
      this.#counts.productUpdates++;
      return { product: existing, created: false };
    }
    const product: ListedProduct = {
      key,
      ...fields,
      marketplaceProductId: assignId(),
      source: 'api',
      writes: 1,
      stockWrites: 0,
      priceWrites: 0,
    };
    this.#byKey.set(key, product);
    this.#counts.productCreates++;
    return { product, created: true };
  }

  get(key: string): ListedProduct | undefined {
    return this.#byKey.get(key);
  }

  setStock(key: string, quantity: number): boolean {
    const p = this.#byKey.get(key);
    if (!p) return false;
    p.quantity = quantity;
    p.stockWrites++;
    this.#counts.stockUpdates++;
    return true;
  }

  setPrice(key: string, salePrice: number, listPrice: number): boolean {
    const p = this.#byKey.get(key);
    if (!p) return false;
    p.salePrice = salePrice;
    p.listPrice = listPrice;
    p.priceWrites++;
    this.#counts.priceUpdates++;
    return true;
  }

  list(): ListedProduct[] {
    return [...this.#byKey.values()].map((p) => ({ ...p }));
  }

  get size(): number {
    return this.#byKey.size;
  }

  counts(): StoreCounts {
    return { ...this.#counts };
  }

  clear(): void {
    this.#byKey.clear();
    this.#counts = { productCreates: 0, productUpdates: 0, stockUpdates: 0, priceUpdates: 0 };
  }
}
