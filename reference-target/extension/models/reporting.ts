/** `reporting/generateReport` and the CSV behind `exportReport` (safe from formula injection). */
import type { Database } from '../../db/database.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS } from '../modules.ts';

export const REPORT_TYPES = ['sales', 'inventory', 'performance', 'financial'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export interface ReportParams {
  report_type: ReportType;
  date_start: string;
  date_end: string;
  marketplace: string;
}

export interface Report {
  report_type: ReportType;
  date_start: string;
  date_end: string;
  marketplace: string;
  summary: {
    total_orders: number;
    total_revenue: number;
    total_items: number;
    average_order_value: number;
    synced_products: number;
    sync_operations: number;
    sync_success_rate: number;
    commission_estimate: number;
  };
  daily_breakdown: { date: string; orders: number; revenue: number; sync_operations: number; sync_errors: number }[];
  marketplace_breakdown: { marketplace: string; title: string; orders: number; revenue: number; products: number }[];
  top_products: { product_id: number; name: string; model: string; quantity: number; revenue: number }[];
  category_breakdown: { category_id: number; name: string; quantity: number; revenue: number }[];
}

const COMMISSION: Record<string, number> = { trendyol: 0.18, hepsiburada: 0.15, n11: 0.12 };
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function generateReport(db: Database, p: ReportParams): Report {
  const mpFilter = p.marketplace === 'all' ? '' : 'AND m.marketplace = $mp';
  const params = { start: `${p.date_start} 00:00:00`, end: `${p.date_end} 23:59:59`, mp: p.marketplace };
  const orderScope = `FROM oc_order o JOIN meschain_order_mapping m ON m.opencart_order_id = o.order_id
                      WHERE o.date_added BETWEEN $start AND $end ${mpFilter}`;
  const t = db.get<{ n: number; rev: number | null }>(`SELECT COUNT(*) n, SUM(o.total) rev ${orderScope}`, params)!;
  const items = db.get<{ q: number | null }>(
    `SELECT SUM(op.quantity) q FROM oc_order_product op WHERE op.order_id IN (SELECT o.order_id ${orderScope})`,
    params,
  )!;
  const logScope = `FROM meschain_sync_log m WHERE m.created_at BETWEEN $start AND $end ${mpFilter}`;
  const logs = db.get<{ n: number; ok: number | null }>(
    `SELECT COUNT(*) n, SUM(m.status='success') ok ${logScope}`,
    params,
  )!;
  const synced = db.get<{ n: number }>(
    `SELECT COUNT(*) n FROM meschain_product_mapping m WHERE m.sync_status='success' ${mpFilter}`,
    params,
  )!;
  const mpRows = MARKETPLACES.filter((mp) => p.marketplace === 'all' || p.marketplace === mp).map((mp) => {
    const r = db.get<{ n: number; rev: number | null }>(
      `SELECT COUNT(*) n, SUM(o.total) rev FROM oc_order o JOIN meschain_order_mapping m ON m.opencart_order_id = o.order_id
       WHERE o.date_added BETWEEN $start AND $end AND m.marketplace = $mp`,
      { ...params, mp },
    )!;
    const prod = db.get<{ n: number }>(
      `SELECT COUNT(*) n FROM meschain_product_mapping WHERE marketplace=$mp AND sync_status='success'`,
      { mp },
    )!;
    return {
      marketplace: mp,
      title: MARKETPLACE_SETTINGS[mp].title,
      orders: Number(r.n),
      revenue: round2(Number(r.rev ?? 0)),
      products: Number(prod.n),
    };
  });
  const revenue = round2(Number(t.rev ?? 0));
  const daily: Report['daily_breakdown'] = [];
  for (
    let d = new Date(`${p.date_start}T00:00:00Z`);
    d <= new Date(`${p.date_end}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const date = d.toISOString().slice(0, 10);
    const dp = { ...params, start: `${date} 00:00:00`, end: `${date} 23:59:59` };
    const o = db.get<{ n: number; rev: number | null }>(`SELECT COUNT(*) n, SUM(o.total) rev ${orderScope}`, dp)!;
    const l = db.get<{ n: number; err: number | null }>(
      `SELECT COUNT(*) n, SUM(m.status='error') err ${logScope}`,
      dp,
    )!;
    daily.push({
      date,
      orders: Number(o.n),
      revenue: round2(Number(o.rev ?? 0)),
      sync_operations: Number(l.n),
      sync_errors: Number(l.err ?? 0),
    });
  }
  const top = db.all<{ product_id: number; name: string; model: string; quantity: number; revenue: number }>(
    `SELECT op.product_id, op.name, op.model, SUM(op.quantity) quantity, ROUND(SUM(op.total), 2) revenue
     FROM oc_order_product op WHERE op.order_id IN (SELECT o.order_id ${orderScope})
     GROUP BY op.product_id ORDER BY revenue DESC, op.product_id LIMIT 10`,
    params,
  );
  const cats = db.all<{ category_id: number; name: string; quantity: number; revenue: number }>(
    `SELECT c.category_id, cd.name, SUM(op.quantity) quantity, ROUND(SUM(op.total), 2) revenue
     FROM oc_order_product op JOIN oc_product_to_category c ON c.product_id = op.product_id
     JOIN oc_category_description cd ON cd.category_id = c.category_id AND cd.language_id = 1
     WHERE op.order_id IN (SELECT o.order_id ${orderScope}) GROUP BY c.category_id ORDER BY revenue DESC, c.category_id`,
    params,
  );
  const commission = mpRows.reduce((s, r) => s + r.revenue * (COMMISSION[r.marketplace] ?? 0), 0);
  return {
    report_type: p.report_type,
    date_start: p.date_start,
    date_end: p.date_end,
    marketplace: p.marketplace,
    summary: {
      total_orders: Number(t.n),
      total_revenue: revenue,
      total_items: Number(items.q ?? 0),
      average_order_value: Number(t.n) ? round2(revenue / Number(t.n)) : 0,
      synced_products: Number(synced.n),
      sync_operations: Number(logs.n),
      sync_success_rate: Number(logs.n) ? Math.round((Number(logs.ok ?? 0) / Number(logs.n)) * 1000) / 10 : 100,
      commission_estimate: round2(commission),
    },
    daily_breakdown: daily,
    marketplace_breakdown: mpRows,
    top_products: top.map((r) => ({ ...r, quantity: Number(r.quantity), revenue: Number(r.revenue) })),
    category_breakdown: cats.map((r) => ({ ...r, quantity: Number(r.quantity), revenue: Number(r.revenue) })),
  };
}

/**
 * The `report-quadratic` fault: sums every product's sales one product at a time, each a scan of
 * every order line — cost grows with products × order lines (fast on the seed, ~100× on 10×).
 */
// Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
export function reportQuadraticWork(db: Database): number {
  let units = 0;
  for (const { product_id } of db.all<{ product_id: number }>('SELECT product_id FROM oc_product')) {
    units += Number(
      db.get<{ q: number | null }>(
        'SELECT SUM(quantity + 0 * length(name)) q FROM oc_order_product WHERE product_id + 0 = $id',
        { id: product_id },
      )?.q ?? 0,
    );
  }
  return units;
}
// Stryker restore all

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) || s !== value ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(r: Report): string {
  const lines: (string | number)[][] = [];
  lines.push(['section', 'key', 'name', 'quantity_or_orders', 'revenue']);
  for (const [k, v] of Object.entries(r.summary)) lines.push(['summary', k, '', v, '']);
  for (const d of r.daily_breakdown) lines.push(['daily', d.date, '', d.orders, d.revenue]);
  for (const m of r.marketplace_breakdown) lines.push(['marketplace', m.marketplace, m.title, m.orders, m.revenue]);
  for (const t of r.top_products) lines.push(['top_product', t.model, t.name, t.quantity, t.revenue]);
  for (const c of r.category_breakdown) lines.push(['category', String(c.category_id), c.name, c.quantity, c.revenue]);
  return lines.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
