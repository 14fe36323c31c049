/**
 * OpenCart itself: unpack the release's upload/ folder as the web root, install it headless with its
 * own cli_install.php, keep its config files pointing at the store's current folder and ports, and
 * create the users, user groups and API access the QA suites log in with.
 */
import { createHash, randomInt } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Layout } from './layout.ts';
import type { DbCredentials } from './mariadb.ts';
import { run } from './proc.ts';

export interface Login {
  username: string;
  password: string;
}
export interface Credentials {
  admin: Login;
  viewer: Login;
  noaccess: Login;
  probe: Login;
  api: { username: string; key: string };
  db: DbCredentials;
}

/** The MesChain-Sync admin routes (extension/module/<name>) the viewer group may open. */
export const MARKETPLACE_ROUTES = [
  'meschain_sync',
  'trendyol',
  'hepsiburada',
  'n11',
  'reporting',
  'log_viewer',
  'webhooks',
].map((m) => `extension/module/${m}`);

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * Crypto-random letters and digits, like OpenCart's own token(). Letters and digits only: OpenCart
 * HTML-escapes every request field, so a password with & < > " ' would not match after a round trip.
 */
export function token(length: number): string {
  return Array.from({ length }, () => ALNUM[randomInt(ALNUM.length)]).join('');
}

export function newCredentials(): Credentials {
  // OpenCart's user form accepts 4 to 40 characters
  const login = (username: string): Login => ({ username, password: token(20) });
  return {
    admin: login('admin'),
    viewer: login('viewer'),
    noaccess: login('noaccess'),
    probe: login('lockout_probe'),
    api: { username: 'Default', key: '' }, // read from oc_api after install
    db: { database: 'opencart', username: 'opencart', password: token(24), rootPassword: token(24) },
  };
}

/** Unpacks the source's upload/ folder into `l.www` (a tarball with any one top folder, or a folder). */
export function unpackSource(source: string, l: Layout): void {
  const log = join(l.logs, 'build.log');
  if (statSync(source).isDirectory()) {
    run('cp', ['-a', join(source, 'upload'), l.www], log);
    return;
  }
  const tmp = mkdtempSync(join(l.root, '.unpack-'));
  run('tar', ['-xzf', source, '-C', tmp], log);
  const top = existsSync(join(tmp, 'upload')) ? tmp : join(tmp, readdirSync(tmp)[0] ?? '');
  if (!existsSync(join(top, 'upload', 'index.php'))) {
    throw new Error(
      `OPENCART_SOURCE: expected the tarball to hold upload/index.php (at its top or under one folder); found none in ${source}.`,
    );
  }
  renameSync(join(top, 'upload'), l.www);
  rmSync(tmp, { recursive: true, force: true });
}

/** Runs OpenCart's own headless installer (schema, admin user, API user, config files). */
export function installOpenCart(l: Layout, c: Credentials, port: number, dbPort: number): void {
  // the installer fills the config files that the release ships only as *-dist.php
  copyFileSync(join(l.www, 'config-dist.php'), join(l.www, 'config.php'));
  copyFileSync(join(l.www, 'admin', 'config-dist.php'), join(l.www, 'admin', 'config.php'));
  const out = run(
    '/usr/bin/php8.2',
    [
      'cli_install.php',
      'install',
      '--db_hostname',
      '127.0.0.1',
      '--db_username',
      c.db.username,
      '--db_password',
      c.db.password,
      '--db_database',
      c.db.database,
      '--db_driver',
      'mysqli',
      '--db_port',
      String(dbPort),
      '--db_prefix',
      'oc_',
      '--username',
      c.admin.username,
      '--password',
      c.admin.password,
      '--email',
      'admin@example.com',
      '--http_server',
      `http://127.0.0.1:${port}/`,
    ],
    join(l.logs, 'build.log'),
    { cwd: join(l.www, 'install') },
  );
  // it exits 0 after some failures too: its success line is the proof
  if (!out.includes('SUCCESS!'))
    throw new Error(`OpenCart's cli_install.php did not report SUCCESS; it said:\n${out.trim()}`);
  // left in place, the install folder lets anyone re-install the store, and the admin warns about it
  rmSync(join(l.www, 'install'), { recursive: true, force: true });
}

/**
 * Points both config files in `www` at the web root `finalWww` and at the ports. The installer
 * writes absolute paths (of the `.partial` build folder) and the build's ports; a later start may
 * use other ports (STORE_PORT, STORE_DB_PORT). Returns whether anything changed.
 */
export function patchConfig(www: string, port: number, dbPort: number, finalWww = www): boolean {
  let changed = false;
  for (const file of [join(www, 'config.php'), join(www, 'admin', 'config.php')]) {
    const before = readFileSync(file, 'utf8');
    const after = before
      .replace(
        /define\('(DIR_[A-Z]+)', '[^']*\/(admin|catalog|system|image)\/'\);/g,
        (_m, name: string, sub: string) => `define('${name}', '${finalWww}/${sub}/');`,
      )
      .replace(
        /define\('(HTTPS?_(?:SERVER|CATALOG))', 'https?:\/\/[^/']+\//g,
        (_m, name: string) => `define('${name}', 'http://127.0.0.1:${port}/`,
      )
      .replace(/define\('DB_PORT', '\d+'\);/, `define('DB_PORT', '${dbPort}');`);
    if (after !== before) {
      writeFileSync(file, after);
      changed = true;
    }
  }
  return changed;
}

/** OpenCart 3's password hash (admin/model/user/user.php addUser): sha1(salt . sha1(salt . sha1(password))). */
export function hashPassword(password: string, salt: string): string {
  const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');
  return sha1(salt + sha1(salt + sha1(password)));
}

/** PHP's json_encode escapes slashes; keep the permission column looking like OpenCart wrote it. */
const phpJson = (v: unknown): string => JSON.stringify(v).replaceAll('/', '\\/');

interface Permission {
  access: string[];
  modify: string[];
}

async function upsertGroup(db: Connection, name: string, permission: Permission): Promise<number> {
  const [rows] = await db.query<RowDataPacket[]>('SELECT user_group_id FROM oc_user_group WHERE name = ?', [name]);
  if (rows[0]) {
    await db.query('UPDATE oc_user_group SET permission = ? WHERE user_group_id = ?', [
      phpJson(permission),
      rows[0].user_group_id,
    ]);
    return Number(rows[0].user_group_id);
  }
  const [r] = await db.query<ResultSetHeader>('INSERT INTO oc_user_group SET name = ?, permission = ?', [
    name,
    phpJson(permission),
  ]);
  return r.insertId;
}

async function upsertUser(db: Connection, login: Login, groupId: number, firstname: string): Promise<void> {
  const salt = token(9);
  const fields = { user_group_id: groupId, salt, password: hashPassword(login.password, salt), status: 1 };
  const [rows] = await db.query<RowDataPacket[]>('SELECT user_id FROM oc_user WHERE username = ?', [login.username]);
  if (rows[0]) {
    await db.query('UPDATE oc_user SET ? WHERE user_id = ?', [fields, rows[0].user_id]);
    return;
  }
  await db.query('INSERT INTO oc_user SET ?, date_added = NOW()', [
    {
      ...fields,
      username: login.username,
      firstname,
      lastname: 'QA',
      email: `${login.username}@example.com`,
      image: '',
      code: '',
      ip: '',
    },
  ]);
}

/**
 * The QA accounts, on the installed store:
 * - `viewer` and `lockout_probe` in "Marketplace Viewer": the Administrator group's access list
 *   plus the MesChain-Sync routes, no modify;
 * - `noaccess` in "No Marketplace Access": the Administrator group's access list without them, no modify;
 * - the installer's API user "Default": enabled, allowed from 127.0.0.1. Fills `c.api.key`.
 */
export async function provisionAccounts(db: Connection, c: Credentials): Promise<void> {
  const [adminGroup] = await db.query<RowDataPacket[]>('SELECT permission FROM oc_user_group WHERE user_group_id = 1');
  if (!adminGroup[0])
    throw new Error("expected OpenCart's Administrator user group (user_group_id 1) after install; found none.");
  const adminAccess = (JSON.parse(String(adminGroup[0].permission)) as Permission).access;
  const viewerGroup = await upsertGroup(db, 'Marketplace Viewer', {
    access: [...new Set([...adminAccess, ...MARKETPLACE_ROUTES])],
    modify: [],
  });
  const noAccessGroup = await upsertGroup(db, 'No Marketplace Access', {
    access: adminAccess.filter((r) => !MARKETPLACE_ROUTES.includes(r)),
    modify: [],
  });
  await upsertUser(db, c.viewer, viewerGroup, 'Viewer');
  await upsertUser(db, c.noaccess, noAccessGroup, 'NoAccess');
  await upsertUser(db, c.probe, viewerGroup, 'Probe');

  const [apis] = await db.query<RowDataPacket[]>('SELECT api_id, `key` FROM oc_api WHERE username = ?', [
    c.api.username,
  ]);
  if (!apis[0])
    throw new Error(`expected OpenCart's installer to create the API user "${c.api.username}" in oc_api; found none.`);
  const apiId = Number(apis[0].api_id);
  await db.query('UPDATE oc_api SET status = 1 WHERE api_id = ?', [apiId]);
  const [ips] = await db.query<RowDataPacket[]>('SELECT 1 FROM oc_api_ip WHERE api_id = ? AND ip = ?', [
    apiId,
    '127.0.0.1',
  ]);
  if (!ips[0]) await db.query('INSERT INTO oc_api_ip SET api_id = ?, ip = ?', [apiId, '127.0.0.1']);
  c.api.key = String(apis[0].key);
}

/**
 * What OpenCart writes at run time (cache, logs, modifications, uploads, images) belongs to
 * www-data, Apache's workers. The installer made these folders world-writable (chmod -R o+w); as
 * www-data's own they need not be.
 */
export function grantWrites(l: Layout): void {
  if (process.getuid?.() !== 0) return; // not root: Apache runs as this same user, who owns the files
  const dirs = [join(l.www, 'system', 'storage'), join(l.www, 'image')];
  const log = join(l.logs, 'build.log');
  run('chown', ['-R', 'www-data:www-data', ...dirs], log);
  run('chmod', ['-R', 'o-w', ...dirs], log);
}
