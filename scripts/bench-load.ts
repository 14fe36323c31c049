/**
 * Load benchmark: how many requests per second the reference target serves to admins polling
 * the hub while p95 stays under 200 ms, and what k6 itself costs. Starts the target as its own
 * process (`node reference-target/main.ts`), then runs perf/bench.k6.ts with 1, 2, 4, … VUs
 * (closed model, no pause; each step bounded in time and polls) until p95 reaches 200 ms or
 * errors appear, reading both processes' CPU time from /proc/<pid>/stat. Prints a Markdown table
 * for the README and writes reports/bench-load.json. Numbers, not assertions.
 *   bash scripts/with-toolchain.sh node scripts/bench-load.ts [--seconds 10] [--max-vus 256]
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, promisify } from 'node:util';
import { PROJECT_ROOT, readQaSettings } from '../fixtures/settings.ts';
import { resolveK6 } from '../perf/run-k6.ts';

const P95_LIMIT_MS = 200;
const ERROR_LIMIT_PCT = 0.1;
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, 'max-vus': { type: 'string', default: '256' } },
});
const SECONDS = Number(values.seconds);
const MAX_VUS = Number(values['max-vus']);

interface Step {
  vus: number;
  requests: number;
  rps: number;
  avgMs: number;
  p95Ms: number;
  p99Ms: number;
  errorRatePct: number;
  targetCpuS: number;
  k6CpuS: number;
}

const CLK_TCK = Number((await promisify(execFile)('getconf', ['CLK_TCK'])).stdout.trim()) || 100;

/** user + system CPU seconds of a live process. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // #14 utime, #15 stime
}

function startTarget(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', resolve(PROJECT_ROOT, 'reference-target/main.ts')],
    {
      env: { ...process.env, TARGET_PORT: '0', MESCHAIN_FAULTS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /admin:\s+(http:\/\/127\.0\.0\.1:\d+)\/admin\//.exec(line)?.[1];
      if (url) done({ child, url });
    });
    child.on('exit', (code) => fail(new Error(`the reference target exited (${code}) before it was ready`)));
  });
}

/** bash's `times` after k6 exits: the CPU k6 used (user + system of the finished child), exact. */
const WITH_CHILD_CPU = '"$@"; rc=$?; echo K6CPU; times; exit $rc';
const seconds = (t: string): number => {
  const m = /(\d+)m([\d.]+)s/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** One step: k6 with `vus` VUs, its BENCH line, and the CPU both processes used meanwhile. */
async function step(k6: string, url: string, targetPid: number, vus: number, secs: number): Promise<Step> {
  const s = readQaSettings({ QA_BASE_URL: url });
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    K6_NO_USAGE_REPORT: 'true',
    QA_BASE_URL: url,
    OC_ADMIN_USERNAME: s.users.admin.username,
    OC_ADMIN_PASSWORD: s.users.admin.password,
    BENCH_VUS: String(vus),
    BENCH_SECONDS: String(secs),
  };
  const target0 = cpuSeconds(targetPid);
  const child = spawn(
    'bash',
    [
      '-c',
      WITH_CHILD_CPU,
      'bench-step',
      k6,
      'run',
      '--quiet',
      '--no-usage-report',
      '--no-color',
      '--address',
      '',
      resolve(PROJECT_ROOT, 'perf/bench.k6.ts'),
    ],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const targetCpu = cpuSeconds(targetPid) - target0;
  const bench = lines.find((l) => l.startsWith('BENCH '));
  const children = lines[lines.indexOf('K6CPU') + 2]; // `times`: the shell's own line, then its children's
  if (!bench || !children)
    throw new Error(`k6 step with ${vus} VUs exited ${code} without its BENCH line:\n${lines.join('\n')}`);
  const [user = '', sys = ''] = children.split(' ');
  const r = JSON.parse(bench.slice(6)) as Omit<Step, 'vus' | 'targetCpuS' | 'k6CpuS'>;
  return { vus, ...r, targetCpuS: targetCpu, k6CpuS: seconds(user) + seconds(sys) };
}

const f = (x: number, d = 1) => x.toFixed(d);
const k6 = await resolveK6(process.env);
const k6Version = (await promisify(execFile)(k6, ['version'])).stdout.trim().split('\n')[0];
const { child: target, url } = await startTarget();
const steps: Step[] = [];
try {
  await step(k6, url, target.pid!, 4, 3); // warm-up (JIT, caches); not reported
  for (let vus = 1; vus <= MAX_VUS; vus *= 2) {
    const s = await step(k6, url, target.pid!, vus, SECONDS);
    steps.push(s);
    console.error(
      `[bench-load] ${vus} VUs: ${f(s.rps, 0)} req/s, p95 ${f(s.p95Ms)} ms, errors ${f(s.errorRatePct, 2)} %`,
    );
    if (s.p95Ms >= P95_LIMIT_MS || s.errorRatePct > ERROR_LIMIT_PCT) break;
  }
} finally {
  target.kill('SIGTERM');
}

const held = steps.filter((s) => s.p95Ms < P95_LIMIT_MS && s.errorRatePct <= ERROR_LIMIT_PCT);
const best = held.reduce<Step | undefined>((b, s) => (!b || s.rps > b.rps ? s : b), undefined);
const total = steps.reduce(
  (t, s) => ({ req: t.req + s.requests, k6: t.k6 + s.k6CpuS, target: t.target + s.targetCpuS }),
  { req: 0, k6: 0, target: 0 },
);
const rows = steps.map(
  (s) =>
    `| ${s.vus} | ${f(s.rps, 0)} | ${f(s.avgMs)} | ${f(s.p95Ms)} | ${f(s.p99Ms)} | ${f(s.errorRatePct, 2)} | ${f(s.targetCpuS)} | ${f(s.k6CpuS)} | ${f(s.k6CpuS / s.targetCpuS, 2)} |`,
);
console.log(
  [
    `Reference target on ${cpus().length} cores, hub polling (metrics + chartData), ${SECONDS} s per step, ${k6Version}:`,
    '',
    '| VUs | req/s | avg ms | p95 ms | p99 ms | errors % | target CPU s | k6 CPU s | k6 / target CPU |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    best
      ? `Throughput with p95 < ${P95_LIMIT_MS} ms: **${f(best.rps, 0)} req/s** (${best.vus} VUs, p95 ${f(best.p95Ms)} ms).`
      : `No step held p95 < ${P95_LIMIT_MS} ms.`,
    steps.length && steps.at(-1) !== best
      ? `Broke at ${steps.at(-1)!.vus} VUs (p95 ${f(steps.at(-1)!.p95Ms)} ms).`
      : `p95 stayed under ${P95_LIMIT_MS} ms up to ${MAX_VUS} VUs (the cap).`,
    `k6 overhead: ${f((total.k6 / total.req) * 1e6, 0)} µs CPU per request in k6 vs ${f((total.target / total.req) * 1e6, 0)} µs in the target ` +
      `(k6 used ${f(total.k6 / total.target, 2)}× the target's CPU; both share the same cores).`,
  ].join('\n'),
);
const out = resolve(PROJECT_ROOT, process.env.QA_REPORTS_DIR || 'reports', 'bench-load.json');
await mkdir(resolve(out, '..'), { recursive: true });
await writeFile(
  out,
  `${JSON.stringify({ cores: cpus().length, k6: k6Version, secondsPerStep: SECONDS, steps, best: best ?? null }, null, 2)}\n`,
);
console.error(`[bench-load] wrote ${out}`);
