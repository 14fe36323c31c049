/**
 * Hepsiburada merchant API client: Bearer token, merchant id in the path; product import with a
 * tracking id, listing inventory and price uploads, orders by offset, paged categories.
 */
import type { MarketplaceOrder } from '../../marketplaces/order-book.ts';
import type { MarketplaceHttp } from './http-client.ts';
import { pollUntilDone, type PollSettings } from './polling.ts';
import { arr, num, obj, readJson, str } from './wire.ts';
import type { ItemOutcome, MarketplaceCategory, MarketplaceClient, SyncProduct } from './types.ts';

const ORDER_PAGE = 100;
const CATEGORY_PAGE = 100;
const MAX_PAGES = 1000;
/** Hepsiburada order states → the order book's statuses. */
const STATUS_FROM_HB = { Open: 'Created', Packaged: 'Picking', InTransit: 'Shipped', Delivered: 'Delivered' } as const;

export interface HepsiburadaSettings {
  merchantId: string;
}

function isHbStatus(s: string): s is keyof typeof STATUS_FROM_HB {
  return Object.hasOwn(STATUS_FROM_HB, s);
}

export class HepsiburadaClient implements MarketplaceClient {
  readonly title = 'Hepsiburada';
  readonly #http: MarketplaceHttp;
  readonly #poll: PollSettings;
  readonly #merchant: string;
  readonly #merchantId: string;

  constructor(http: MarketplaceHttp, poll: PollSettings, settings: HepsiburadaSettings) {
    this.#http = http;
    this.#poll = poll;
    this.#merchantId = settings.merchantId;
    this.#merchant = encodeURIComponent(settings.merchantId);
  }

  async checkConnection(): Promise<string> {
    const page = obj(
      await readJson(this.#http, { method: 'GET', path: `/orders/merchantid/${this.#merchant}?offset=0&limit=1` }),
      'orders page',
    );
    return `Connected to Hepsiburada as merchant ${this.#merchantId} (${num(page.totalCount, 'totalCount')} orders visible).`;
  }

  async pushProducts(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    const body = batch.map((p) => ({
      categoryId: p.marketplaceCategoryId === null ? null : Number(p.marketplaceCategoryId),
      merchant: this.#merchantId,
      attributes: {
        merchantSku: p.sku,
        VaryantGroupID: p.model,
        Barcode: p.ean,
        UrunAdi: p.name,
        UrunAciklamasi: p.description,
        Marka: 'MesChain',
        GarantiSuresi: 24,
        kg: 1,
        tax_vat_rate: 20,
        price: p.price,
        stock: p.quantity,
      },
    }));
    const created = obj(
      await readJson(this.#http, {
        method: 'POST',
        path: `/product/merchantid/${this.#merchant}/products/import`,
        body: JSON.stringify(body),
        contentType: 'application/json',
        idempotencyKey,
      }),
      'import answer',
    );
    const trackingId = str(obj(created.data, 'data').trackingId, 'trackingId');
    const items = await pollUntilDone(`Hepsiburada product import ${trackingId}`, this.#poll, async () => {
      const data = obj(
        obj(
          await readJson(this.#http, {
            method: 'GET',
            path: `/product/merchantid/${this.#merchant}/products/status/${encodeURIComponent(trackingId)}`,
          }),
          'import status',
        ).data,
        'data',
      );
      const state = str(data.status, 'status');
      return { done: state === 'DONE', value: arr(data.items, 'items'), state };
    });
    if (items.length !== batch.length)
      throw new Error(`Hepsiburada import ${trackingId}: expected ${batch.length} item results; found ${items.length}`);
    return batch.map((p, i): ItemOutcome => {
      const r = obj(items[i], `items[${i}]`);
      if (r.status === 'SUCCESS')
        return { productId: p.productId, ok: true, marketplaceProductId: str(r.hbSku, 'hbSku'), error: null };
      const reasons = Array.isArray(r.validationResults)
        ? r.validationResults.map((v) => String(obj(v, 'validationResult').message))
        : [];
      return {
        productId: p.productId,
        ok: false,
        marketplaceProductId: null,
        error: reasons.join('; ') || `Hepsiburada answered ${String(r.status)} without a reason`,
      };
    });
  }

  pushStock(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    return this.#listingUpload(
      'inventory-uploads',
      batch.map((p) => ({ merchantSku: p.sku, hepsiburadaSku: p.marketplaceProductId, availableStock: p.quantity })),
      batch,
      idempotencyKey,
    );
  }

  pushPrices(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    return this.#listingUpload(
      'price-uploads',
      batch.map((p) => ({ merchantSku: p.sku, hepsiburadaSku: p.marketplaceProductId, price: p.price })),
      batch,
      idempotencyKey,
    );
  }

  async #listingUpload(
    kind: 'inventory-uploads' | 'price-uploads',
    body: Record<string, unknown>[],
    batch: SyncProduct[],
    idempotencyKey: string,
  ): Promise<ItemOutcome[]> {
    const path = `/listings/merchantid/${this.#merchant}/${kind}`;
    const id = str(
      obj(
        await readJson(this.#http, {
          method: 'POST',
          path,
          body: JSON.stringify(body),
          contentType: 'application/json',
          idempotencyKey,
        }),
        'upload answer',
      ).id,
      'id',
    );
    const errors = await pollUntilDone(`Hepsiburada ${kind} ${id}`, this.#poll, async () => {
      const status = obj(
        await readJson(this.#http, { method: 'GET', path: `${path}/${encodeURIComponent(id)}` }),
        'upload status',
      );
      const state = str(status.status, 'status');
      return { done: state === 'Done', value: arr(status.errors, 'errors'), state };
    });
    const bySku = new Map<string, string>();
    for (const [i, raw] of errors.entries()) {
      const e = obj(raw, `errors[${i}]`);
      const sku = typeof e.merchantSku === 'string' ? e.merchantSku : '';
      bySku.set(sku, [bySku.get(sku), String(e.message)].filter(Boolean).join('; '));
    }
    return batch.map((p): ItemOutcome => {
      const error = bySku.get(p.sku) ?? null;
      return { productId: p.productId, ok: error === null, marketplaceProductId: null, error };
    });
  }

  async fetchOrders(): Promise<MarketplaceOrder[]> {
    const out: MarketplaceOrder[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = obj(
        await readJson(this.#http, {
          method: 'GET',
          path: `/orders/merchantid/${this.#merchant}?offset=${page * ORDER_PAGE}&limit=${ORDER_PAGE}`,
        }),
        'orders page',
      );
      for (const [i, raw] of arr(body.items, 'items').entries()) out.push(toOrder(obj(raw, `items[${i}]`)));
      if ((page + 1) * ORDER_PAGE >= num(body.totalCount, 'totalCount')) return out;
    }
    throw new Error(`Hepsiburada orders: expected at most ${MAX_PAGES} pages; found more`);
  }

  async fetchCategories(): Promise<MarketplaceCategory[]> {
    const out: MarketplaceCategory[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = obj(
        await readJson(this.#http, {
          method: 'GET',
          path: `/product/api/categories/get-all-categories?page=${page}&size=${CATEGORY_PAGE}`,
        }),
        'categories page',
      );
      for (const [i, raw] of arr(body.data, 'data').entries()) {
        const c = obj(raw, `data[${i}]`);
        out.push({
          id: String(num(c.categoryId, 'categoryId')),
          name: str(c.name, 'name'),
          parent_id:
            c.parentCategoryId === null || c.parentCategoryId === undefined
              ? null
              : String(num(c.parentCategoryId, 'parentCategoryId')),
        });
      }
      if (page + 1 >= num(body.totalPages, 'totalPages')) return out;
    }
    throw new Error(`Hepsiburada categories: expected at most ${MAX_PAGES} pages; found more`);
  }
}

function toOrder(o: Record<string, unknown>): MarketplaceOrder {
  const orderNumber = str(o.orderNumber, 'orderNumber');
  const status = str(o.status, 'status');
  if (!isHbStatus(status))
    throw new Error(
      `Hepsiburada order ${orderNumber}: expected status ${Object.keys(STATUS_FROM_HB).join('|')}; found ${JSON.stringify(status)}`,
    );
  const address = obj(o.deliveryAddress, 'deliveryAddress');
  const amount = (v: unknown, what: string) => num(obj(v, what).amount, `${what}.amount`);
  return {
    marketplace: 'hepsiburada',
    orderNumber,
    createdAt: new Date(str(o.orderDate, 'orderDate')).toISOString(),
    status: STATUS_FROM_HB[status],
    customer: {
      firstName: str(address.firstName, 'deliveryAddress.firstName'),
      lastName: str(address.lastName, 'deliveryAddress.lastName'),
      email: str(o.customerEmail, 'customerEmail'),
      phone: typeof address.phoneNumber === 'string' ? address.phoneNumber : '',
    },
    lines: arr(o.lines, 'lines').map((raw, i) => {
      const l = obj(raw, `lines[${i}]`);
      return {
        productId: 0,
        sku: str(l.merchantSku, 'merchantSku'),
        ean: typeof l.barcode === 'string' ? l.barcode : '',
        name: str(l.productName, 'productName'),
        quantity: num(l.quantity, 'quantity'),
        price: amount(l.price, 'price'),
      };
    }),
    total: amount(o.totalPrice, 'totalPrice'),
  };
}
