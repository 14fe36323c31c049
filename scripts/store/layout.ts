/**
 * Where a local OpenCart store lives and what it is built from. A store is named after what went
 * into it (the OpenCart source's sha256, the extension's hash and the build recipe's version), so a
 * new source or extension gets a fresh store and an unchanged one is reused as it is.
 *
 *   <cache>/store/<name>/
 *     www/               the web root: OpenCart's upload/ folder (plus the extension's upload/)
 *     db/                the MariaDB datadir
 *     run/               pid files, the MariaDB socket, Apache's runtime folder
 *     apache/httpd.conf  the generated, self-contained Apache config
 *     logs/              MariaDB's and Apache's logs, build logs
 *     credentials.json   generated passwords and the API key (mode 0600)
 *     store.json         what the store was built from, and when
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
/** Bump when the build recipe changes, so that stores built by the old recipe are not reused. */
export const RECIPE_VERSION = 1;
export const DEFAULT_SOURCE = '../shared/opencart/opencart-3.0.5.0.tar.gz';
export const APT_LINE =
  'apt-get install -y --no-install-recommends php8.2-cli php8.2-mysql php8.2-gd php8.2-curl ' +
  'php8.2-zip php8.2-mbstring php8.2-xml mariadb-server apache2 libapache2-mod-php8.2 acl';

export interface StoreOptions {
  /** OpenCart tarball or extracted folder holding upload/ (default: OPENCART_SOURCE, then DEFAULT_SOURCE) */
  source?: string;
  /** folder whose upload/ is copied over the store before install (default: EXTENSION_SOURCE) */
  extension?: string;
  /** web port on 127.0.0.1 (default: STORE_PORT, then 8780) */
  port?: number;
  /** MariaDB port on 127.0.0.1 (default: STORE_DB_PORT, then 3307) */
  dbPort?: number;
  /** per-user cache (default: MESCHAIN_QA_CACHE, then ~/.cache/meschain-qa) */
  cacheDir?: string;
  /** progress lines (default: stderr) */
  log?: (line: string) => void;
}

export interface Layout {
  name: string;
  root: string;
  www: string;
  db: string;
  run: string;
  logs: string;
  socket: string;
  mariadbPid: string;
  apachePid: string;
  apacheConf: string;
  credentials: string;
  meta: string;
}

export interface StoreConfig {
  source: string;
  extension: string | undefined;
  port: number;
  dbPort: number;
  storesDir: string;
  /** the finished store */
  final: Layout;
  /** where it is built before being renamed into place */
  partial: Layout;
  log: (line: string) => void;
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MESCHAIN_QA_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'meschain-qa');
}

export function sourcePath(env: NodeJS.ProcessEnv = process.env): string {
  const s = env.OPENCART_SOURCE || DEFAULT_SOURCE;
  return isAbsolute(s) ? s : resolve(PROJECT_ROOT, s);
}

/** What is wrong with an OpenCart source path, or undefined when it looks usable. */
export function sourceProblem(path: string): string | undefined {
  if (!existsSync(path)) {
    return (
      `OPENCART_SOURCE: expected an OpenCart 3 tarball (.tar.gz) or a folder holding upload/; found nothing at ${path}. ` +
      `Set OPENCART_SOURCE, or put opencart-3.0.5.0.tar.gz at ${resolve(PROJECT_ROOT, DEFAULT_SOURCE)}.`
    );
  }
  if (statSync(path).isDirectory() && !existsSync(join(path, 'upload', 'index.php'))) {
    return `OPENCART_SOURCE: expected a folder holding upload/index.php; found ${path} without it. Point it at the extracted release folder.`;
  }
  return undefined;
}

function port(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1024 || n > 65535)
    throw new Error(`${name}: expected a port from 1024 to 65535; found ${JSON.stringify(raw)}.`);
  return n;
}

/** sha256 of a file, or of a folder tree (relative paths and contents, in sorted order). */
function hashOf(path: string): string {
  const h = createHash('sha256');
  if (statSync(path).isFile()) return h.update(readFileSync(path)).digest('hex');
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else if (e.isFile())
        h.update(`${r}\0`)
          .update(readFileSync(join(dir, e.name)))
          .update('\0');
    }
  };
  walk(path, '');
  return h.digest('hex');
}

export function layoutAt(root: string, name: string): Layout {
  const run = join(root, 'run');
  return {
    name,
    root,
    run,
    www: join(root, 'www'),
    db: join(root, 'db'),
    logs: join(root, 'logs'),
    socket: join(run, 'mariadb.sock'),
    mariadbPid: join(run, 'mariadb.pid'),
    apachePid: join(run, 'apache.pid'),
    apacheConf: join(root, 'apache', 'httpd.conf'),
    credentials: join(root, 'credentials.json'),
    meta: join(root, 'store.json'),
  };
}

export function resolveStore(opts: StoreOptions = {}, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const source = opts.source ? resolve(opts.source) : sourcePath(env);
  const problem = sourceProblem(source);
  const extRaw = opts.extension ?? (env.EXTENSION_SOURCE || undefined);
  const extension = extRaw ? resolve(extRaw) : undefined;
  if (extension && !existsSync(join(extension, 'upload'))) {
    throw new Error(
      `EXTENSION_SOURCE: expected a folder holding upload/ (copied over OpenCart's upload/); found ${extension} without it.`,
    );
  }
  const storesDir = join(opts.cacheDir ?? cacheDir(env), 'store');
  const ext = extension ? hashOf(join(extension, 'upload')).slice(0, 10) : 'stock';
  // no source here (a clone away from ../shared), but the cache holds the one store built from it
  // earlier (by another clone): that store needs no source to start
  const built =
    problem && !opts.source && !env.OPENCART_SOURCE && existsSync(storesDir)
      ? readdirSync(storesDir).filter((n) => n.startsWith('opencart-') && n.endsWith(`-${ext}-r${RECIPE_VERSION}`))
      : [];
  if (problem && built.length !== 1) throw new Error(problem);
  const name = built.length === 1 ? built[0]! : `opencart-${hashOf(source).slice(0, 12)}-${ext}-r${RECIPE_VERSION}`;
  const final = layoutAt(join(storesDir, name), name);
  const partial = layoutAt(`${final.root}.partial`, name);
  // OpenCart writes these paths into PHP string literals; a unix socket path has a 108-byte limit
  if (/['\\\s]/.test(final.root))
    throw new Error(
      `store folder: expected a path without quotes, backslashes or spaces; found ${final.root}. Set MESCHAIN_QA_CACHE to a plain path.`,
    );
  if (Buffer.byteLength(partial.socket) > 107)
    throw new Error(
      `store folder: expected a path short enough for a unix socket (107 bytes); found ${partial.socket}. Set MESCHAIN_QA_CACHE to a shorter path.`,
    );
  const log = opts.log ?? ((line: string) => void process.stderr.write(`[store] ${line}\n`));
  if (built.length === 1)
    log(`no OpenCart source here (${problem}); using the store built earlier from it: ${final.root}`);
  return {
    source,
    extension,
    storesDir,
    final,
    partial,
    port: opts.port ?? port(env.STORE_PORT, 8780, 'STORE_PORT'),
    dbPort: opts.dbPort ?? port(env.STORE_DB_PORT, 3307, 'STORE_DB_PORT'),
    log,
  };
}
