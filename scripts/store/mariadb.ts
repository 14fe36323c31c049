/**
 * The store's own MariaDB instance: its datadir, socket and pid file inside the store folder, TCP
 * on 127.0.0.1 only, started as a detached daemon so it outlives `npm run store`. Debian's own
 * MariaDB service (/etc/mysql, port 3306) is never used: `--no-defaults` skips its config files.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';
import type { Layout } from './layout.ts';
import { alive, pidOf, run, tailOfFile, terminate, waitFor } from './proc.ts';

export interface DbCredentials {
  database: string;
  username: string;
  password: string;
  rootPassword: string;
}

// mariadbd refuses to run as root unless told to; as another user it runs as that user
const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

export function initDatadir(l: Layout): void {
  // `normal`: a root account that logs in with a password (set right after start), not by unix socket
  run(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${l.db}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...asRoot],
    join(l.logs, 'build.log'),
  );
}

export function mariadbRunning(l: Layout): number | undefined {
  return pidOf(l.mariadbPid, l.db);
}

/** Starts mariadbd in the background and waits until `connect` succeeds. */
export async function startMariadb(l: Layout, port: number, connect: () => Promise<Connection>): Promise<void> {
  const log = join(l.logs, 'mariadb.log');
  const out = openSync(join(l.logs, 'mariadb.out'), 'a');
  const child = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${l.db}`,
      `--socket=${l.socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${l.mariadbPid}`,
      `--log-error=${log}`,
      ...asRoot,
      // no DNS for client addresses (accounts are by IP); small memory for a 2-core test machine
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      '--performance-schema=OFF',
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  closeSync(out);
  const pid = child.pid ?? 0;
  let lastError = '';
  await waitFor(
    async () => {
      if (!alive(pid)) throw new Error(`mariadbd exited during start-up; last lines of ${log}:\n${tailOfFile(log)}`);
      try {
        await (await connect()).end();
        return true;
      } catch (e) {
        lastError = (e as Error).message;
        return false;
      }
    },
    60_000,
    () => `expected MariaDB to accept connections on 127.0.0.1:${port} within 60 s; found: ${lastError}. Log: ${log}`,
  );
}

/** Clean shutdown (SIGTERM: InnoDB flushes and exits), by the pid file. */
export async function stopMariadb(l: Layout): Promise<void> {
  const pid = mariadbRunning(l);
  if (pid === undefined) return;
  if (await terminate(pid, 60_000))
    console.warn(`[store] mariadbd ${pid} did not stop within 60 s; killed it (InnoDB recovers on next start)`);
}

export function rootConnection(l: Layout, password: string): Promise<Connection> {
  return mysql.createConnection({ socketPath: l.socket, user: 'root', password, connectTimeout: 2000 });
}

/** What OpenCart uses: TCP to 127.0.0.1 as the store's own user. */
export function appConnection(port: number, db: DbCredentials): Promise<Connection> {
  return mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: db.username,
    password: db.password,
    database: db.database,
    connectTimeout: 2000,
  });
}

/**
 * On a fresh datadir: root gets a password and keeps only root@localhost (the socket); the
 * password-less root accounts for 127.0.0.1, ::1 and the host name go; OpenCart gets its own
 * database and a user limited to it, reachable by TCP on 127.0.0.1.
 */
export async function secureFreshDatadir(l: Layout, db: DbCredentials): Promise<void> {
  const c = await rootConnection(l, '');
  try {
    const [others] = await c.query<mysql.RowDataPacket[]>(
      "SELECT user AS u, host AS h FROM mysql.user WHERE (user = 'root' AND host <> 'localhost') OR user = ''",
    );
    for (const { u, h } of others) await c.query('DROP USER ?@?', [u, h]);
    await c.query('ALTER USER root@localhost IDENTIFIED BY ?', [db.rootPassword]);
    await c.query(`CREATE DATABASE \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    for (const host of ['127.0.0.1', 'localhost']) {
      await c.query('CREATE USER ?@? IDENTIFIED BY ?', [db.username, host, db.password]);
      await c.query(`GRANT ALL PRIVILEGES ON \`${db.database}\`.* TO ?@?`, [db.username, host]);
    }
  } finally {
    await c.end();
  }
}
