/** Hub dashboard numbers and chart data, computed from the extension's tables (never random). */
import type { Database } from '../../db/database.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS, type Marketplace } from '../modules.ts';
import { marketplaceEnabled } from './settings.ts';
import { sqlDate } from '../../db/seed.ts';

export interface MarketplaceStatus {
  marketplace: Marketplace;
  title: string;
  enabled: boolean;
  synced_products: number;
  pending_products: number;
  error_products: number;
  orders: number;
  last_sync: string | null;
  success_rate: number; // % of sync log rows with status success over the window
}

export interface DashboardMetrics {
  total_products: number;
  active_marketplaces: number;
  synced_products: number;
  pending_products: number;
  error_products: number;
  total_orders: number;
  orders_today: number;
  sync_success_rate: number;
  syncs_today: number;
  last_sync: string | null;
  window_days: number;
  marketplaces: MarketplaceStatus[];
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

export function windowStart(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * 86_400_000);
}

const pct = (ok: number, all: number): number => (all === 0 ? 100 : Math.round((ok / all) * 1000) / 10);

export function dashboardMetrics(db: Database, now: Date, windowDays = 14): DashboardMetrics {
  const since = sqlDate(windowStart(now, windowDays));
  const today = sqlDate(windowStart(now, 1));
  const marketplaces = MARKETPLACES.map((mp): MarketplaceStatus => {
    const m = db.get<{ ok: number; pending: number; err: number }>(
      `SELECT SUM(sync_status='success') ok, SUM(sync_status='pending') pending, SUM(sync_status='error') err
       FROM meschain_product_mapping WHERE marketplace = $mp`,
      { mp },
    )!;
    const logs = db.get<{ all: number; ok: number; last: string | null }>(
      `SELECT COUNT(*) "all", SUM(status='success') ok, MAX(created_at) last FROM meschain_sync_log
       WHERE marketplace = $mp AND created_at >= $since`,
      { mp, since },
    )!;
    const orders = db.get<{ n: number }>('SELECT COUNT(*) n FROM meschain_order_mapping WHERE marketplace = $mp', {
      mp,
    })!;
    const last = db.get<{ last: string | null }>(
      'SELECT MAX(created_at) last FROM meschain_sync_log WHERE marketplace = $mp',
      { mp },
    )!;
    return {
      marketplace: mp,
      title: MARKETPLACE_SETTINGS[mp].title,
      enabled: marketplaceEnabled(db, mp),
      synced_products: Number(m.ok ?? 0),
      pending_products: Number(m.pending ?? 0),
      error_products: Number(m.err ?? 0),
      orders: Number(orders.n),
      last_sync: last.last,
      success_rate: pct(Number(logs.ok ?? 0), Number(logs.all)),
    };
  });
  const totals = db.get<{ all: number; ok: number; today: number }>(
    `SELECT COUNT(*) "all", SUM(status='success') ok, SUM(created_at >= $today) today FROM meschain_sync_log WHERE created_at >= $since`,
    { since, today },
  )!;
  return {
    total_products: Number(db.get<{ n: number }>('SELECT COUNT(*) n FROM oc_product')!.n),
    active_marketplaces: marketplaces.filter((m) => m.enabled).length,
    synced_products: marketplaces.reduce((s, m) => s + m.synced_products, 0),
    pending_products: marketplaces.reduce((s, m) => s + m.pending_products, 0),
    error_products: marketplaces.reduce((s, m) => s + m.error_products, 0),
    total_orders: Number(db.get<{ n: number }>('SELECT COUNT(*) n FROM meschain_order_mapping')!.n),
    orders_today: Number(
      db.get<{ n: number }>('SELECT COUNT(*) n FROM meschain_order_mapping WHERE date_added >= $today', { today })!.n,
    ),
    sync_success_rate: pct(Number(totals.ok ?? 0), Number(totals.all)),
    syncs_today: Number(totals.today ?? 0),
    last_sync:
      marketplaces
        .map((m) => m.last_sync)
        .filter((x): x is string => !!x)
        .sort()
        .at(-1) ?? null,
    window_days: windowDays,
    marketplaces,
  };
}

export interface ChartData {
  labels: string[];
  sync_counts: { marketplace: Marketplace; label: string; data: number[] }[];
  product_distribution: { labels: string[]; marketplaces: Marketplace[]; data: number[] };
}

/** Line chart: sync log rows per marketplace per day; doughnut: mapped products per marketplace. */
export function chartData(db: Database, now: Date, days = 14): ChartData {
  const start = windowStart(now, days);
  const labels = Array.from({ length: days }, (_, i) => day(new Date(start.getTime() + i * 86_400_000)));
  const rows = db.all<{ marketplace: Marketplace; d: string; n: number }>(
    `SELECT marketplace, substr(created_at, 1, 10) d, COUNT(*) n FROM meschain_sync_log
     WHERE created_at >= $since GROUP BY marketplace, d`,
    { since: sqlDate(start) },
  );
  const sync_counts = MARKETPLACES.map((mp) => ({
    marketplace: mp,
    label: MARKETPLACE_SETTINGS[mp].title,
    data: labels.map((l) => Number(rows.find((r) => r.marketplace === mp && r.d === l)?.n ?? 0)),
  }));
  const dist = MARKETPLACES.map((mp) =>
    Number(
      db.get<{ n: number }>(
        `SELECT COUNT(*) n FROM meschain_product_mapping WHERE marketplace = $mp AND sync_status = 'success'`,
        { mp },
      )!.n,
    ),
  );
  return {
    labels,
    sync_counts,
    product_distribution: {
      labels: MARKETPLACES.map((mp) => MARKETPLACE_SETTINGS[mp].title),
      marketplaces: [...MARKETPLACES],
      data: dist,
    },
  };
}
