/**
 * `npm run store -- [start|stop|status|rebuild] [--env-out PATH]`: a real local OpenCart 3.0.5.0
 * store (Apache + mod_php, MariaDB, both on 127.0.0.1) for the QA suites.
 *   start    (default) build the store once if needed, start it, wait until the admin answers, and
 *            print the .env lines (QA_BASE_URL, OC_* logins, OC_API_*, QA_STORE_DB) on stdout
 *   stop     stop Apache and MariaDB of every store in the cache, cleanly, by their pid files
 *   status   list the stores in the cache and what of them runs (exit 1 when none runs)
 *   rebuild  wipe the current store and build it again, then start it
 * --env-out PATH  also write the .env lines to PATH (atomically: a temporary file, then a rename).
 *                  Not `--env-file`: Node takes that as its own option anywhere before a `--`, even
 *                  after the script name, and exits "node: PATH: not found" (nodejs/node#54232).
 * Settings: OPENCART_SOURCE, EXTENSION_SOURCE, STORE_PORT (8780), STORE_DB_PORT (3307), MESCHAIN_QA_CACHE.
 */
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureStore, rebuildStore, stopStores, storeStatus } from './index.ts';
import { portFree } from './proc.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'env-out': { type: 'string' } } });
const command = positionals[0] ?? 'start';
const started = Date.now();

function writeEnvFile(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600 }); // it holds passwords
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

try {
  switch (command) {
    case 'start':
    case 'rebuild': {
      const store = await (command === 'rebuild' ? rebuildStore() : ensureStore());
      const text =
        Object.entries(store.env)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n') + '\n';
      if (values['env-out']) {
        writeEnvFile(resolve(values['env-out']), text);
        console.error(`[store] wrote ${resolve(values['env-out'])}`);
      }
      console.error(
        `[store] ${command} took ${((Date.now() - started) / 1000).toFixed(1)} s; store folder ${store.folder}`,
      );
      // with --env-out the secrets are in that file (mode 0600); stdout (a CI log) shows them masked
      const secret = /(PASSWORD|_KEY)=|^QA_STORE_DB=/;
      process.stdout.write(
        values['env-out']
          ? text
              .split('\n')
              .map((l) =>
                secret.test(l)
                  ? l
                      .replace(/=.*/, '=*** (in the --env-out file)')
                      .replace(/^(QA_STORE_DB=).*/, '$1*** (in the --env-out file)')
                  : l,
              )
              .join('\n')
          : text,
      );
      break;
    }
    case 'stop': {
      const stopped = await stopStores();
      console.error(stopped.length ? `[store] stopped ${stopped.join(', ')}` : '[store] no store was running');
      break;
    }
    case 'status': {
      const all = storeStatus();
      if (all.length === 0) console.log('no store built yet (npm run store builds one)');
      for (const s of all) {
        const state = [
          s.apachePid ? `apache pid ${s.apachePid} on 127.0.0.1:${s.port}` : 'apache stopped',
          s.mariadbPid ? `mariadb pid ${s.mariadbPid} on 127.0.0.1:${s.dbPort}` : 'mariadb stopped',
        ];
        console.log(
          `${s.current ? '*' : ' '} ${s.name}${s.name.endsWith('.partial') ? ' (unfinished build)' : ''}: ${state.join(', ')}\n    ${s.folder}`,
        );
        if (s.apachePid && s.port && (await portFree(s.port)))
          console.log(`    warning: apache runs but 127.0.0.1:${s.port} is not listening`);
      }
      process.exitCode = all.some((s) => s.apachePid && s.mariadbPid) ? 0 : 1;
      break;
    }
    default:
      console.error(`store: expected a command start, stop, status or rebuild; found ${JSON.stringify(command)}.`);
      process.exitCode = 2;
  }
} catch (e) {
  console.error(`[store] ERROR: ${(e as Error).message}`);
  process.exitCode = 1;
}
