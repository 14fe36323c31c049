/**
 * `npm run bench`: measures the reference target — start-up time (a fresh `npm run target`
 * process until it says ready), reset-to-seed time, and single-user median / p95 latency of the
 * hub dashboard page and the metrics route. Prints a Markdown table for the README and writes
 * reports/benchmark.json. Numbers, not assertions: machines here are shared and noisy.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../fixtures/settings.ts';
import { launchTarget } from '../self-tests/helpers/target.ts';
import { loginOverHttp } from '../fixtures/opencart/login.ts';
import { AdminClient } from '../fixtures/opencart/admin-client.ts';

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (n: number) => Math.round(n * 10) / 10;

async function startupMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [resolve(PROJECT_ROOT, 'reference-target/main.ts')], {
    env: { ...process.env, TARGET_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveP, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready in')) {
        const elapsed = performance.now() - started;
        child.kill('SIGTERM');
        resolveP(elapsed);
      }
    });
    child.on('exit', (code) => {
      if (!out.includes('ready in')) reject(new Error(`target exited ${code} before ready:\n${out}`));
    });
  });
}

async function latency(fn: () => Promise<unknown>, n: number): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return { median: ms(quantile(xs, 0.5)), p95: ms(quantile(xs, 0.95)) };
}

const startups: number[] = [];
for (let i = 0; i < 3; i++) startups.push(await startupMs());

const { target, settings } = await launchTarget();
const resets: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  await target.reset();
  resets.push(performance.now() - t0);
}
const admin = new AdminClient(settings, await loginOverHttp(settings, 'admin'));
const dashboard = await latency(() => admin.raw('GET', 'extension/module/meschain_sync'), 200);
const metrics = await latency(() => admin.get('extension/module/meschain_sync/metrics'), 200);
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
await target.close();

const result = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  startup_ms_median: ms(quantile(startups, 0.5)),
  reset_ms_median: ms(quantile(resets, 0.5)),
  reset_ms_max: ms(Math.max(...resets)),
  dashboard_page_ms: dashboard,
  metrics_route_ms: metrics,
  rss_mb_after: rssMb,
};
mkdirSync(resolve(PROJECT_ROOT, 'reports'), { recursive: true });
writeFileSync(resolve(PROJECT_ROOT, 'reports', 'benchmark.json'), JSON.stringify(result, null, 2));
console.log(`\n${result.machine}\n`);
console.log('| measure | value |\n|---|---|');
console.log(`| target start-up (process start → ready, median of 3) | ${result.startup_ms_median} ms |`);
console.log(`| reset to seed (median / max of 20) | ${result.reset_ms_median} / ${result.reset_ms_max} ms |`);
console.log(`| hub dashboard page, single user (median / p95 of 200) | ${dashboard.median} / ${dashboard.p95} ms |`);
console.log(`| metrics route, single user (median / p95 of 200) | ${metrics.median} / ${metrics.p95} ms |`);
console.log(`| RSS of target + client process after the run | ${rssMb} MB |`);
