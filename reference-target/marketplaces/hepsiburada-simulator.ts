/**
 * Hepsiburada merchant API simulator: REST, `Authorization: Bearer <token>`, merchant id in the path.
 *   POST /product/merchantid/{mid}/products/import               ≤ 100 products → {data: {trackingId}}
 *   GET  /product/merchantid/{mid}/products/status/{trackingId}  PROCESSING on the first poll, then DONE with item results
 *   POST /listings/merchantid/{mid}/inventory-uploads            [{merchantSku, availableStock}] → {id}
 *   GET  /listings/merchantid/{mid}/inventory-uploads/{id}       InProgress, then Done with errors
 *   POST /listings/merchantid/{mid}/price-uploads                [{merchantSku, price}] → {id}
 *   GET  /listings/merchantid/{mid}/price-uploads/{id}
 *   GET  /orders/merchantid/{mid}?offset&limit                   {totalCount, offset, limit, pageCount, items}
 *   GET  /product/api/categories/get-all-categories?page&size    paged flat category list
 * Listings are keyed by merchantSku.
 */
import { json, type Reply, type Req } from '../http/types.ts';
import type { TargetConfig } from '../config.ts';
import { AsyncTasks } from './async-tasks.ts';
import { categoryTree } from './category-tree.ts';
import { hepsiburadaSku, listedSeedProducts, seededProductBySku } from './listed-catalog.ts';
import type { MarketplaceOrder } from './order-book.ts';
import { ProductStore } from './product-store.ts';
import type { MarketplaceApi } from './simulator-host.ts';
import {
  found,
  headerValue,
  isRecord,
  optionalText,
  queryInt,
  requirePrice,
  requireQuantity,
  requireText,
  round2,
  sameSecret,
} from './sim-input.ts';

export const HEPSIBURADA_MAX_IMPORT = 100;
export const HEPSIBURADA_MAX_LISTING_UPDATES = 1000;
export const HEPSIBURADA_MAX_PAGE = 100;

/** Hepsiburada's order states for the order book's statuses. */
export const HEPSIBURADA_STATUS = {
  Created: 'Open',
  Picking: 'Packaged',
  Shipped: 'InTransit',
  Delivered: 'Delivered',
} as const;

type Credentials = TargetConfig['marketplaceCredentials']['hepsiburada'];

interface ImportItem {
  merchantSku: string | null;
  barcode: string | null;
  status: 'SUCCESS' | 'FAILED';
  hbSku: string | null;
  validationResults: { message: string }[];
}
interface ListingUpload {
  kind: 'inventory' | 'price';
  total: number;
  errors: { merchantSku: string | null; message: string }[];
}

const ROUTES = {
  import: /^\/product\/merchantid\/([^/]+)\/products\/import$/,
  importStatus: /^\/product\/merchantid\/([^/]+)\/products\/status\/([^/]+)$/,
  inventory: /^\/listings\/merchantid\/([^/]+)\/inventory-uploads$/,
  inventoryStatus: /^\/listings\/merchantid\/([^/]+)\/inventory-uploads\/([^/]+)$/,
  price: /^\/listings\/merchantid\/([^/]+)\/price-uploads$/,
  priceStatus: /^\/listings\/merchantid\/([^/]+)\/price-uploads\/([^/]+)$/,
  orders: /^\/orders\/merchantid\/([^/]+)$/,
};

const failure = (status: number, message: string): Reply =>
  json({ success: false, code: status, message, data: null }, status);

/** An order as Hepsiburada's order API answers it. */
export function hepsiburadaOrder(o: MarketplaceOrder, index: number): Record<string, unknown> {
  const money = (amount: number) => ({ amount, currency: 'TRY' });
  return {
    id: `hb-order-${String(index + 1).padStart(6, '0')}`,
    orderNumber: o.orderNumber,
    orderDate: o.createdAt,
    status: HEPSIBURADA_STATUS[o.status],
    customerName: `${o.customer.firstName} ${o.customer.lastName}`,
    customerEmail: o.customer.email,
    deliveryAddress: {
      firstName: o.customer.firstName,
      lastName: o.customer.lastName,
      phoneNumber: o.customer.phone,
      countryCode: 'TR',
    },
    totalPrice: money(o.total),
    lines: o.lines.map((l) => ({
      merchantSku: l.sku,
      barcode: l.ean,
      hbSku: hepsiburadaSku(l.productId),
      productName: l.name,
      quantity: l.quantity,
      price: money(l.price),
      totalPrice: money(round2(l.quantity * l.price)),
    })),
  };
}

export class HepsiburadaApi implements MarketplaceApi {
  readonly marketplace = 'hepsiburada' as const;
  readonly products = new ProductStore();
  readonly #credentials: Credentials;
  readonly #orders: MarketplaceOrder[];
  readonly #imports = new AsyncTasks<ImportItem[]>('4b000001');
  readonly #uploads = new AsyncTasks<ListingUpload>('4b000002');
  #nextSku = 1;

  constructor(credentials: Credentials, orders: MarketplaceOrder[]) {
    this.#credentials = credentials;
    this.#orders = orders;
    this.reset();
  }

  reset(): void {
    this.products.clear();
    this.#imports.clear();
    this.#uploads.clear();
    this.#nextSku = 1;
    for (const p of listedSeedProducts('hepsiburada')) {
      this.products.seed(
        p.sku,
        {
          barcode: p.ean,
          sku: p.sku,
          title: p.name,
          categoryId: null,
          quantity: p.quantity,
          salePrice: p.price,
          listPrice: p.price,
        },
        hepsiburadaSku(p.productId),
      );
    }
  }

  recordBody(req: Req): unknown {
    return req.body._json !== undefined ? req.body._json : req.body;
  }

  handle(req: Req): Reply {
    const denied = this.#authenticate(req);
    if (denied) return denied;
    const path = req.url.pathname;
    if (path === '/product/api/categories/get-all-categories' && req.method === 'GET') return this.#categories(req);
    for (const [name, pattern] of Object.entries(ROUTES)) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (m[1] !== this.#credentials.merchantId) {
        return failure(
          403,
          `Forbidden: merchant ${m[1]} does not belong to this token; expected merchantid/${this.#credentials.merchantId}`,
        );
      }
      const id = m[2] ?? '';
      const route = `${req.method} ${name}`;
      switch (route) {
        case 'POST import':
          return this.#import(req);
        case 'GET importStatus':
          return this.#importStatus(id);
        case 'POST inventory':
          return this.#listingUpload(req, 'inventory');
        case 'POST price':
          return this.#listingUpload(req, 'price');
        case 'GET inventoryStatus':
          return this.#uploadStatus(id, 'inventory');
        case 'GET priceStatus':
          return this.#uploadStatus(id, 'price');
        case 'GET orders':
          return this.#ordersPage(req);
        default:
          return failure(405, `${req.method} is not supported on ${path}`);
      }
    }
    return failure(404, `no Hepsiburada API route ${req.method} ${path}`);
  }

  #authenticate(req: Req): Reply | null {
    const header = headerValue(req.headers, 'authorization');
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (token !== '' && sameSecret(token, this.#credentials.token)) return null;
    return json(
      {
        success: false,
        code: 401,
        message:
          header === ''
            ? 'Unauthorized: expected an Authorization: Bearer <token> header; found none'
            : 'Unauthorized: the bearer token is not valid',
        data: null,
      },
      401,
      { 'www-authenticate': 'Bearer realm="Hepsiburada Merchant API"' },
    );
  }

  #list(req: Req, max: number): Record<string, unknown>[] | Reply {
    if (req.body._malformed === true) return failure(400, 'expected a JSON array body; found malformed JSON');
    const list = req.body._json;
    if (!Array.isArray(list) || list.length === 0)
      return failure(400, `expected a JSON array of 1-${max} items; found ${found(list ?? req.body)}`.slice(0, 300));
    if (list.length > max) return failure(400, `at most ${max} items per request; found ${list.length}`);
    return list.map((it: unknown) => (isRecord(it) ? it : { _invalid: it }));
  }

  #import(req: Req): Reply {
    const list = this.#list(req, HEPSIBURADA_MAX_IMPORT);
    if (!Array.isArray(list)) return list;
    const items = list.map((entry): ImportItem => {
      const reasons: string[] = [];
      const attrs = isRecord(entry.attributes) ? entry.attributes : {};
      if (!isRecord(entry.attributes)) reasons.push(`attributes: expected an object; found ${found(entry.attributes)}`);
      if (entry.merchant !== this.#credentials.merchantId)
        reasons.push(`merchant: expected ${this.#credentials.merchantId}; found ${found(entry.merchant)}`);
      const merchantSku = requireText(attrs, 'merchantSku', reasons, 100);
      const barcode = requireText(attrs, 'Barcode', reasons, 40);
      const title = requireText(attrs, 'UrunAdi', reasons, 200);
      const price = requirePrice(attrs, 'price', reasons);
      const stock = requireQuantity(attrs, 'stock', reasons);
      if (
        reasons.length > 0 ||
        merchantSku === undefined ||
        barcode === undefined ||
        title === undefined ||
        price === undefined ||
        stock === undefined
      ) {
        return {
          merchantSku: merchantSku ?? null,
          barcode: barcode ?? null,
          status: 'FAILED',
          hbSku: null,
          validationResults: reasons.map((message) => ({ message })),
        };
      }
      const { product } = this.products.upsert(
        merchantSku,
        {
          barcode,
          sku: merchantSku,
          title,
          categoryId: optionalText(entry, 'categoryId'),
          quantity: stock,
          salePrice: price,
          listPrice: price,
        },
        () => {
          const seeded = seededProductBySku(merchantSku);
          return seeded ? hepsiburadaSku(seeded.productId) : `HBV9${String(this.#nextSku++).padStart(7, '0')}`;
        },
      );
      return { merchantSku, barcode, status: 'SUCCESS', hbSku: product.marketplaceProductId, validationResults: [] };
    });
    return json({ success: true, code: 0, message: null, data: { trackingId: this.#imports.create(items) } });
  }

  #importStatus(trackingId: string): Reply {
    const poll = this.#imports.poll(trackingId);
    if (!poll) return failure(404, `no import with trackingId ${trackingId}`);
    return json({
      success: true,
      code: 0,
      message: null,
      data: {
        trackingId,
        status: poll.done ? 'DONE' : 'PROCESSING',
        totalItemCount: poll.result.length,
        failedItemCount: poll.done ? poll.result.filter((i) => i.status === 'FAILED').length : 0,
        items: poll.done ? poll.result : [],
      },
    });
  }

  #listingUpload(req: Req, kind: 'inventory' | 'price'): Reply {
    const list = this.#list(req, HEPSIBURADA_MAX_LISTING_UPDATES);
    if (!Array.isArray(list)) return list;
    const errors: ListingUpload['errors'] = [];
    for (const entry of list) {
      const reasons: string[] = [];
      const merchantSku = requireText(entry, 'merchantSku', reasons, 100);
      const value =
        kind === 'inventory'
          ? requireQuantity(entry, 'availableStock', reasons)
          : requirePrice(entry, 'price', reasons);
      if (merchantSku !== undefined && !this.products.get(merchantSku))
        reasons.push(`merchantSku ${merchantSku}: expected a listing of this merchant; found none`);
      if (reasons.length > 0 || merchantSku === undefined || value === undefined) {
        errors.push({ merchantSku: merchantSku ?? null, message: reasons.join('; ') });
        continue;
      }
      if (kind === 'inventory') this.products.setStock(merchantSku, value);
      else this.products.setPrice(merchantSku, value, value);
    }
    return json({ id: this.#uploads.create({ kind, total: list.length, errors }) });
  }

  #uploadStatus(id: string, kind: 'inventory' | 'price'): Reply {
    const poll = this.#uploads.poll(id);
    if (!poll || poll.result.kind !== kind) return failure(404, `no ${kind} upload ${id}`);
    return json({
      id,
      status: poll.done ? 'Done' : 'InProgress',
      total: poll.result.total,
      errors: poll.done ? poll.result.errors : [],
    });
  }

  #ordersPage(req: Req): Reply {
    const offset = queryInt(req.query, 'offset', 0, 0, 1_000_000);
    const limit = queryInt(req.query, 'limit', 50, 1, HEPSIBURADA_MAX_PAGE);
    if (typeof offset === 'string') return failure(400, offset);
    if (typeof limit === 'string') return failure(400, limit);
    return json({
      totalCount: this.#orders.length,
      offset,
      limit,
      pageCount: Math.ceil(this.#orders.length / limit),
      items: this.#orders.slice(offset, offset + limit).map((o, i) => hepsiburadaOrder(o, offset + i)),
    });
  }

  #categories(req: Req): Reply {
    const page = queryInt(req.query, 'page', 0, 0, 100_000);
    const size = queryInt(req.query, 'size', 50, 1, 1000);
    if (typeof page === 'string') return failure(400, page);
    if (typeof size === 'string') return failure(400, size);
    const all = categoryTree('hepsiburada');
    const data = all.slice(page * size, page * size + size).map((c) => ({
      categoryId: c.id,
      name: c.name,
      parentCategoryId: c.parentId,
      leaf: c.parentId !== null,
      status: 'ACTIVE',
      available: true,
    }));
    const totalPages = Math.ceil(all.length / size);
    return json({
      success: true,
      code: 0,
      totalElements: all.length,
      totalPages,
      number: page,
      numberOfElements: data.length,
      first: page === 0,
      last: page >= totalPages - 1,
      data,
    });
  }
}
