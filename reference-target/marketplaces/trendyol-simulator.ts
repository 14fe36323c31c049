/**
 * Trendyol seller API simulator: REST, HTTP Basic (API key:secret), supplier id in the path.
 *   POST /suppliers/{id}/v2/products                      create/update ≤ 50 items → {batchRequestId}
 *   GET  /suppliers/{id}/products/batch-requests/{batch}  IN_PROGRESS on the first poll, then COMPLETED with item results
 *   POST /suppliers/{id}/products/price-and-inventory     {items:[{barcode, quantity?, salePrice?, listPrice?}]} → {batchRequestId}
 *   GET  /suppliers/{id}/orders?page&size                 Trendyol paging: content, totalElements, totalPages, page, size
 *   GET  /product-categories                              category tree
 * Listings are keyed by barcode.
 */
import { json, type Reply, type Req } from '../http/types.ts';
import type { TargetConfig } from '../config.ts';
import { AsyncTasks } from './async-tasks.ts';
import { categoryTree, type SimCategory } from './category-tree.ts';
import { listedSeedProducts } from './listed-catalog.ts';
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

export const TRENDYOL_MAX_BATCH = 50;
export const TRENDYOL_MAX_PRICE_INVENTORY_ITEMS = 1000;
export const TRENDYOL_MAX_PAGE_SIZE = 200;

type Credentials = TargetConfig['marketplaceCredentials']['trendyol'];

interface ItemResult {
  requestItem: Record<string, unknown>;
  status: 'SUCCESS' | 'FAILED';
  failureReasons: string[];
}
interface BatchResult {
  type: 'ProductV2OnBoarding' | 'ProductInventoryUpdate';
  items: ItemResult[];
}

const ROUTES = {
  products: /^\/suppliers\/([^/]+)\/v2\/products$/,
  batch: /^\/suppliers\/([^/]+)\/products\/batch-requests\/([^/]+)$/,
  priceInventory: /^\/suppliers\/([^/]+)\/products\/price-and-inventory$/,
  orders: /^\/suppliers\/([^/]+)\/orders$/,
};

const error = (status: number, key: string, message: string): Reply => json({ errors: [{ key, message }] }, status);

interface CategoryNode {
  id: number;
  name: string;
  parentId?: number;
  subCategories: CategoryNode[];
}

function nest(flat: SimCategory[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const c of flat) {
    const node: CategoryNode = {
      id: c.id,
      name: c.name,
      ...(c.parentId !== null ? { parentId: c.parentId } : {}),
      subCategories: [],
    };
    nodes.set(c.id, node);
    if (c.parentId === null) roots.push(node);
    else nodes.get(c.parentId)?.subCategories.push(node);
  }
  return roots;
}

/** An order as Trendyol's getShipmentPackages answers it. */
export function trendyolOrder(o: MarketplaceOrder, index: number): Record<string, unknown> {
  return {
    id: 3_000_000 + index,
    shipmentPackageId: 3_000_000 + index,
    orderNumber: o.orderNumber,
    orderDate: Date.parse(o.createdAt),
    status: o.status,
    customerFirstName: o.customer.firstName,
    customerLastName: o.customer.lastName,
    customerEmail: o.customer.email,
    invoiceAddress: { firstName: o.customer.firstName, lastName: o.customer.lastName, phone: o.customer.phone },
    currencyCode: 'TRY',
    grossAmount: o.total,
    totalPrice: o.total,
    lines: o.lines.map((l) => ({
      productName: l.name,
      merchantSku: l.sku,
      barcode: l.ean,
      quantity: l.quantity,
      price: l.price,
      amount: round2(l.quantity * l.price),
    })),
  };
}

export class TrendyolApi implements MarketplaceApi {
  readonly marketplace = 'trendyol' as const;
  readonly products = new ProductStore();
  readonly #credentials: Credentials;
  readonly #orders: MarketplaceOrder[];
  readonly #batches = new AsyncTasks<BatchResult>('7e000001');

  constructor(credentials: Credentials, orders: MarketplaceOrder[]) {
    this.#credentials = credentials;
    this.#orders = orders;
    this.reset();
  }

  reset(): void {
    this.products.clear();
    this.#batches.clear();
    for (const p of listedSeedProducts('trendyol')) {
      this.products.seed(
        p.ean,
        {
          barcode: p.ean,
          sku: p.sku,
          title: p.name,
          categoryId: String(400 + p.categoryId),
          quantity: p.quantity,
          salePrice: p.price,
          listPrice: p.price,
        },
        p.ean,
      );
    }
  }

  recordBody(req: Req): unknown {
    return req.body;
  }

  handle(req: Req): Reply {
    const denied = this.#authenticate(req);
    if (denied) return denied;
    const path = req.url.pathname;
    if (path === '/product-categories' && req.method === 'GET')
      return json({ categories: nest(categoryTree('trendyol')) });

    for (const [name, pattern] of Object.entries(ROUTES)) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (m[1] !== this.#credentials.supplierId) {
        return error(
          403,
          'ClientApiAuthorizationException',
          `supplier ${m[1]} is not the supplier of these credentials; expected /suppliers/${this.#credentials.supplierId}/…`,
        );
      }
      if (name === 'products' && req.method === 'POST') return this.#createProducts(req);
      if (name === 'batch' && req.method === 'GET') return this.#batchStatus(m[2] ?? '');
      if (name === 'priceInventory' && req.method === 'POST') return this.#priceAndInventory(req);
      if (name === 'orders' && req.method === 'GET') return this.#ordersPage(req);
      return error(405, 'MethodNotAllowed', `${req.method} is not supported on ${path}`);
    }
    return error(404, 'NotFound', `no Trendyol API route ${req.method} ${path}`);
  }

  #authenticate(req: Req): Reply | null {
    const header = headerValue(req.headers, 'authorization');
    const expected = `${this.#credentials.apiKey}:${this.#credentials.apiSecret}`;
    const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    if (given !== '' && sameSecret(given, expected)) return null;
    return json(
      {
        errors: [
          {
            key: 'ClientApiAuthenticationException',
            message:
              header === ''
                ? 'Unauthorized: expected an Authorization: Basic header with the supplier API key and secret; found none'
                : 'Unauthorized: the API key and secret do not match a supplier',
          },
        ],
      },
      401,
      { 'www-authenticate': 'Basic realm="Trendyol Seller API"' },
    );
  }

  #items(req: Req, max: number): Record<string, unknown>[] | Reply {
    if (req.body._malformed === true)
      return error(400, 'InvalidRequest', 'expected a JSON body {"items": [...]}; found malformed JSON');
    const items = req.body.items;
    if (!Array.isArray(items) || items.length === 0) {
      return error(
        400,
        'InvalidRequest',
        `expected {"items": [...]} with 1-${max} items; found items = ${found(items)}`.slice(0, 300),
      );
    }
    if (items.length > max)
      return error(400, 'BatchTooLarge', `a batch takes at most ${max} items; found ${items.length}`);
    return items.map((it: unknown) => (isRecord(it) ? it : { _invalid: it }));
  }

  #createProducts(req: Req): Reply {
    const items = this.#items(req, TRENDYOL_MAX_BATCH);
    if (!Array.isArray(items)) return items;
    const results = items.map((item): ItemResult => {
      const reasons: string[] = [];
      const barcode = requireText(item, 'barcode', reasons, 40);
      const title = requireText(item, 'title', reasons, 200);
      const quantity = requireQuantity(item, 'quantity', reasons);
      const salePrice = requirePrice(item, 'salePrice', reasons);
      const listPrice = requirePrice(item, 'listPrice', reasons);
      if (salePrice !== undefined && listPrice !== undefined && salePrice > listPrice) {
        reasons.push(`salePrice: expected at most listPrice ${listPrice}; found ${salePrice}`);
      }
      if (
        reasons.length > 0 ||
        barcode === undefined ||
        title === undefined ||
        quantity === undefined ||
        salePrice === undefined ||
        listPrice === undefined
      ) {
        return { requestItem: item, status: 'FAILED', failureReasons: reasons };
      }
      this.products.upsert(
        barcode,
        {
          barcode,
          sku: optionalText(item, 'stockCode') ?? '',
          title,
          categoryId: optionalText(item, 'categoryId'),
          quantity,
          salePrice,
          listPrice,
        },
        () => barcode,
      );
      return { requestItem: item, status: 'SUCCESS', failureReasons: [] };
    });
    return json({ batchRequestId: this.#batches.create({ type: 'ProductV2OnBoarding', items: results }) });
  }

  #priceAndInventory(req: Req): Reply {
    const items = this.#items(req, TRENDYOL_MAX_PRICE_INVENTORY_ITEMS);
    if (!Array.isArray(items)) return items;
    const results = items.map((item): ItemResult => {
      const reasons: string[] = [];
      const barcode = requireText(item, 'barcode', reasons, 40);
      const has = (f: string) => item[f] !== undefined;
      if (!has('quantity') && !has('salePrice') && !has('listPrice'))
        reasons.push('expected quantity, salePrice or listPrice; found none of them');
      const quantity = has('quantity') ? requireQuantity(item, 'quantity', reasons) : undefined;
      const salePrice = has('salePrice') ? requirePrice(item, 'salePrice', reasons) : undefined;
      const listPrice = has('listPrice') ? requirePrice(item, 'listPrice', reasons) : undefined;
      const listed = barcode === undefined ? undefined : this.products.get(barcode);
      if (barcode !== undefined && !listed)
        reasons.push(`barcode ${barcode}: expected a product listed by this supplier; found none`);
      if (reasons.length > 0 || !listed || barcode === undefined)
        return { requestItem: item, status: 'FAILED', failureReasons: reasons };
      if (quantity !== undefined) this.products.setStock(barcode, quantity);
      if (salePrice !== undefined || listPrice !== undefined) {
        this.products.setPrice(
          barcode,
          salePrice ?? listed.salePrice,
          listPrice ?? Math.max(listed.listPrice, salePrice ?? 0),
        );
      }
      return { requestItem: item, status: 'SUCCESS', failureReasons: [] };
    });
    return json({ batchRequestId: this.#batches.create({ type: 'ProductInventoryUpdate', items: results }) });
  }

  #batchStatus(id: string): Reply {
    const poll = this.#batches.poll(id);
    if (!poll) return error(404, 'BatchRequestNotFound', `no batch request ${id} for this supplier`);
    const failed = poll.result.items.filter((i) => i.status === 'FAILED').length;
    return json({
      batchRequestId: id,
      batchRequestType: poll.result.type,
      status: poll.done ? 'COMPLETED' : 'IN_PROGRESS',
      itemCount: poll.result.items.length,
      failedItemCount: poll.done ? failed : 0,
      items: poll.done ? poll.result.items : [],
    });
  }

  #ordersPage(req: Req): Reply {
    const page = queryInt(req.query, 'page', 0, 0, 100_000);
    const size = queryInt(req.query, 'size', 50, 1, TRENDYOL_MAX_PAGE_SIZE);
    if (typeof page === 'string') return error(400, 'InvalidRequest', page);
    if (typeof size === 'string') return error(400, 'InvalidRequest', size);
    const content = this.#orders
      .slice(page * size, page * size + size)
      .map((o, i) => trendyolOrder(o, page * size + i));
    return json({
      page,
      size,
      totalElements: this.#orders.length,
      totalPages: Math.ceil(this.#orders.length / size),
      content,
    });
  }
}
