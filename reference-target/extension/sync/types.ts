/** What the sync engine and its marketplace clients exchange. */
import type { MarketplaceOrder } from '../../marketplaces/order-book.ts';

export type SyncJobType = 'products' | 'stock' | 'prices';
export const SYNC_JOB_TYPES: readonly SyncJobType[] = ['products', 'stock', 'prices'];

/** A store product as a sync batch sends it (read from oc_product when the batch runs). */
export interface SyncProduct {
  productId: number;
  name: string;
  description: string;
  model: string;
  sku: string;
  ean: string;
  quantity: number;
  price: number;
  /** from meschain_product_mapping; null when the marketplace does not list it yet */
  marketplaceProductId: string | null;
  /** from meschain_category_mapping for the product's category; null when unmapped */
  marketplaceCategoryId: string | null;
}

/** The marketplace's verdict on one item of a batch. */
export interface ItemOutcome {
  productId: number;
  ok: boolean;
  /** the marketplace's id for the product (product pushes); null keeps the stored one */
  marketplaceProductId: string | null;
  error: string | null;
}

export interface MarketplaceCategory {
  id: string;
  name: string;
  parent_id: string | null;
}

/** One marketplace's API as the engine uses it; one client per job or call. */
export interface MarketplaceClient {
  readonly title: string;
  /** A cheap authenticated call; resolves with what it saw, throws when the marketplace refuses. */
  checkConnection(): Promise<string>;
  pushProducts(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]>;
  pushStock(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]>;
  pushPrices(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]>;
  /** every order on every page; lines carry sku/ean as the marketplace gives them, productId 0 */
  fetchOrders(): Promise<MarketplaceOrder[]>;
  fetchCategories(): Promise<MarketplaceCategory[]>;
}

/**
 * A batch that stopped part-way: `completed` holds the outcomes the marketplace gave before
 * `cause` ended it; the other items of the batch have no verdict.
 */
export class PartialBatchError extends Error {
  readonly completed: ItemOutcome[];
  constructor(cause: Error, completed: ItemOutcome[]) {
    super(cause.message, { cause });
    this.name = 'PartialBatchError';
    this.completed = completed;
  }
}

/** The marketplace answered, but refused the whole request (e.g. an N11 `result.status = failure`). */
export class MarketplaceRejectedError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'MarketplaceRejectedError';
    this.code = code;
  }
}

/** Settings that make a client impossible to build (missing credentials, bad endpoint). */
export class MarketplaceConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarketplaceConfigError';
  }
}
