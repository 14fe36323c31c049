/** The hub `extension/module/meschain_sync`: settings, marketplace toggle, metrics, charts, jobs. */
import type { AdminReq, App } from '../../app.ts';
import type { Reply } from '../../http/types.ts';
import { json } from '../../http/types.ts';
import { Fields, guardChange } from './guard.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS } from '../modules.ts';
import { putSetting } from '../models/settings.ts';
import { chartData, dashboardMetrics } from '../models/dashboard.ts';

const MODULE = 'meschain_sync';

export function save(req: AdminReq, app: App): Reply {
  const denied = guardChange(req, app, MODULE);
  if (denied) return denied;
  const f = new Fields(req.body);
  const status = f.oneOf('status', ['0', '1'], { required: true });
  const debug = f.oneOf('debug', ['0', '1'], { fallback: '0' });
  const interval = f.int('sync_interval', { required: true, min: 5, max: 1440 });
  if (!f.ok) return f.reply();
  app.db.transaction(() => {
    putSetting(app.db, 'module_meschain_sync', 'module_meschain_sync_status', status!);
    putSetting(app.db, 'module_meschain_sync', 'module_meschain_sync_debug', debug!);
    putSetting(app.db, 'module_meschain_sync', 'module_meschain_sync_interval', String(interval));
  });
  return json({ success: 'Success: You have modified MesChain-Sync Hub!' });
}

export function toggle(req: AdminReq, app: App): Reply {
  const denied = guardChange(req, app, MODULE);
  if (denied) return denied;
  const f = new Fields(req.body);
  const marketplace = f.oneOf('marketplace', MARKETPLACES, { required: true });
  const status = f.oneOf('status', ['0', '1'], { required: true });
  if (!f.ok) return f.reply();
  putSetting(app.db, `module_${marketplace}`, `module_${marketplace}_status`, status!);
  return json({
    success: `Success: ${MARKETPLACE_SETTINGS[marketplace!].title} ${status === '1' ? 'enabled' : 'disabled'}.`,
    marketplace,
    enabled: status === '1',
  });
}

export async function testConnection(req: AdminReq, app: App): Promise<Reply> {
  const denied = guardChange(req, app, MODULE);
  if (denied) return denied;
  const f = new Fields(req.body);
  const marketplace = f.oneOf('marketplace', MARKETPLACES, { required: true });
  if (!f.ok) return f.reply();
  const r = await app.sync.testConnection(marketplace!);
  return json(r.ok ? { success: r.message, latency_ms: r.latency_ms } : { error: r.message, latency_ms: r.latency_ms });
}

export function metrics(_req: AdminReq, app: App): Reply {
  const m = dashboardMetrics(app.db, app.now());
  // Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
  if (app.faults.has('schema-drift')) {
    const { total_products, ...rest } = m;
    return json({
      metrics: { ...rest, totalProducts: String(total_products), synced_products: String(m.synced_products) },
    });
  }
  // Stryker restore all
  return json({ metrics: m });
}

export function chart(req: AdminReq, app: App): Reply {
  const f = new Fields(req.query);
  const days = f.int('days', { min: 7, max: 90, fallback: 14 });
  if (!f.ok) return f.reply();
  const c = chartData(app.db, app.now(), days);
  // Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
  if (app.faults.has('chart-empty')) {
    return json({
      chart: {
        ...c,
        sync_counts: c.sync_counts.map((d) => ({ ...d, data: [] })),
        product_distribution: { ...c.product_distribution, data: [] },
      },
    });
  }
  // Stryker restore all
  return json({ chart: c });
}

export function job(req: AdminReq, app: App): Reply {
  const f = new Fields(req.query);
  const id = f.int('job_id', { required: true, min: 1 });
  if (!f.ok) return f.reply();
  const j = app.sync.job(id!);
  return j ? json({ job: j }) : json({ error: `Warning: sync job ${id} does not exist.` });
}
