/** Small process helpers for the store: run a command, pid files, waiting, free ports. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Runs a command to completion; its output goes to `logFile`. Throws with the output's tail on failure. */
export function run(cmd: string, args: string[], logFile: string, opts: { cwd?: string } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  appendFileSync(logFile, `$ ${cmd} ${args.join(' ')}\n${out}\n`);
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`${cmd} ${args[0] ?? ''} failed (${why}); last output:\n${tail(out)}\n(full log: ${logFile})`);
  }
  return out;
}

export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function tailOfFile(path: string, lines = 15): string {
  return existsSync(path) ? tail(readFileSync(path, 'utf8'), lines) : `(no ${path})`;
}

/** Whether a process runs (a zombie, exited but not yet reaped by its parent, does not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; the state letter follows the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * The live process a pid file names, if its command line contains `marker` (the store's own
 * datadir or config path): a stale pid file whose number was reused by another program must not
 * get that program killed.
 */
export function pidOf(pidFile: string, marker: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return undefined;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
  return cmdline.includes(marker) ? pid : undefined;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it answers true; throws `failure()` after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  failure: () => string,
  everyMs = 200,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(failure());
    await sleep(everyMs);
  }
}

/** Whether nothing listens on 127.0.0.1:port (by trying to listen there ourselves). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createServer();
    s.once('error', () => done(false));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => s.close(() => done(true)));
  });
}

/** Sends SIGTERM and waits for the process to exit (SIGKILL after `timeoutMs`). True if it was killed. */
export async function terminate(pid: number, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  try {
    await waitFor(
      () => !alive(pid),
      timeoutMs,
      () => 'timeout',
      100,
    );
    return false;
  } catch {
    process.kill(pid, 'SIGKILL');
    await waitFor(
      () => !alive(pid),
      5000,
      () => `process ${pid} survived SIGKILL`,
      100,
    );
    return true;
  }
}
