/**
 * N11 SOAP API simulator: SOAP 1.1 over POST, `<auth><appKey/><appSecret/></auth>` in every request.
 *   /ws/ProductService/   SaveProduct, UpdateStockByStockSellerCode, UpdateProductPriceBySellerCode
 *   /ws/OrderService/     OrderList (paged with pagingData)
 *   /ws/CategoryService/  GetTopLevelCategories, GetSubCategories
 * Business errors (wrong auth, invalid product) answer HTTP 200 with `result.status = failure`;
 * malformed XML and unknown operations answer a SOAP Fault with HTTP 500. Listings are keyed
 * by productSellerCode.
 */
import { reply, type Reply, type Req } from '../http/types.ts';
import type { TargetConfig } from '../config.ts';
import { categoryTree } from './category-tree.ts';
import { listedSeedProducts, n11ProductId, seededProductBySku } from './listed-catalog.ts';
import type { MarketplaceOrder } from './order-book.ts';
import { ProductStore } from './product-store.ts';
import type { MarketplaceApi } from './simulator-host.ts';
import {
  list,
  parseSoapRequest,
  parseXmlLoose,
  soapFailure,
  soapFault,
  soapSuccess,
  text,
  type SoapCall,
} from './n11-soap.ts';
import { isRecord, round2, sameSecret } from './sim-input.ts';

export const N11_MAX_PAGE_SIZE = 100;
export const N11_MAX_STOCK_ITEMS = 100;
/** N11 order item status codes for the order book's statuses. */
export const N11_STATUS = { Created: '2', Picking: '5', Shipped: '6', Delivered: '7' } as const;

type Credentials = TargetConfig['marketplaceCredentials']['n11'];

const SERVICES: Record<string, readonly string[]> = {
  ProductService: ['SaveProduct', 'UpdateStockByStockSellerCode', 'UpdateProductPriceBySellerCode'],
  OrderService: ['OrderList'],
  CategoryService: ['GetTopLevelCategories', 'GetSubCategories'],
};

const INTEGER = /^\d{1,7}$/;
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

/** N11 dates: `dd/MM/yyyy HH:mm:ss` in Turkey time (UTC+3, no daylight saving). */
export function n11Date(iso: string): string {
  const d = new Date(Date.parse(iso) + 3 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function n11Order(o: MarketplaceOrder, index: number): Record<string, unknown> {
  const fullName = `${o.customer.firstName} ${o.customer.lastName}`;
  return {
    id: String(410_000_000 + index),
    orderNumber: o.orderNumber,
    createDate: n11Date(o.createdAt),
    status: N11_STATUS[o.status],
    totalAmount: o.total.toFixed(2),
    buyer: { fullName, email: o.customer.email },
    shippingAddress: { fullName, gsm: o.customer.phone },
    itemList: {
      item: o.lines.map((l) => ({
        productSellerCode: l.sku,
        productName: l.name,
        quantity: String(l.quantity),
        price: l.price.toFixed(2),
        sellerInvoiceAmount: round2(l.quantity * l.price).toFixed(2),
      })),
    },
  };
}

export class N11Api implements MarketplaceApi {
  readonly marketplace = 'n11' as const;
  readonly products = new ProductStore();
  readonly #credentials: Credentials;
  readonly #orders: MarketplaceOrder[];
  #nextId = 1;

  constructor(credentials: Credentials, orders: MarketplaceOrder[]) {
    this.#credentials = credentials;
    this.#orders = orders;
    this.reset();
  }

  reset(): void {
    this.products.clear();
    this.#nextId = 1;
    for (const p of listedSeedProducts('n11')) {
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
        n11ProductId(p.productId),
      );
    }
  }

  /** The parsed envelope, with the app key and secret masked. */
  recordBody(req: Req): unknown {
    const doc = parseXmlLoose(req.rawBody.toString('utf8'));
    const envelope = isRecord(doc) ? doc.Envelope : undefined;
    const body = isRecord(envelope) ? envelope.Body : undefined;
    if (isRecord(body)) {
      for (const op of Object.values(body)) {
        if (isRecord(op) && isRecord(op.auth)) op.auth = { appKey: '****', appSecret: '****' };
      }
    }
    return doc;
  }

  handle(req: Req): Reply {
    const service = /^\/ws\/([A-Za-z]+)\/?$/.exec(req.url.pathname)?.[1];
    const operations = service === undefined ? undefined : SERVICES[service];
    if (!service || !operations) {
      return soapFault(
        'SOAP-ENV:Client',
        `no N11 service at ${req.url.pathname}; expected /ws/ProductService/, /ws/OrderService/ or /ws/CategoryService/`,
      );
    }
    if (req.method !== 'POST')
      return reply(405, `expected POST with a SOAP envelope; found ${req.method}`, {
        'content-type': 'text/plain; charset=utf-8',
        allow: 'POST',
      });
    const call = parseSoapRequest(req.rawBody.toString('utf8'));
    if ('fault' in call) return soapFault('SOAP-ENV:Client', call.fault);
    if (!operations.includes(call.operation)) {
      return soapFault(
        'SOAP-ENV:Client',
        `unknown operation ${call.operation} on ${service}; expected one of ${operations.join(', ')}`,
      );
    }
    if (!this.#authenticated(call)) {
      return soapFailure(
        call.operation,
        'SELLER_API.authenticationFailed',
        'Authentication failed: expected the appKey and appSecret of a seller in <auth>; found credentials that match none',
      );
    }
    switch (call.operation) {
      case 'SaveProduct':
        return this.#saveProduct(call);
      case 'UpdateStockByStockSellerCode':
        return this.#updateStock(call);
      case 'UpdateProductPriceBySellerCode':
        return this.#updatePrice(call);
      case 'OrderList':
        return this.#orderList(call);
      case 'GetTopLevelCategories':
        return this.#topLevelCategories(call);
      default:
        return this.#subCategories(call);
    }
  }

  #authenticated(call: SoapCall): boolean {
    const key = text(call.request, 'auth', 'appKey'),
      secret = text(call.request, 'auth', 'appSecret');
    return (
      key !== '' &&
      secret !== '' &&
      sameSecret(key, this.#credentials.appKey) &&
      sameSecret(secret, this.#credentials.appSecret)
    );
  }

  #saveProduct(call: SoapCall): Reply {
    const product = call.request.product;
    const reasons: string[] = [];
    const code = text(product, 'productSellerCode');
    const title = text(product, 'title');
    const price = text(product, 'price');
    const stockItems = list(product, 'stockItems', 'stockItem');
    if (code === '') reasons.push('productSellerCode: expected a non-empty seller code; found none');
    if (title === '' || title.length > 200) reasons.push(`title: expected 1-200 characters; found ${title.length}`);
    if (!AMOUNT.test(price) || Number(price) <= 0)
      reasons.push(`price: expected an amount above 0 like 199.90; found ${JSON.stringify(price)}`);
    if (stockItems.length === 0) reasons.push('stockItems: expected at least one <stockItem>; found none');
    const quantity = text(stockItems[0], 'quantity');
    if (stockItems.length > 0 && !INTEGER.test(quantity))
      reasons.push(`stockItem.quantity: expected a whole number; found ${JSON.stringify(quantity)}`);
    if (reasons.length > 0) return soapFailure('SaveProduct', 'SELLER_API.invalidProduct', reasons.join('; '));

    const { product: listed } = this.products.upsert(
      code,
      {
        barcode: text(stockItems[0], 'barcode'),
        sku: code,
        title,
        categoryId: text(product, 'category', 'id') || null,
        quantity: Number(quantity),
        salePrice: Number(price),
        listPrice: Number(price),
      },
      () => {
        const seeded = seededProductBySku(code);
        return seeded ? n11ProductId(seeded.productId) : String(990_000 + this.#nextId++);
      },
    );
    return soapSuccess('SaveProduct', {
      product: {
        id: listed.marketplaceProductId,
        productSellerCode: code,
        title,
        price: listed.salePrice.toFixed(2),
        approvalStatus: '1',
      },
    });
  }

  #updateStock(call: SoapCall): Reply {
    const items = list(call.request, 'stockItems', 'stockItem');
    if (items.length === 0 || items.length > N11_MAX_STOCK_ITEMS) {
      return soapFailure(
        'UpdateStockByStockSellerCode',
        'SELLER_API.invalidStockItems',
        `stockItems: expected 1-${N11_MAX_STOCK_ITEMS} <stockItem>; found ${items.length}`,
      );
    }
    const problems: string[] = [];
    for (const it of items) {
      const code = text(it, 'sellerStockCode'),
        quantity = text(it, 'quantity');
      if (!this.products.get(code))
        problems.push(`sellerStockCode ${JSON.stringify(code)}: expected a listed stock code; found none`);
      else if (!INTEGER.test(quantity))
        problems.push(`quantity of ${code}: expected a whole number; found ${JSON.stringify(quantity)}`);
    }
    // N11 applies a stock update all or nothing
    if (problems.length > 0)
      return soapFailure('UpdateStockByStockSellerCode', 'SELLER_API.stockItemNotFound', problems.join('; '));
    for (const it of items) this.products.setStock(text(it, 'sellerStockCode'), Number(text(it, 'quantity')));
    return soapSuccess('UpdateStockByStockSellerCode');
  }

  #updatePrice(call: SoapCall): Reply {
    const code = text(call.request, 'productSellerCode'),
      price = text(call.request, 'price');
    if (!this.products.get(code)) {
      return soapFailure(
        'UpdateProductPriceBySellerCode',
        'SELLER_API.productNotFound',
        `productSellerCode ${JSON.stringify(code)}: expected a listed product; found none`,
      );
    }
    if (!AMOUNT.test(price) || Number(price) <= 0) {
      return soapFailure(
        'UpdateProductPriceBySellerCode',
        'SELLER_API.invalidPrice',
        `price: expected an amount above 0 like 199.90; found ${JSON.stringify(price)}`,
      );
    }
    this.products.setPrice(code, Number(price), Number(price));
    const listed = this.products.get(code);
    return soapSuccess('UpdateProductPriceBySellerCode', {
      product: { id: listed?.marketplaceProductId ?? '', productSellerCode: code, price: Number(price).toFixed(2) },
    });
  }

  #orderList(call: SoapCall): Reply {
    const pageText = text(call.request, 'pagingData', 'currentPage') || '0';
    const sizeText = text(call.request, 'pagingData', 'pageSize') || '50';
    const page = Number(pageText),
      size = Number(sizeText);
    if (!INTEGER.test(pageText) || !INTEGER.test(sizeText) || size < 1 || size > N11_MAX_PAGE_SIZE) {
      return soapFailure(
        'OrderList',
        'SELLER_API.invalidPagingData',
        `pagingData: expected currentPage ≥ 0 and pageSize 1-${N11_MAX_PAGE_SIZE}; found currentPage ${JSON.stringify(pageText)}, pageSize ${JSON.stringify(sizeText)}`,
      );
    }
    const orders = this.#orders.slice(page * size, page * size + size).map((o, i) => n11Order(o, page * size + i));
    return soapSuccess('OrderList', {
      pagingData: {
        currentPage: String(page),
        pageSize: String(size),
        totalCount: String(this.#orders.length),
        pageCount: String(Math.ceil(this.#orders.length / size)),
      },
      orderList: { order: orders },
    });
  }

  #topLevelCategories(_call: SoapCall): Reply {
    const top = categoryTree('n11').filter((c) => c.parentId === null);
    return soapSuccess('GetTopLevelCategories', {
      categoryList: { category: top.map((c) => ({ id: String(c.id), name: c.name })) },
    });
  }

  #subCategories(call: SoapCall): Reply {
    const id = text(call.request, 'categoryId');
    const tree = categoryTree('n11');
    const parent = tree.find((c) => String(c.id) === id);
    if (!parent)
      return soapFailure(
        'GetSubCategories',
        'SELLER_API.categoryNotFound',
        `categoryId: expected an N11 category id; found ${JSON.stringify(id)}`,
      );
    const subs = tree.filter((c) => c.parentId === parent.id);
    return soapSuccess('GetSubCategories', {
      category: [
        {
          id: String(parent.id),
          name: parent.name,
          subCategoryList: subs.length ? { subCategory: subs.map((c) => ({ id: String(c.id), name: c.name })) } : '',
        },
      ],
    });
  }
}
