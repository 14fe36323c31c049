/**
 * Deterministic seed: the store as the QA suites expect it after every reset.
 * ≥ 500 products, 120 imported marketplace orders, 15 days of sync history, webhook deliveries,
 * an administrator, a "Marketplace Viewer" (access, no modify), a user without extension access,
 * and a throwaway user for negative-login tests.
 */
import type { Database } from './database.ts';
import { seedCategories, seedProducts, type SeedProduct } from './catalog.ts';
import { seededRandom } from './random.ts';
import { orderBook, IMPORTED_PER_MARKETPLACE } from '../marketplaces/order-book.ts';
import { LISTED_UP_TO } from '../marketplaces/listed-catalog.ts';
import { INSTALLED_MODULES, MARKETPLACES, MODULES, moduleRoute, type Marketplace } from '../extension/modules.ts';
import { encryptSecret } from '../extension/credentials.ts';

export interface SeedUser {
  username: string;
  passwordHash: string;
  group: 'admin' | 'viewer' | 'noaccess';
}
export interface SeedInput {
  today: Date;
  users: SeedUser[];
  apiKey: string;
  encryptionKey: Buffer;
  marketplaceSettings: Record<Marketplace, Record<string, string>>; // plain values; secret ones get encrypted
  secretKeys: Record<Marketplace, string[]>;
}

export const GROUP_IDS = { admin: 1, viewer: 10, noaccess: 11 } as const;
export const XSS_WEBHOOK_NOTE = '<img src=x onerror="window.__xss=1"><b>VIP müşteri</b>';

const CORE_ROUTES = [
  'catalog/product',
  'catalog/category',
  'sale/order',
  'user/user',
  'user/user_permission',
  'marketplace/extension',
  'extension/extension',
  'setting/setting',
];
const EXT_ROUTES = INSTALLED_MODULES.map((m) => moduleRoute(m.code));

/** 'YYYY-MM-DD HH:MM:SS' in UTC, OpenCart's DATETIME text. */
export function sqlDate(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function seedDatabase(db: Database, input: SeedInput): void {
  const now = sqlDate(new Date());
  const day0 = Date.UTC(input.today.getUTCFullYear(), input.today.getUTCMonth(), input.today.getUTCDate());
  const rnd = seededRandom(7);

  // --- users, groups, API --------------------------------------------------------------------
  const groups: [number, string, string[], string[]][] = [
    [GROUP_IDS.admin, 'Administrator', [...CORE_ROUTES, ...EXT_ROUTES], [...CORE_ROUTES, ...EXT_ROUTES]],
    [GROUP_IDS.viewer, 'Marketplace Viewer', ['marketplace/extension', 'extension/extension', ...EXT_ROUTES], []],
    [
      GROUP_IDS.noaccess,
      'Catalog Editor (no extension access)',
      ['catalog/product', 'marketplace/extension', 'extension/extension'],
      ['catalog/product'],
    ],
  ];
  for (const [id, name, access, modify] of groups) {
    db.run('INSERT INTO oc_user_group (user_group_id, name, permission) VALUES ($id, $name, $perm)', {
      id,
      name,
      perm: JSON.stringify({ access, modify }),
    });
  }
  input.users.forEach((u, i) => {
    db.run(
      `INSERT INTO oc_user (user_id, user_group_id, username, password, firstname, lastname, email, status, date_added)
            VALUES ($id, $g, $u, $p, $f, 'QA', $e, 1, $d)`,
      {
        id: i + 1,
        g: GROUP_IDS[u.group],
        u: u.username,
        p: u.passwordHash,
        f: u.username,
        e: `${u.username}@example.invalid`,
        d: now,
      },
    );
  });
  db.run(
    `INSERT INTO oc_api (api_id, username, key, status, date_added, date_modified) VALUES (1, 'Default', $k, 1, $d, $d)`,
    { k: input.apiKey, d: now },
  );
  db.run(`INSERT INTO oc_api_ip (api_id, ip) VALUES (1, '127.0.0.1')`);

  // --- settings and extensions ------------------------------------------------------------------
  const setting = (code: string, key: string, value: string) =>
    db.run('INSERT INTO oc_setting (store_id, code, key, value) VALUES (0, $c, $k, $v)', { c: code, k: key, v: value });
  setting('config', 'config_login_attempts', '5');
  setting('config', 'config_name', 'MesChain Demo Mağaza');
  setting('module_meschain_sync', 'module_meschain_sync_status', '1');
  setting('module_meschain_sync', 'module_meschain_sync_debug', '0');
  setting('module_meschain_sync', 'module_meschain_sync_interval', '15');
  for (const mp of MARKETPLACES) {
    setting(`module_${mp}`, `module_${mp}_status`, '1');
    for (const [k, v] of Object.entries(input.marketplaceSettings[mp])) {
      const stored = input.secretKeys[mp].includes(k) ? encryptSecret(v, input.encryptionKey) : v;
      setting(`module_${mp}`, `module_${mp}_${k}`, stored);
    }
  }
  for (const m of MODULES.filter((x) => x.installed)) {
    db.run(`INSERT INTO oc_extension (type, code) VALUES ('module', $c)`, { c: m.code });
  }

  // --- catalogue ---------------------------------------------------------------------------------
  for (const c of seedCategories()) {
    db.run('INSERT INTO oc_category (category_id, parent_id, status) VALUES ($id, 0, 1)', { id: c.categoryId });
    db.run('INSERT INTO oc_category_description (category_id, language_id, name) VALUES ($id, 1, $n)', {
      id: c.categoryId,
      n: c.name,
    });
  }
  const products = seedProducts();
  for (const p of products) {
    db.run(
      `INSERT INTO oc_product (product_id, model, sku, ean, quantity, price, status, date_added, date_modified)
            VALUES ($id, $model, $sku, $ean, $q, $price, 1, $d, $d)`,
      { id: p.productId, model: p.model, sku: p.sku, ean: p.ean, q: p.quantity, price: p.price, d: now },
    );
    db.run(
      'INSERT INTO oc_product_description (product_id, language_id, name, description) VALUES ($id, 1, $n, $desc)',
      { id: p.productId, n: p.name, desc: `${p.name} — MesChain demo ürünü.` },
    );
    db.run('INSERT INTO oc_product_to_category (product_id, category_id) VALUES ($id, $c)', {
      id: p.productId,
      c: p.categoryId,
    });
  }

  // --- product mappings: Trendyol 1-300, Hepsiburada 1-220, N11 1-150 -----------------------------
  for (const mp of MARKETPLACES) {
    for (const p of products.slice(0, LISTED_UP_TO[mp])) {
      const r = rnd.next();
      const status = r < 0.03 ? 'error' : r < 0.05 ? 'pending' : 'success';
      const synced = new Date(day0 - rnd.int(1, 14) * 86_400_000 + rnd.int(0, 86_399) * 1000);
      db.run(
        `INSERT INTO meschain_product_mapping (product_id, marketplace, marketplace_product_id, marketplace_sku, last_sync, sync_status, error_message)
              VALUES ($pid, $mp, $mpid, $sku, $ls, $st, $err)`,
        {
          pid: p.productId,
          mp,
          mpid: status === 'pending' ? null : marketplaceProductId(mp, p),
          sku: p.sku,
          ls: status === 'pending' ? null : sqlDate(synced),
          st: status,
          err: status === 'error' ? 'Kategori eşleşmesi eksik (category attribute missing)' : null,
        },
      );
    }
  }

  // --- category mappings: Trendyol the first 10 categories, Hepsiburada 6, N11 4 -----------------
  const mappedCategories: Record<Marketplace, number> = { trendyol: 10, hepsiburada: 6, n11: 4 };
  for (const mp of MARKETPLACES) {
    for (const c of seedCategories().slice(0, mappedCategories[mp])) {
      db.run(
        `INSERT INTO meschain_category_mapping (opencart_category_id, marketplace, marketplace_category_id, marketplace_category_name, date_modified)
              VALUES ($c, $mp, $mc, $mn, $d)`,
        {
          c: c.categoryId,
          mp,
          mc: `${mp.slice(0, 2).toUpperCase()}-${400 + c.categoryId}`,
          mn: `${c.name} (${mp})`,
          d: now,
        },
      );
    }
  }

  // --- imported orders ---------------------------------------------------------------------------
  db.run(
    `INSERT INTO oc_order_status (order_status_id, language_id, name) VALUES (1, 1, 'Pending'), (2, 1, 'Processing'), (3, 1, 'Shipped'), (5, 1, 'Complete')`,
  );
  let orderId = 1000;
  for (const mp of MARKETPLACES) {
    for (const o of orderBook(mp, products, input.today).slice(0, IMPORTED_PER_MARKETPLACE)) {
      orderId++;
      insertImportedOrder(
        db,
        orderId,
        o.marketplace,
        o.orderNumber,
        o.customer,
        o.lines,
        o.total,
        sqlDate(new Date(o.createdAt)),
      );
    }
  }

  // --- sync history: 15 whole days before today ---------------------------------------------------
  const operations = ['product_sync', 'stock_update', 'price_update', 'order_import'];
  const perDay: Record<Marketplace, [number, number]> = { trendyol: [14, 24], hepsiburada: [8, 16], n11: [4, 10] };
  for (let daysAgo = 15; daysAgo >= 1; daysAgo--) {
    for (const mp of MARKETPLACES) {
      const n = rnd.int(...perDay[mp]);
      for (let k = 0; k < n; k++) {
        const r = rnd.next();
        const status = r < 0.07 ? 'error' : r < 0.1 ? 'warning' : 'success';
        const op = rnd.pick(operations);
        const items = rnd.int(1, 50);
        db.run(
          `INSERT INTO meschain_sync_log (marketplace, operation, status, message, items, duration_ms, created_at)
                VALUES ($mp, $op, $st, $msg, $items, $dur, $at)`,
          {
            mp,
            op,
            st: status,
            items,
            dur: rnd.int(80, 2400),
            msg:
              status === 'success'
                ? `${items} kayıt senkronize edildi`
                : status === 'warning'
                  ? 'Kısmi başarı: bazı kayıtlar atlandı'
                  : 'Marketplace API hatası: 503 Service Unavailable',
            at: sqlDate(new Date(day0 - daysAgo * 86_400_000 + rnd.int(0, 86_399) * 1000)),
          },
        );
      }
    }
  }

  // --- webhook deliveries: realistic, replayable payloads --------------------------------------------
  const trendyolOrders = orderBook('trendyol', products, input.today).slice(0, IMPORTED_PER_MARKETPLACE);
  for (let i = 1; i <= 40; i++) {
    const at = new Date(day0 - rnd.int(1, 14) * 86_400_000 + rnd.int(0, 86_399) * 1000);
    const order = trendyolOrders[i % trendyolOrders.length]!;
    const status = i % 10 === 3 ? 'failed' : i % 20 === 9 ? 'rejected' : 'success';
    const kind =
      i === 7 ? 'order-created' : (['order-created', 'order-status-changed', 'stock-updated'] as const)[i % 3]!;
    const p = products[i + 20]!;
    const data: Record<string, unknown> =
      kind === 'stock-updated'
        ? { sku: status === 'failed' ? `MSK-UNKNOWN-${i}` : p.sku, quantity: rnd.int(0, 40) }
        : kind === 'order-status-changed'
          ? {
              orderNumber: status === 'failed' ? `7399999${i}` : order.orderNumber,
              status: rnd.pick(['Picking', 'Shipped', 'Delivered']),
            }
          : {
              orderNumber: order.orderNumber,
              customer: order.customer,
              lines: order.lines,
              total: order.total,
              createdAt: order.createdAt,
              ...(i === 7 ? { customerNote: XSS_WEBHOOK_NOTE } : {}),
            };
    if (kind === 'order-created' && status === 'failed')
      data.lines = [{ sku: `MSK-UNKNOWN-${i}`, quantity: 1, price: 10 }];
    const payload = { eventId: `seed-${i}`, eventType: kind, timestamp: at.toISOString(), data };
    db.run(
      `INSERT INTO meschain_webhook_log (marketplace, event, event_id, payload, signature, status, http_status, response_time_ms, retry_count, error, created_at)
            VALUES ('trendyol', $ev, $eid, $pl, $sig, $st, $code, $rt, $rc, $err, $at)`,
      {
        ev: kind,
        eid: status === 'success' ? payload.eventId : null,
        pl: JSON.stringify(payload),
        sig: `${'0'.repeat(16)}…`,
        st: status,
        code: status === 'success' ? 200 : status === 'rejected' ? 403 : 400,
        rt: rnd.int(12, 480),
        rc: status === 'failed' ? rnd.int(1, 3) : 0,
        err:
          status === 'success'
            ? null
            : status === 'rejected'
              ? 'Invalid signature'
              : 'Bad payload: unknown SKU or order',
        at: sqlDate(at),
      },
    );
  }
}

export function marketplaceProductId(mp: Marketplace, p: SeedProduct): string {
  switch (mp) {
    case 'trendyol':
      return p.ean;
    case 'hepsiburada':
      return `HBV${String(p.productId).padStart(8, '0')}`;
    case 'n11':
      return String(900_000 + p.productId);
  }
}

/** Writes one imported marketplace order: oc_order, oc_order_product and its mapping row. */
export function insertImportedOrder(
  db: Database,
  orderId: number | null,
  marketplace: Marketplace,
  marketplaceOrderId: string,
  customer: { firstName: string; lastName: string; email: string; phone: string },
  lines: { productId: number; name: string; sku: string; quantity: number; price: number }[],
  total: number,
  at: string,
): number {
  const r = db.run(
    `INSERT INTO oc_order (order_id, firstname, lastname, email, telephone, total, order_status_id, comment, date_added, date_modified)
                    VALUES ($id, $f, $l, $e, $t, $total, 2, $c, $at, $at)`,
    {
      id: orderId,
      f: customer.firstName,
      l: customer.lastName,
      e: customer.email,
      t: customer.phone,
      total,
      c: `${marketplace} #${marketplaceOrderId}`,
      at,
    },
  );
  const id = orderId ?? r.lastInsertRowid;
  for (const l of lines) {
    db.run(
      `INSERT INTO oc_order_product (order_id, product_id, name, model, quantity, price, total)
            VALUES ($o, $p, $n, $m, $q, $pr, $t)`,
      {
        o: id,
        p: l.productId,
        n: l.name,
        m: l.sku,
        q: l.quantity,
        pr: l.price,
        t: Math.round(l.quantity * l.price * 100) / 100,
      },
    );
  }
  db.run(
    `INSERT INTO meschain_order_mapping (opencart_order_id, marketplace, marketplace_order_id, sync_status, date_added)
          VALUES ($o, $mp, $mo, 'success', $at)`,
    { o: id, mp: marketplace, mo: marketplaceOrderId, at },
  );
  return id;
}
