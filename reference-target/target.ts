/**
 * Starts the whole reference target in this process: the marketplace simulators, the store
 * (admin + catalog + static + QA control) on 127.0.0.1, the seeded database and the sync engine.
 */
import { growStore } from './db/growth.ts';
import type { App } from './app.ts';
import type { TargetConfig } from './config.ts';
import { Database } from './db/database.ts';
import { ALL_TABLES } from './db/schema.ts';
import { seedDatabase, type SeedInput } from './db/seed.ts';
import { FaultSet } from './faults.ts';
import { listen, type Listening } from './http/server.ts';
import { html, json, redirect, type Req, type Reply } from './http/types.ts';
import { hashPasswordAsync } from './opencart/password.ts';
import { createAdmin } from './opencart/admin.ts';
import { createCatalog } from './opencart/catalog.ts';
import { serveStatic } from './http/static.ts';
import { adminRoutes } from './extension/routes.ts';
import { MARKETPLACES, MARKETPLACE_SETTINGS, type Marketplace } from './extension/modules.ts';
import { handleControl } from './control/qa-control.ts';
import { createRenderer } from './views/render.ts';
import { startSimulators, type Simulators } from './marketplaces/simulators.ts';
import { SyncEngine } from './extension/sync/engine.ts';

export interface RunningTarget {
  app: App;
  storeUrl: string;
  simulators: Simulators;
  /** Back to the start: the seed (sessions kept unless keepSessions is false), fresh simulators, the start-up faults. */
  reset(opts?: { keepSessions?: boolean }): Promise<void>;
  /**
   * What differs from the start since the last reset, one phrase each (empty when nothing does):
   * data rows written (logins' session rows aside), requests a simulator received or faults set on
   * it, faults switched since start-up. A test harness resets only when this is not empty.
   */
  changes(): string[];
  /** Data rows written per table since the last reset (session bookkeeping of logins aside). */
  dataWrites(): Record<string, number>;
  close(): Promise<void>;
}

/** Tables whose writes are bookkeeping of logins, not data (sessions). */
const SESSION_TABLES = new Set(['oc_session', 'oc_api_session']);

function seedInput(
  config: TargetConfig,
  app: Pick<App, 'simulators' | 'now'>,
  hashes: Record<string, string>,
): SeedInput {
  const c = config.marketplaceCredentials;
  const settings: Record<Marketplace, Record<string, string>> = {
    trendyol: {
      api_key: c.trendyol.apiKey,
      api_secret: c.trendyol.apiSecret,
      supplier_id: c.trendyol.supplierId,
      endpoint: app.simulators.trendyol,
    },
    hepsiburada: {
      merchant_id: c.hepsiburada.merchantId,
      api_token: c.hepsiburada.token,
      endpoint: app.simulators.hepsiburada,
    },
    n11: { app_key: c.n11.appKey, app_secret: c.n11.appSecret, endpoint: app.simulators.n11 },
  };
  const u = config.users;
  return {
    today: app.now(),
    users: [
      { username: u.admin.username, passwordHash: hashes.admin!, group: 'admin' },
      { username: u.viewer.username, passwordHash: hashes.viewer!, group: 'viewer' },
      { username: u.noaccess.username, passwordHash: hashes.noaccess!, group: 'noaccess' },
      { username: u.probe.username, passwordHash: hashes.probe!, group: 'viewer' },
    ],
    apiKey: config.apiKey,
    encryptionKey: config.encryptionKey,
    marketplaceSettings: settings,
    secretKeys: Object.fromEntries(
      MARKETPLACES.map((mp) => [mp, MARKETPLACE_SETTINGS[mp].fields.filter((f) => f.secret).map((f) => f.key)]),
    ) as Record<Marketplace, string[]>,
  };
}

export async function startTarget(config: TargetConfig): Promise<RunningTarget> {
  const now = () => new Date();
  const simulators = await startSimulators({
    ports: config.simulatorPorts,
    credentials: config.marketplaceCredentials,
    today: now(),
  });
  const db = new Database(config.dbPath);
  // hash once per process: resets then cost no KDF time
  const hashes = Object.fromEntries(
    await Promise.all(
      Object.entries(config.users).map(async ([k, v]) => [k, await hashPasswordAsync(v.password)] as const),
    ),
  );
  const sync = new SyncEngine({ db, config, now });
  const app: App = {
    config,
    db,
    faults: new FaultSet(config.faults),
    storeUrl: '',
    simulators: simulators.urls,
    render: createRenderer(),
    sync,
    now,
  };
  const seed = () => {
    seedDatabase(db, seedInput(config, app, hashes));
    growStore(db, config.dataScale, app.now());
  };

  const servers: { store?: Listening } = {};
  const target: RunningTarget = {
    app,
    simulators,
    get storeUrl() {
      return app.storeUrl;
    },
    async reset({ keepSessions = true } = {}) {
      await sync.stop();
      db.transaction(() => {
        for (const t of ALL_TABLES) if (!(keepSessions && t === 'oc_session')) db.run(`DELETE FROM ${t}`);
        seed();
      });
      simulators.reset();
      app.faults.set(config.faults);
      db.forgetWrites();
      sync.start();
    },
    dataWrites() {
      return Object.fromEntries(Object.entries(db.writes()).filter(([t]) => !SESSION_TABLES.has(t)));
    },
    changes() {
      const out = Object.entries(target.dataWrites()).map(([t, n]) => `${t}: ${n} row(s) written`);
      for (const mp of MARKETPLACES) {
        const s = simulators.state(mp);
        if (s.counts.requests > 0) out.push(`${mp} simulator: ${s.counts.requests} request(s) received`);
        if (s.faults.latencyMs > 0 || s.faults.armed.length > 0) out.push(`${mp} simulator: faults set`);
      }
      const faults = app.faults.list().join(',');
      if (faults !== [...config.faults].sort().join(','))
        out.push(`faults switched to "${faults}" (started with "${config.faults.join(',')}")`);
      return out;
    },
    async close() {
      await sync.stop();
      await servers.store?.close();
      await simulators.close();
      db.close();
    },
  };

  db.transaction(seed);
  db.forgetWrites();
  const admin = createAdmin(app, adminRoutes());
  const catalog = createCatalog(app);
  const handler = async (req: Req): Promise<Reply> => {
    const path = req.url.pathname;
    if (path.startsWith('/__qa/')) return handleControl(req, target);
    const asset = serveStatic(req, app);
    if (asset) return asset;
    if (path === '/admin' || path === '/admin/' || path === '/admin/index.php') return admin(req);
    if (path === '/') return redirect('/admin/');
    if (path === '/index.php') return catalog(req);
    return html('<!doctype html><title>404</title><h1>Not Found</h1>', 404);
  };
  const store = await listen(handler, config.port, (err) => {
    console.error('[target] unhandled error:', err);
    return json({ error: 'Internal Server Error' }, 500);
  });
  servers.store = store;
  app.storeUrl = store.url;
  sync.start();
  return target;
}
