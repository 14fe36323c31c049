/**
 * `npm run target`: starts the reference target (OpenCart 3 admin twin with MesChain-Sync and the
 * marketplace simulators) on 127.0.0.1 and keeps it running until Ctrl-C / SIGTERM.
 */
import { loadDotEnv, readTargetConfig } from './config.ts';
import { FAULTS } from './faults.ts';
import { startTarget } from './target.ts';

const started = performance.now();
let config;
try {
  loadDotEnv();
  config = readTargetConfig();
} catch (err) {
  console.error(`[target] configuration error: ${(err as Error).message}`);
  process.exit(2);
}
try {
  const target = await startTarget(config);
  const ms = Math.round(performance.now() - started);
  console.log(`[target] MesChain-Sync reference target ready in ${ms} ms`);
  console.log(`[target] admin:       ${target.storeUrl}/admin/  (user ${config.users.admin.username})`);
  console.log(
    `[target] simulators:  ${Object.entries(target.app.simulators)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const faults = target.app.faults.list();
  console.log(
    `[target] faults:      ${faults.length ? faults.map((f) => `${f} (${FAULTS[f].effect})`).join('; ') : 'none'}`,
  );
  const stop = async () => {
    await target.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    console.error(
      `[target] port ${config.port} on 127.0.0.1 is already in use. Stop what runs there or set TARGET_PORT in .env (0 = any free port).`,
    );
  } else {
    console.error('[target] failed to start:', err);
  }
  process.exit(2);
}
