/**
 * One Playwright run in the sandbox: the chosen projects, optionally only the tests of a
 * `--test-list`, with one mutant switched on (or none). Its outcome is read with the gate's own
 * Playwright adapter, so a test counts for the suite it counts for in `npm run qa`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readAxeResults } from '../../gate/adapters/axe.ts';
import { readPlaywrightResults } from '../../gate/adapters/playwright.ts';
import { GATES } from '../../gate/gates.ts';
import { compare, effectiveConditions } from '../../gate/engine.ts';
import type { Suite } from '../../gate/model.ts';
import { A11Y_BASELINE } from '../../a11y/baseline.ts';
import type { BaselineEntry } from '../../a11y/baseline-types.ts';

export interface PlaywrightRun {
  sandbox: string;
  projects: string[];
  /** a file of `[project] › file › title` lines; every test of the projects when absent */
  testList?: string;
  /** only tests whose title or tags match (Playwright's --grep) */
  grep?: string;
  mutant?: string;
  coverageDir?: string;
  /** the run is stopped after this long and counted as a timeout */
  timeoutMs: number;
  reportsDir: string;
  /** more Playwright arguments, e.g. --max-failures=1 */
  extraArgs?: string[];
  /** Playwright retries per test (QA_RETRIES) */
  retries: number;
  /** Playwright's per-test timeout; the config's 30 s when absent */
  testTimeoutMs?: number;
}

export interface RunOutcome {
  /** failed tests (after retries) per suite */
  failed: Map<Suite, string[]>;
  /** tests that ran (passed or failed, not skipped or left unrun after --max-failures) per suite */
  ran: Map<Suite, number>;
  testsRun: number;
  /** the run did not finish in time (a mutant that hangs the target) */
  timedOut: boolean;
  /** Playwright could not run or its report could not be read */
  error?: string;
  durationMs: number;
}

/** The environment of a run: the reference target's defaults, nothing from the user's shell that could point elsewhere. */
export function runEnv(
  base: NodeJS.ProcessEnv,
  run: Pick<PlaywrightRun, 'mutant' | 'coverageDir' | 'reportsDir' | 'retries'>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (!/^(QA_|MESCHAIN_|TARGET_|SIM_|__STRYKER_|PLAYWRIGHT_JSON)/.test(k)) env[k] = v;
  }
  // own reference targets (QA_BASE_URL empty), the default two workers
  Object.assign(env, {
    QA_REPORTS_DIR: run.reportsDir,
    QA_BASE_URL: '',
    QA_RETRIES: String(run.retries),
    QA_WORKERS: '2',
    PLAYWRIGHT_JSON_OUTPUT_FILE: join(run.reportsDir, 'results.json'),
  });
  if (run.mutant !== undefined) env.__STRYKER_ACTIVE_MUTANT__ = run.mutant;
  if (run.coverageDir) env.QA_MUTANT_COVERAGE_DIR = run.coverageDir;
  return env;
}

export async function runPlaywright(run: PlaywrightRun, base: NodeJS.ProcessEnv = process.env): Promise<RunOutcome> {
  rmSync(run.reportsDir, { recursive: true, force: true });
  mkdirSync(run.reportsDir, { recursive: true });
  const args = [
    join(run.sandbox, 'node_modules/playwright/cli.js'),
    'test',
    ...run.projects.flatMap((p) => ['--project', p]),
    '--reporter=json',
    '--trace=off',
    ...(run.testTimeoutMs ? [`--timeout=${Math.round(run.testTimeoutMs)}`] : []),
    ...(run.testList ? ['--test-list', run.testList] : []),
    ...(run.grep ? ['--grep', run.grep] : []),
    ...(run.extraArgs ?? []),
  ];
  const started = performance.now();
  const { timedOut, error } = await new Promise<{ timedOut: boolean; error?: string }>((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: run.sandbox,
      env: runEnv(base, run),
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, run.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ timedOut: false, error: `playwright could not start: ${err.message}` });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // 0 all passed, 1 some failed; anything else (a config error, a crash) is not an outcome
      resolve({
        timedOut: late,
        ...(!late && code !== 0 && code !== 1
          ? { error: `playwright exited ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}` }
          : {}),
      });
    });
  });
  const durationMs = performance.now() - started;
  const failed = new Map<Suite, string[]>();
  const ran = new Map<Suite, number>();
  if (timedOut || error) return { failed, ran, testsRun: 0, timedOut, error, durationMs };
  try {
    let testsRun = 0;
    for (const r of readPlaywrightResults(join(run.reportsDir, 'results.json'))) {
      const done = r.tests.filter((t) => t.status !== 'skipped').length;
      testsRun += done;
      ran.set(r.suite, done);
      const names = r.tests.filter((t) => t.status === 'failed').map((t) => t.id);
      if (names.length) failed.set(r.suite, names);
    }
    // axe findings never fail a test: the gate judges them. A mutant the a11y gate would block on is killed by a11y.
    const axe = axeBlockers(join(run.reportsDir, 'a11y'));
    if (axe.length) failed.set('a11y', [...(failed.get('a11y') ?? []), ...axe]);
    return { failed, ran, testsRun, timedOut, durationMs };
  } catch (err) {
    return { failed, ran, testsRun: 0, timedOut, error: (err as Error).message, durationMs };
  }
}

/** What the gate spec's blocking a11y conditions would say of these axe records: one line per red condition. */
export function axeBlockers(
  dir: string,
  now = new Date(),
  baseline: readonly BaselineEntry[] = A11Y_BASELINE,
): string[] {
  if (!existsSync(dir)) return [];
  const result = readAxeResults(dir, baseline, now, 'MesChain-Sync');
  return effectiveConditions(GATES, 'local')
    .filter((c) => c.suite === 'a11y' && c.severity === 'blocker' && c.metric in result.metrics)
    .filter((c) => !compare(result.metrics[c.metric]!, c.comparator, c.threshold))
    .map((c) => `axe: ${c.id} (${c.metric} = ${result.metrics[c.metric]})`);
}
