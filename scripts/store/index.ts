/**
 * A real local OpenCart 3 store (Apache httpd + mod_php, MariaDB) for the QA suites, built once
 * into the per-user cache and started in seconds afterwards. `npm run store` (cli.ts) drives it;
 * self-tests use the library API:
 *
 *   const src = storeSourceAvailable();
 *   if (!src.ok) skip(src.reason);
 *   const store = await ensureStore();   // build if needed, start, wait until the admin answers
 *   ... store.baseUrl, store.env (the .env lines), store.credentials ...
 *   await store.stop();
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { apacheRunning, startApache, stopApache } from './apache.ts';
import {
  APT_LINE,
  cacheDir,
  layoutAt,
  PROJECT_ROOT,
  RECIPE_VERSION,
  resolveStore,
  sourcePath,
  sourceProblem,
} from './layout.ts';
import type { Layout, StoreConfig, StoreOptions } from './layout.ts';
import {
  appConnection,
  initDatadir,
  mariadbRunning,
  rootConnection,
  secureFreshDatadir,
  startMariadb,
  stopMariadb,
} from './mariadb.ts';
import {
  grantWrites,
  installOpenCart,
  newCredentials,
  patchConfig,
  provisionAccounts,
  unpackSource,
} from './opencart.ts';
import type { Credentials } from './opencart.ts';
import { alive, portFree, run, sleep, waitFor } from './proc.ts';

export type { Credentials, StoreOptions };

export interface RunningStore {
  baseUrl: string;
  /** the .env lines: QA_BASE_URL, QA_TARGET_KIND, OC_* logins, OC_API_*, QA_STORE_DB */
  env: Record<string, string>;
  credentials: Credentials;
  /** the store's folder in the cache */
  folder: string;
  /** stops this store's Apache and MariaDB (the built store stays for the next start) */
  stop(): Promise<void>;
}

/** Whether a store can be built here: the OpenCart source exists (and the packages can be had). */
export function storeSourceAvailable(
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; path: string } | { ok: false; reason: string } {
  const path = sourcePath(env);
  const problem = sourceProblem(path);
  if (problem) return { ok: false, reason: problem };
  const missing = ['/usr/bin/php8.2', '/usr/sbin/mariadbd', '/usr/sbin/apache2'].filter((b) => !existsSync(b));
  if (missing.length > 0 && process.getuid?.() !== 0) {
    return {
      ok: false,
      reason: `expected PHP 8.2, MariaDB and Apache; found ${missing.join(', ')} missing, and not root to install them. Run: sudo ${APT_LINE}`,
    };
  }
  return { ok: true, path };
}

export function storeEnv(port: number, dbPort: number, c: Credentials): Record<string, string> {
  const q = encodeURIComponent;
  return {
    QA_BASE_URL: `http://127.0.0.1:${port}`,
    QA_TARGET_KIND: 'opencart',
    QA_ADMIN_PATH: '/admin/',
    OC_ADMIN_USERNAME: c.admin.username,
    OC_ADMIN_PASSWORD: c.admin.password,
    OC_VIEWER_USERNAME: c.viewer.username,
    OC_VIEWER_PASSWORD: c.viewer.password,
    OC_NOACCESS_USERNAME: c.noaccess.username,
    OC_NOACCESS_PASSWORD: c.noaccess.password,
    OC_PROBE_USERNAME: c.probe.username,
    OC_PROBE_PASSWORD: c.probe.password,
    OC_API_USERNAME: c.api.username,
    OC_API_KEY: c.api.key,
    QA_STORE_DB: `mysql://${q(c.db.username)}:${q(c.db.password)}@127.0.0.1:${dbPort}/${q(c.db.database)}?prefix=oc_`,
  };
}

/** Builds the store if needed, starts it (or finds it running) and waits until the admin answers. */
export async function ensureStore(opts: StoreOptions = {}): Promise<RunningStore> {
  const cfg = prepare(opts);
  return withLock(cfg.storesDir, cfg.log, async () => {
    if (!existsSync(cfg.final.root)) await build(cfg);
    const credentials = readCredentials(cfg.final);
    await start(cfg, credentials);
    return {
      baseUrl: `http://127.0.0.1:${cfg.port}`,
      env: storeEnv(cfg.port, cfg.dbPort, credentials),
      credentials,
      folder: cfg.final.root,
      stop: () => withLock(cfg.storesDir, cfg.log, async () => void (await stopLayout(cfg.final))),
    };
  });
}

/** Wipes this store (source + extension) and builds it again, then starts it. */
export async function rebuildStore(opts: StoreOptions = {}): Promise<RunningStore> {
  const cfg = prepare(opts);
  await withLock(cfg.storesDir, cfg.log, async () => {
    await stopAll(cfg.storesDir);
    rmSync(cfg.final.root, { recursive: true, force: true });
  });
  return ensureStore(opts);
}

const storesDirOf = (opts: StoreOptions): string => join(opts.cacheDir ?? cacheDir(), 'store');
const stderrLog = (line: string): void => void process.stderr.write(`[store] ${line}\n`);

/** Stops every store in the cache that runs (also one of another source, or a half-built one); returns their names. */
export async function stopStores(opts: StoreOptions = {}): Promise<string[]> {
  return withLock(storesDirOf(opts), opts.log ?? stderrLog, () => stopAll(storesDirOf(opts)));
}

export interface StoreStatus {
  name: string;
  folder: string;
  /** the store the current source, extension and recipe would use */
  current: boolean;
  mariadbPid?: number;
  apachePid?: number;
  port?: number;
  dbPort?: number;
}

/** Every store folder in the cache, and what of it runs. Needs no OpenCart source. */
export function storeStatus(opts: StoreOptions = {}): StoreStatus[] {
  const dir = storesDirOf(opts);
  let current: string | undefined;
  try {
    current = resolveStore(opts).final.root;
  } catch {
    current = undefined; // no source: no store is the current one
  }
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const l = layoutAt(join(dir, e.name), e.name);
      return {
        name: e.name,
        folder: l.root,
        current: l.root === current,
        mariadbPid: mariadbRunning(l),
        apachePid: apacheRunning(l),
        ...readPorts(l),
      };
    });
}

/** Runs scripts/setup-store.sh (packages, www-data's way into the cache; instant when done). */
/** PHP, MariaDB or Apache cannot be installed on this machine (apt failed): nothing the store's code can fix. */
export class StorePackagesUnavailable extends Error {}

function prepare(opts: StoreOptions): StoreConfig {
  const env = { ...process.env, ...(opts.cacheDir ? { MESCHAIN_QA_CACHE: opts.cacheDir } : {}) };
  const r = spawnSync('bash', [join(PROJECT_ROOT, 'scripts', 'setup-store.sh')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status === 3)
    throw new StorePackagesUnavailable(
      "scripts/setup-store.sh could not install PHP 8.2, MariaDB and Apache from Debian's mirror (exit 3; see its message above).",
    );
  if (r.status !== 0)
    throw new Error(`scripts/setup-store.sh failed (exit ${r.status ?? r.signal}; see its message above).`);
  return resolveStore({ ...opts, cacheDir: opts.cacheDir ?? cacheDir() });
}

/** Builds into `<name>.partial` and renames it into place only when complete: a half-built store is never reused. */
async function build(cfg: StoreConfig): Promise<void> {
  const started = Date.now();
  const p = cfg.partial;
  // the build's MariaDB needs the port: stop the other stores in the cache, and the mariadbd an
  // interrupted build of this one may have left running
  const others = await stopAll(cfg.storesDir);
  if (others.length) cfg.log(`stopped ${others.join(', ')}`);
  rmSync(p.root, { recursive: true, force: true });
  for (const d of [p.run, p.logs]) mkdirSync(d, { recursive: true });
  writePorts(p, cfg);
  cfg.log(
    `building the store in ${p.root} (first time only; log in ${join(p.logs, 'build.log')}), renamed to ${cfg.final.root} when complete…`,
  );
  await ensurePortFree(cfg.dbPort, 'STORE_DB_PORT');

  unpackSource(cfg.source, p);
  if (cfg.extension) {
    cfg.log(`copying the extension's upload/ from ${cfg.extension}…`);
    run('cp', ['-a', `${join(cfg.extension, 'upload')}/.`, p.www], join(p.logs, 'build.log'));
  }
  const c = newCredentials();
  cfg.log('initialising MariaDB…');
  initDatadir(p);
  await startMariadb(p, cfg.dbPort, () => rootConnection(p, ''));
  try {
    await secureFreshDatadir(p, c.db);
    cfg.log('installing OpenCart (cli_install.php)…');
    installOpenCart(p, c, cfg.port, cfg.dbPort);
    const db = await appConnection(cfg.dbPort, c.db);
    try {
      await provisionAccounts(db, c);
    } finally {
      await db.end();
    }
  } finally {
    await stopMariadb(p);
  }
  grantWrites(p);
  writeCredentials(p, c);
  patchConfig(p.www, cfg.port, cfg.dbPort, cfg.final.www); // the final folder's paths, not the .partial one's
  writeFileSync(
    p.meta,
    `${JSON.stringify(
      {
        source: cfg.source,
        extension: cfg.extension ?? null,
        recipe: RECIPE_VERSION,
        builtAt: new Date().toISOString(),
        buildSeconds: (Date.now() - started) / 1000,
      },
      null,
      2,
    )}\n`,
  );
  renameSync(p.root, cfg.final.root);
  cfg.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function start(cfg: StoreConfig, c: Credentials): Promise<void> {
  const started = Date.now();
  const l = cfg.final;
  const ports = readPorts(l);
  const moved = ports && (ports.port !== cfg.port || ports.dbPort !== cfg.dbPort);
  if (moved && (mariadbRunning(l) || apacheRunning(l))) {
    cfg.log(`restarting on the new ports (was ${ports.port}/${ports.dbPort})…`);
    await stopLayout(l);
  }
  // another store in the cache (other source or extension) would hold the ports
  const others = await stopAll(cfg.storesDir, l.root);
  if (others.length) cfg.log(`stopped ${others.join(', ')}`);
  patchConfig(l.www, cfg.port, cfg.dbPort);
  checkWwwDataReach(l);
  writePorts(l, cfg);

  // both ports checked before either server starts: no half-started store on a port clash
  const dbUp = mariadbRunning(l) !== undefined;
  const webUp = apacheRunning(l) !== undefined;
  if (!dbUp) await ensurePortFree(cfg.dbPort, 'STORE_DB_PORT');
  if (!webUp) await ensurePortFree(cfg.port, 'STORE_PORT');
  if (!dbUp) await startMariadb(l, cfg.dbPort, () => appConnection(cfg.dbPort, c.db));
  if (!webUp) startApache(l, cfg.port);
  const url = `http://127.0.0.1:${cfg.port}/admin/`;
  let seen = '';
  await waitFor(
    async () => {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        const body = await res.text();
        seen = `HTTP ${res.status}, title ${/<title>([^<]*)<\/title>/.exec(body)?.[1] ?? '(none)'}`;
        return res.status === 200 && body.includes('<title>Administration</title>');
      } catch (e) {
        seen = (e as Error).message;
        return false;
      }
    },
    30_000,
    () =>
      `expected ${url} to answer 200 with the login page (title "Administration") within 30 s; found ${seen}. Logs: ${l.logs}`,
    250,
  );
  cfg.log(
    `running at http://127.0.0.1:${cfg.port}/ (MariaDB on 127.0.0.1:${cfg.dbPort}); ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function stopLayout(l: Layout): Promise<boolean> {
  const was = Boolean(apacheRunning(l) || mariadbRunning(l));
  await stopApache(l);
  await stopMariadb(l);
  return was;
}

/** Stops every store folder in the cache (except `keep`) that runs; returns their names. */
async function stopAll(storesDir: string, keep?: string): Promise<string[]> {
  if (!existsSync(storesDir)) return [];
  const stopped: string[] = [];
  for (const e of readdirSync(storesDir, { withFileTypes: true })) {
    const root = join(storesDir, e.name);
    if (!e.isDirectory() || root === keep) continue;
    if (await stopLayout(layoutAt(root, e.name))) stopped.push(e.name);
  }
  return stopped;
}

async function ensurePortFree(port: number, name: string): Promise<void> {
  if (!(await portFree(port))) {
    throw new Error(
      `${name}: expected 127.0.0.1:${port} to be free; found another program listening there (see: ss -ltnp 'sport = :${port}'). Stop it, or set ${name} to a free port.`,
    );
  }
}

/** Apache's workers run as www-data: they must be able to reach the web root inside the cache. */
function checkWwwDataReach(l: Layout): void {
  if (process.getuid?.() !== 0) return;
  const r = spawnSync('setpriv', [
    '--reuid=www-data',
    '--regid=www-data',
    '--clear-groups',
    'test',
    '-r',
    join(l.www, 'index.php'),
  ]);
  if (r.status !== 0) {
    throw new Error(
      `expected user www-data (Apache's workers) to read ${l.www}/index.php; found it cannot. Run scripts/setup-store.sh (it grants search permission on the folders above), or set MESCHAIN_QA_CACHE to a folder www-data can reach.`,
    );
  }
}

function writeCredentials(l: Layout, c: Credentials): void {
  const tmp = `${l.credentials}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600); // a umask could have narrowed it; make sure nobody else reads it either
  renameSync(tmp, l.credentials);
}

function readCredentials(l: Layout): Credentials {
  if (!existsSync(l.credentials)) {
    throw new Error(
      `expected ${l.credentials} in the built store; found none (damaged store folder). Run: npm run store -- rebuild`,
    );
  }
  return JSON.parse(readFileSync(l.credentials, 'utf8')) as Credentials;
}

/** The ports a store's servers were started with (for `status`, and to notice a port change). */
function writePorts(l: Layout, cfg: StoreConfig): void {
  writeFileSync(join(l.run, 'ports.json'), JSON.stringify({ port: cfg.port, dbPort: cfg.dbPort }));
}

function readPorts(l: Layout): { port: number; dbPort: number } | undefined {
  try {
    return JSON.parse(readFileSync(join(l.run, 'ports.json'), 'utf8')) as { port: number; dbPort: number };
  } catch {
    return undefined;
  }
}

/**
 * One store command at a time per cache (a build takes minutes; two would fight over the ports).
 * The lock file is created complete by link(2), which fails if it exists; a dead holder's lock is taken over.
 */
async function withLock<T>(storesDir: string, log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  mkdirSync(storesDir, { recursive: true });
  const lock = join(storesDir, '.lock');
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  let told = false;
  try {
    for (;;) {
      try {
        linkSync(mine, lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = Number(readFileSync(lock, 'utf8'));
        if (holder === process.pid) throw new Error('store lock: re-entered by the same process', { cause: e });
        if (!alive(holder)) {
          rmSync(lock, { force: true });
          continue;
        }
        if (!told) log(`waiting for another store command (pid ${holder}) to finish…`);
        told = true;
        await sleep(500);
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
