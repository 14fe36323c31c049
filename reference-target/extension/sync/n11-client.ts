/**
 * N11 SOAP client: SOAP 1.1 envelopes with `<auth><appKey/><appSecret/></auth>` in the body.
 * ProductService (SaveProduct one product per call, UpdateStockByStockSellerCode for a list,
 * UpdateProductPriceBySellerCode per product), OrderService OrderList (paged),
 * CategoryService GetTopLevelCategories + GetSubCategories.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MarketplaceOrder } from '../../marketplaces/order-book.ts';
import type { MarketplaceHttp } from './http-client.ts';
import {
  MarketplaceRejectedError,
  PartialBatchError,
  type ItemOutcome,
  type MarketplaceCategory,
  type MarketplaceClient,
  type SyncProduct,
} from './types.ts';
import { num, obj, str, WireFormatError } from './wire.ts';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SCHEMA = 'http://www.n11.com/ws/schemas';
const ORDER_PAGE = 100;
const MAX_PAGES = 1000;
/** N11 order item status codes → the order book's statuses. */
const STATUS_FROM_N11 = { '2': 'Created', '5': 'Picking', '6': 'Shipped', '7': 'Delivered' } as const;
const LIST_ELEMENTS = new Set(['stockItem', 'order', 'item', 'category', 'subCategory', 'image']);

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LIST_ELEMENTS.has(name),
});

type Service = 'ProductService' | 'OrderService' | 'CategoryService';

export interface N11Credentials {
  appKey: string;
  appSecret: string;
}

function isN11Status(s: string): s is keyof typeof STATUS_FROM_N11 {
  return Object.hasOwn(STATUS_FROM_N11, s);
}

function text(node: unknown, ...path: string[]): string {
  let cur: unknown = node;
  for (const p of path)
    cur =
      cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>)[p] : undefined;
  return typeof cur === 'string' ? cur : '';
}

function listOf(node: unknown, container: string, element: string): Record<string, unknown>[] {
  const c = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[container] : undefined;
  const items = c !== null && typeof c === 'object' ? (c as Record<string, unknown>)[element] : undefined;
  return Array.isArray(items) ? items.map((x, i) => obj(x, `${element}[${i}]`)) : [];
}

/** `dd/MM/yyyy HH:mm:ss` in Turkey time (UTC+3) → ISO 8601 UTC. */
export function fromN11Date(value: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) throw new WireFormatError(`N11 createDate: expected dd/MM/yyyy HH:mm:ss; found ${JSON.stringify(value)}`);
  const [, d, mo, y, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h! - 3, mi!, s ?? 0)).toISOString();
}

export class N11Client implements MarketplaceClient {
  readonly title = 'N11';
  readonly #http: MarketplaceHttp;
  readonly #auth: N11Credentials;

  constructor(http: MarketplaceHttp, credentials: N11Credentials) {
    this.#http = http;
    this.#auth = credentials;
  }

  /** One SOAP call; answers the `<…Response>` element, or throws when N11 reports a failure. */
  async #call(
    service: Service,
    operation: string,
    content: Record<string, unknown>,
    idempotencyKey?: string,
  ): Promise<Record<string, unknown>> {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
      'soapenv:Envelope': {
        '@_xmlns:soapenv': SOAP_ENV,
        '@_xmlns:sch': SCHEMA,
        'soapenv:Header': '',
        'soapenv:Body': {
          [`sch:${operation}Request`]: {
            auth: { appKey: this.#auth.appKey, appSecret: this.#auth.appSecret },
            ...content,
          },
        },
      },
    })}`;
    const answer = await this.#http.send({
      method: 'POST',
      path: `/ws/${service}/`,
      body: xml,
      contentType: 'text/xml; charset=utf-8',
      headers: { soapaction: `"${SCHEMA}/${operation}"` },
      ...(idempotencyKey ? { idempotencyKey } : {}),
      isPermanent: (_status, body) => /<faultcode>[^<]*Client<\/faultcode>/.test(body),
    });
    const where = `N11 ${service} ${operation}`;
    if (XMLValidator.validate(answer.body) !== true)
      throw new WireFormatError(
        `${where}: expected a SOAP envelope; found ${JSON.stringify(answer.body.slice(0, 80))}`,
      );
    const doc: unknown = parser.parse(answer.body);
    const response = obj(
      obj(obj(obj(doc, 'SOAP answer').Envelope, 'Envelope').Body, 'Body')[`${operation}Response`],
      `${operation}Response`,
    );
    const status = text(response, 'result', 'status');
    if (status !== 'success') {
      const code = text(response, 'result', 'errorCode') || 'unknown';
      const message = text(response, 'result', 'errorMessage') || `result.status ${JSON.stringify(status)}`;
      throw new MarketplaceRejectedError(this.#http.redact(`${where} failed: ${code} — ${message}`), code);
    }
    return response;
  }

  async checkConnection(): Promise<string> {
    const r = await this.#call('CategoryService', 'GetTopLevelCategories', {});
    return `Connected to N11 (${listOf(r, 'categoryList', 'category').length} top-level categories visible).`;
  }

  pushProducts(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    return this.#onePerProduct(batch, idempotencyKey, async (p, key) => {
      const r = await this.#call(
        'ProductService',
        'SaveProduct',
        {
          product: {
            productSellerCode: p.sku,
            title: p.name,
            subtitle: p.model,
            description: p.description,
            category: { id: p.marketplaceCategoryId ?? '' },
            price: p.price.toFixed(2),
            currencyType: '1',
            images: '',
            approvalStatus: '1',
            preparingDay: '3',
            shipmentTemplate: 'Standart',
            stockItems: {
              stockItem: [
                {
                  barcode: p.ean,
                  quantity: String(p.quantity),
                  sellerStockCode: p.sku,
                  optionPrice: p.price.toFixed(2),
                },
              ],
            },
          },
        },
        key,
      );
      return text(r, 'product', 'id') || null;
    });
  }

  async pushStock(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    try {
      await this.#call(
        'ProductService',
        'UpdateStockByStockSellerCode',
        {
          stockItems: { stockItem: batch.map((p) => ({ sellerStockCode: p.sku, quantity: String(p.quantity) })) },
        },
        idempotencyKey,
      );
    } catch (err) {
      // N11 applies a stock list all or nothing: a refusal is every item's verdict
      if (err instanceof MarketplaceRejectedError)
        return batch.map((p) => ({
          productId: p.productId,
          ok: false,
          marketplaceProductId: null,
          error: err.message,
        }));
      throw err;
    }
    return batch.map((p) => ({ productId: p.productId, ok: true, marketplaceProductId: null, error: null }));
  }

  pushPrices(batch: SyncProduct[], idempotencyKey: string): Promise<ItemOutcome[]> {
    return this.#onePerProduct(batch, idempotencyKey, async (p, key) => {
      await this.#call(
        'ProductService',
        'UpdateProductPriceBySellerCode',
        { productSellerCode: p.sku, price: p.price.toFixed(2), currencyType: '1' },
        key,
      );
      return null;
    });
  }

  /** N11 takes these one product per call; a refusal is that item's verdict, a transport failure ends the batch. */
  async #onePerProduct(
    batch: SyncProduct[],
    idempotencyKey: string,
    send: (p: SyncProduct, key: string) => Promise<string | null>,
  ): Promise<ItemOutcome[]> {
    const done: ItemOutcome[] = [];
    for (const [i, p] of batch.entries()) {
      try {
        const id = await send(p, `${idempotencyKey}:${i}`);
        done.push({ productId: p.productId, ok: true, marketplaceProductId: id, error: null });
      } catch (err) {
        if (err instanceof MarketplaceRejectedError) {
          done.push({ productId: p.productId, ok: false, marketplaceProductId: null, error: err.message });
          continue;
        }
        throw new PartialBatchError(err instanceof Error ? err : new Error(String(err)), done);
      }
    }
    return done;
  }

  async fetchOrders(): Promise<MarketplaceOrder[]> {
    const out: MarketplaceOrder[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await this.#call('OrderService', 'OrderList', {
        searchData: '',
        pagingData: { currentPage: String(page), pageSize: String(ORDER_PAGE) },
      });
      for (const o of listOf(r, 'orderList', 'order')) out.push(toOrder(o));
      if (page + 1 >= num(text(r, 'pagingData', 'pageCount'), 'pagingData.pageCount')) return out;
    }
    throw new Error(`N11 orders: expected at most ${MAX_PAGES} pages; found more`);
  }

  async fetchCategories(): Promise<MarketplaceCategory[]> {
    const top = listOf(await this.#call('CategoryService', 'GetTopLevelCategories', {}), 'categoryList', 'category');
    const out: MarketplaceCategory[] = [];
    for (const c of top) {
      const id = str(c.id, 'category id');
      out.push({ id, name: str(c.name, 'category name'), parent_id: null });
      const detail = await this.#call('CategoryService', 'GetSubCategories', { categoryId: id });
      const parent = Array.isArray(detail.category) ? detail.category[0] : undefined;
      for (const s of listOf(parent, 'subCategoryList', 'subCategory'))
        out.push({ id: str(s.id, 'subCategory id'), name: str(s.name, 'subCategory name'), parent_id: id });
    }
    return out;
  }
}

function toOrder(o: Record<string, unknown>): MarketplaceOrder {
  const orderNumber = text(o, 'orderNumber');
  const status = text(o, 'status');
  if (!isN11Status(status))
    throw new WireFormatError(
      `N11 order ${orderNumber}: expected status ${Object.keys(STATUS_FROM_N11).join('|')}; found ${JSON.stringify(status)}`,
    );
  const fullName = text(o, 'buyer', 'fullName');
  const space = fullName.indexOf(' ');
  return {
    marketplace: 'n11',
    orderNumber,
    createdAt: fromN11Date(text(o, 'createDate')),
    status: STATUS_FROM_N11[status],
    customer: {
      firstName: space < 0 ? fullName : fullName.slice(0, space),
      lastName: space < 0 ? '' : fullName.slice(space + 1),
      email: text(o, 'buyer', 'email'),
      phone: text(o, 'shippingAddress', 'gsm'),
    },
    lines: listOf(o, 'itemList', 'item').map((l) => ({
      productId: 0,
      sku: text(l, 'productSellerCode'),
      ean: '',
      name: text(l, 'productName'),
      quantity: num(text(l, 'quantity'), 'quantity'),
      price: num(text(l, 'price'), 'price'),
    })),
    total: num(text(o, 'totalAmount'), 'totalAmount'),
  };
}
