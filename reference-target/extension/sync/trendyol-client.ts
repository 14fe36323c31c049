/**
 * Trendyol seller API client: HTTP Basic (API key:secret), supplier-scoped paths, product
 * create as an asynchronous batch request, combined price-and-inventory updates, paged orders.
 */
import type { MarketplaceOrder } from '../../marketplaces/order-book.ts';
import type { MarketplaceHttp } from './http-client.ts';
import { pollUntilDone, type PollSettings } from './polling.ts';
import { readJson, num, str, arr, obj } from './wire.ts';
import type { ItemOutcome, MarketplaceCategory, MarketplaceClient, SyncProduct } from './types.ts';

const ORDER_PAGE_SIZE = 200;
const MAX_PAGES = 1000;
const STATUSES = ['Created', 'Picking', 'Shipped', 'Delivered'] as const;

export interface TrendyolSettings {
  supplierId: string;
}

export class TrendyolClient implements MarketplaceClient {
  readonly title = 'Trendyol';
  readonly #http: MarketplaceHttp;
  readonly #poll: PollSettings;
  readonly #supplier: string;

  constructor(http: MarketplaceHttp, poll: PollSettings, settings: TrendyolSettings) {
    this.#http = http;
    this.#poll = poll;
    this.#supplier = encodeURIComponent(settings.supplierId);
  }

  async checkConnection(): Promise<string> {
    const page = obj(
      await readJson(this.#http, { method: 'GET', path: `/suppliers/${this.#supplier}/orders?page=0&size=1` }),
      'orders page',
    );
    return `Connected to Trendyol as supplier ${decodeURIComponent(this.#supplier)} (${num(page.totalElements, 'totalElements')} orders visible).`;
  }

  pushProducts(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    const items = batch.map((p) => ({
      barcode: p.ean,
      title: p.name,
      productMainId: p.model,
      brandId: 1791,
      categoryId: p.marketplaceCategoryId === null ? null : Number(p.marketplaceCategoryId),
      quantity: p.quantity,
      stockCode: p.sku,
      dimensionalWeight: 1,
      description: p.description,
      currencyType: 'TRY',
      listPrice: p.price,
      salePrice: p.price,
      vatRate: 20,
      cargoCompanyId: 10,
      images: [],
      attributes: [],
    }));
    return this.#batch(`/suppliers/${this.#supplier}/v2/products`, items, batch, idempotencyKey, (p) => p.ean);
  }

  pushStock(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    const items = batch.map((p) => ({ barcode: p.marketplaceProductId ?? p.ean, quantity: p.quantity }));
    return this.#batch(
      `/suppliers/${this.#supplier}/products/price-and-inventory`,
      items,
      batch,
      idempotencyKey,
      () => null,
    );
  }

  pushPrices(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    const items = batch.map((p) => ({
      barcode: p.marketplaceProductId ?? p.ean,
      salePrice: p.price,
      listPrice: p.price,
    }));
    return this.#batch(
      `/suppliers/${this.#supplier}/products/price-and-inventory`,
      items,
      batch,
      idempotencyKey,
      () => null,
    );
  }

  /** POSTs one batch request, polls it to COMPLETED, and reads the item results in request order. */
  async #batch(
    path: string,
    items: Record<string, unknown>[],
    batch: SyncProduct[],
    idempotencyKey: string,
    listedAs: (p: SyncProduct) => string | null,
  ): Promise<ItemOutcome[]> {
    const created = obj(
      await readJson(this.#http, {
        method: 'POST',
        path,
        body: JSON.stringify({ items }),
        contentType: 'application/json',
        idempotencyKey,
      }),
      'batch answer',
    );
    const batchId = str(created.batchRequestId, 'batchRequestId');
    const results = await pollUntilDone(`Trendyol batch request ${batchId}`, this.#poll, async () => {
      const status = obj(
        await readJson(this.#http, {
          method: 'GET',
          path: `/suppliers/${this.#supplier}/products/batch-requests/${encodeURIComponent(batchId)}`,
        }),
        'batch status',
      );
      const state = str(status.status, 'status');
      return { done: state === 'COMPLETED', value: arr(status.items, 'items'), state };
    });
    if (results.length !== batch.length) {
      throw new Error(
        `Trendyol batch request ${batchId}: expected ${batch.length} item results; found ${results.length}`,
      );
    }
    return batch.map((p, i): ItemOutcome => {
      const r = obj(results[i], `items[${i}]`);
      if (r.status === 'SUCCESS')
        return { productId: p.productId, ok: true, marketplaceProductId: listedAs(p), error: null };
      const reasons = Array.isArray(r.failureReasons) ? r.failureReasons.map(String) : [];
      return {
        productId: p.productId,
        ok: false,
        marketplaceProductId: null,
        error: reasons.join('; ') || `Trendyol answered status ${String(r.status)} without a reason`,
      };
    });
  }

  async fetchOrders(): Promise<MarketplaceOrder[]> {
    const out: MarketplaceOrder[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = obj(
        await readJson(this.#http, {
          method: 'GET',
          path: `/suppliers/${this.#supplier}/orders?page=${page}&size=${ORDER_PAGE_SIZE}`,
        }),
        'orders page',
      );
      for (const [i, raw] of arr(body.content, 'content').entries()) out.push(toOrder(obj(raw, `content[${i}]`)));
      if (page + 1 >= num(body.totalPages, 'totalPages')) return out;
    }
    throw new Error(`Trendyol orders: expected at most ${MAX_PAGES} pages; found more`);
  }

  async fetchCategories(): Promise<MarketplaceCategory[]> {
    const body = obj(await readJson(this.#http, { method: 'GET', path: '/product-categories' }), 'category tree');
    const out: MarketplaceCategory[] = [];
    const walk = (nodes: unknown[], parent: string | null) => {
      for (const [i, raw] of nodes.entries()) {
        const c = obj(raw, `category[${i}]`);
        const id = String(num(c.id, 'category id'));
        out.push({ id, name: str(c.name, 'category name'), parent_id: parent });
        if (Array.isArray(c.subCategories)) walk(c.subCategories, id);
      }
    };
    walk(arr(body.categories, 'categories'), null);
    return out;
  }
}

function toOrder(o: Record<string, unknown>): MarketplaceOrder {
  const orderNumber = str(o.orderNumber, 'orderNumber');
  const status = str(o.status, 'status');
  const known = STATUSES.find((s) => s === status);
  if (!known)
    throw new Error(
      `Trendyol order ${orderNumber}: expected status ${STATUSES.join('|')}; found ${JSON.stringify(status)}`,
    );
  const invoice = obj(o.invoiceAddress ?? {}, 'invoiceAddress');
  return {
    marketplace: 'trendyol',
    orderNumber,
    createdAt: new Date(num(o.orderDate, 'orderDate')).toISOString(),
    status: known,
    customer: {
      firstName: str(o.customerFirstName, 'customerFirstName'),
      lastName: str(o.customerLastName, 'customerLastName'),
      email: str(o.customerEmail, 'customerEmail'),
      phone: typeof invoice.phone === 'string' ? invoice.phone : '',
    },
    lines: arr(o.lines, 'lines').map((raw, i) => {
      const l = obj(raw, `lines[${i}]`);
      return {
        productId: 0,
        sku: str(l.merchantSku, 'merchantSku'),
        ean: str(l.barcode, 'barcode'),
        name: str(l.productName, 'productName'),
        quantity: num(l.quantity, 'quantity'),
        price: num(l.price, 'price'),
      };
    }),
    total: num(o.totalPrice, 'totalPrice'),
  };
}
