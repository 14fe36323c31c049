/**
 * Re-records the k6 outputs that self-tests/gate/k6-adapter.test.ts reads, with the pinned k6
 * (scripts/setup.sh) and the real perf/meschain.k6.ts against fresh reference targets:
 *   smoke.json             a clean smoke run
 *   smoke-slow-api.json    the smoke run with the `slow-api` fault (average thresholds crossed)
 *   smoke-api-errors.json  the smoke run with the `api-errors` fault (error-rate and checks thresholds crossed)
 *   zero-samples.json      a run stopped (k6 REST API) before its first request: k6 still writes a summary
 *   truncated.json         smoke.json cut off half-way, as a crash while writing would leave it
 *   empty.json             an empty file
 *   stress.json            the stress profile until its first broken step (with --stress: takes minutes)
 * Run after a k6 upgrade:  bash scripts/with-toolchain.sh node self-tests/gate/recorded/k6/record.ts [--stress]
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { launchTarget } from '../../../helpers/target.ts';
import { K6_SCRIPT, k6Env, resolveK6, runLoad } from '../../../../perf/run-k6.ts';
import type { FaultName } from '../../../../reference-target/faults.ts';
import type { LoadProfile } from '../../../../perf/config/profiles.ts';

const HERE = import.meta.dirname;
const work = mkdtempSync(join(tmpdir(), 'k6-record-'));

async function record(name: string, faults: FaultName[], profile: LoadProfile = 'smoke'): Promise<void> {
  const t = await launchTarget(faults);
  try {
    const reportsDir = join(work, name);
    const r = await runLoad({ baseUrl: t.target.storeUrl, profile, gateProfile: 'local', reportsDir, env: process.env });
    copyFileSync(r.summaryPath, resolve(HERE, name));
    console.log(`recorded ${name} (k6 exit ${r.exitCode})`);
  } finally {
    await t.target.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** Starts k6 paused and stops it through its REST API: the summary of a run without a single sample. */
async function zeroSamples(): Promise<void> {
  const t = await launchTarget();
  try {
    const k6 = await resolveK6(process.env);
    const port = await freePort();
    const summary = join(work, 'zero.json');
    const env = k6Env({ baseUrl: t.target.storeUrl, profile: 'smoke', gateProfile: 'local', reportsDir: work, env: process.env }, summary);
    const child = spawn(k6, ['run', '--no-usage-report', '--quiet', '--paused', '--address', `127.0.0.1:${port}`, K6_SCRIPT], { env, stdio: 'inherit' });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    for (let i = 0; i < 100; i++) {
      const status = await fetch(`http://127.0.0.1:${port}/v1/status`).then((r) => r.ok, () => false);
      if (status) break;
      await delay(100);
    }
    await fetch(`http://127.0.0.1:${port}/v1/status`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { type: 'status', id: 'default', attributes: { stopped: true } } }),
    });
    console.log(`recorded zero-samples.json (k6 exit ${await exited})`);
    copyFileSync(summary, resolve(HERE, 'zero-samples.json'));
  } finally {
    await t.target.close();
  }
}

await record('smoke.json', []);
await record('smoke-slow-api.json', ['slow-api']);
await record('smoke-api-errors.json', ['api-errors']);
if (process.argv.includes('--stress')) await record('stress.json', [], 'stress');
await zeroSamples();
const full = readFileSync(resolve(HERE, 'smoke.json'), 'utf8');
writeFileSync(resolve(HERE, 'truncated.json'), full.slice(0, Math.floor(full.length / 2)));
writeFileSync(resolve(HERE, 'empty.json'), '');
rmSync(work, { recursive: true, force: true });
