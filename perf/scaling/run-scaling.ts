/**
 * The scaling check: the same calls on the seed and on `factor` times its data (two reference
 * targets started here, TARGET_DATA_SCALE=1 and =factor), median time of each, and the ratio.
 * A route whose cost grows much faster than its data is a defect even when each call is fast;
 * the gate judges the ratios (`perf.scaling.*`). Writes `<reportsDir>/scaling/summary.json`.
 *
 * Only against the reference target: a real store has one size.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AdminClient } from '../../fixtures/opencart/admin-client.ts';
import { loginOverHttp } from '../../fixtures/opencart/login.ts';
import { readQaSettings } from '../../fixtures/settings.ts';
import { writeFileAtomic } from '../../gate/atomic-write.ts';

export const DEFAULT_SCALING_FACTOR = 10;

/** One measured operation: what it calls and how many samples its median takes. */
interface ScalingOp {
  id: 'report' | 'push';
  title: string;
  samples: number;
  run(api: AdminClient): Promise<void>;
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * One call, tried up to 3 times on a 5xx answer: the scaling check measures cost, and a store
 * that fails requests (the `api-errors` fault) is the error-rate condition's business.
 */
async function call<T>(api: AdminClient, route: string, params: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await api.call<T>(route, params);
      if (res.status < 500 || attempt === 3) return res;
    } catch (err) {
      // a 5xx HTML error page is not JSON: the client throws; try again, up to 3 times
      if (attempt === 3) throw err;
    }
  }
}

async function waitForJob(api: AdminClient, jobId: number): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const job = (await call<{ job?: { status: string; error: string | null } }>(api, 'hub.job', { job_id: jobId })).body
      .job;
    if (job?.status === 'done') return;
    if (job?.status === 'failed') throw new Error(`push job ${jobId} failed: ${job.error ?? 'no reason'}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`push job ${jobId} did not finish`);
}

export const SCALING_OPS: readonly ScalingOp[] = [
  {
    id: 'report',
    title: 'sales report over 90 days, every marketplace',
    samples: 7,
    async run(api) {
      const res = await call(api, 'reporting.generateReport', {
        report_type: 'sales',
        date_start: day(90),
        date_end: day(0),
        marketplace: 'all',
      });
      if (res.status !== 200 || !(res.body as { report?: unknown }).report)
        throw new Error(`generateReport answered ${res.status}: ${res.text.slice(0, 200)}`);
    },
  },
  {
    id: 'push',
    title: 'product push of 50 products to Trendyol',
    samples: 5,
    async run(api) {
      const res = await call<{ job_id: number }>(api, 'trendyol.sync_products', { limit: 50 });
      if (!res.body.job_id) throw new Error(`sync_products answered ${res.status}: ${res.text.slice(0, 200)}`);
      await waitForJob(api, res.body.job_id);
    },
  },
];

export interface ScalingResult {
  id: string;
  title: string;
  samples: number;
  baseMs: number;
  grownMs: number;
  ratio: number;
}
export interface ScalingSummary {
  generatedBy: 'meschain-qa';
  factor: number;
  ops: ScalingResult[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timeOps(env: NodeJS.ProcessEnv, scale: number): Promise<Record<string, number>> {
  const [{ startTarget }, { readTargetConfig }] = await Promise.all([
    import('../../reference-target/target.ts'),
    import('../../reference-target/config.ts'),
  ]);
  const target = await startTarget(
    readTargetConfig({
      ...env,
      TARGET_PORT: '0',
      TARGET_DB_PATH: ':memory:',
      TARGET_DATA_SCALE: String(scale),
      SIM_TRENDYOL_PORT: '0',
      SIM_HEPSIBURADA_PORT: '0',
      SIM_N11_PORT: '0',
    }),
  );
  try {
    const settings = readQaSettings({ ...env, QA_BASE_URL: target.storeUrl, QA_TARGET_KIND: 'reference' });
    const api = new AdminClient(settings, await loginOverHttp(settings, 'admin'));
    const out: Record<string, number> = {};
    for (const op of SCALING_OPS) {
      await op.run(api); // warm-up: compiled statements, JIT
      const times: number[] = [];
      for (let i = 0; i < op.samples; i++) {
        const t = performance.now();
        await op.run(api);
        times.push(performance.now() - t);
      }
      out[op.id] = median(times);
    }
    return out;
  } finally {
    await target.close();
  }
}

export async function runScaling(opts: {
  reportsDir: string;
  env: NodeJS.ProcessEnv;
  factor?: number;
}): Promise<ScalingSummary> {
  const factor = opts.factor ?? DEFAULT_SCALING_FACTOR;
  const base = await timeOps(opts.env, 1);
  const grown = await timeOps(opts.env, factor);
  const summary: ScalingSummary = {
    generatedBy: 'meschain-qa',
    factor,
    ops: SCALING_OPS.map((op) => {
      const baseMs = base[op.id]!,
        grownMs = grown[op.id]!;
      // a floor of 1 ms: sub-millisecond calls are noise, not a cost to divide by
      return {
        id: op.id,
        title: op.title,
        samples: op.samples,
        baseMs: Math.round(baseMs * 10) / 10,
        grownMs: Math.round(grownMs * 10) / 10,
        ratio: Math.round((Math.max(grownMs, 1) / Math.max(baseMs, 1)) * 100) / 100,
      };
    }),
  };
  const dir = resolve(opts.reportsDir, 'scaling');
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(resolve(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
