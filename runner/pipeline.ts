/**
 * The whole `npm run qa`, as stages (runner/stages/), each a small module with its own tests:
 *
 *   1. select the suites and check the settings  (select-suites.ts, check-settings.ts) — exit 2 before anything starts
 *   2. prepare the store: clear the report folders, start the run's own reference target, preflight  (preflight.ts)
 *   3. run the tools: Playwright, the scaling check, k6, Lighthouse  (run-tools.ts)
 *   4. adapt their outputs into one result model  (adapt.ts)
 *   5. evaluate the gate and write its files  (evaluate.ts)
 *   6. report: masked artifacts, Allure, gate.md, the verdict, the time budget  (report.ts)
 *
 * `--merge` replaces 2–3 with combining partial runs' folders (merge.ts).
 */
import { resolve } from 'node:path';
import { loadDotEnv, PROJECT_ROOT, readQaSettings, type QaSettings } from '../fixtures/settings.ts';
import type { Preflight } from '../fixtures/opencart/preflight.ts';
import { forgetLogins } from '../fixtures/auth/login-count.ts';
import type { GateResult } from '../gate/engine.ts';
import type { Suite } from '../gate/model.ts';
import { readTargetConfig } from '../reference-target/config.ts';
import { startTarget, type RunningTarget } from '../reference-target/target.ts';
import type { QaOptions } from './options.ts';
import { clearReportFolders } from './report-folders.ts';
import { CouldNotEvaluate, say } from './say.ts';
import { availableSuites } from './suites.ts';
import { Timings } from './timings.ts';
import { adapt } from './stages/adapt.ts';
import { checkSettings } from './stages/check-settings.ts';
import { judge } from './stages/evaluate.ts';
import { mergePartialRuns } from './stages/merge.ts';
import { blockedBy, endRunSessions, preflightMetrics, preflightStore, scopeOf } from './stages/preflight.ts';
import { report } from './stages/report.ts';
import { runTools } from './stages/run-tools.ts';
import { selectSuites } from './stages/select-suites.ts';

export { CouldNotEvaluate } from './say.ts';

/** `undefined` when there was nothing to evaluate (a --shard run, or --changed with nothing to test). */
export async function runQa(opts: QaOptions): Promise<GateResult | undefined> {
  loadDotEnv();
  const reportsDir = resolve(PROJECT_ROOT, process.env.QA_REPORTS_DIR || 'reports');
  if (opts.merge.length) return merged(opts, reportsDir);
  const requested = selectSuites(opts);
  if (!requested) return undefined;
  const timings = new Timings();
  const { env, settings, ownTargets } = await checkSettings(opts, requested, reportsDir, timings);

  // stale results must never be read as this run's evidence
  clearReportFolders(reportsDir);
  const startedAt = Date.now();
  // own targets: the preflight runs against the reference target k6 and Lighthouse use later (one start, not two)
  let target: RunningTarget | undefined;
  if (ownTargets) {
    try {
      target = await timings.time(
        'target start',
        startTarget(readTargetConfig({ ...env, TARGET_PORT: process.env.QA_TARGET_PORT ?? '0' })),
      );
    } catch (err) {
      throw new CouldNotEvaluate(`the reference target did not start: ${(err as Error).message}`);
    }
  }
  forgetLogins(env);
  try {
    const preflight = await preflightStore(env, target?.storeUrl, reportsDir, timings);
    const scope = scopeOf(preflight, requested, env);
    const tools = await runTools(
      { opts, reportsDir, suites: scope.suites, env, settings, ownTargets, target, timings },
      scope.runMetrics,
    );
    if (opts.shard) {
      say(
        `shard ${opts.shard.index}/${opts.shard.total} done: blob report in ${resolve(reportsDir, 'blob')}; merge the shards with --merge.`,
      );
      return undefined;
    }
    const store = ownTargets
      ? 'reference target (one per Playwright worker, one for k6 and Lighthouse)'
      : settings.baseUrl;
    return await gateAndReport({
      opts,
      reportsDir,
      suites: scope.suites,
      env,
      settings,
      timings,
      startedAt,
      store,
      toolErrors: tools.toolErrors,
      runMetrics: tools.runMetrics,
      blocked: scope.blocked,
      preflight,
    });
  } finally {
    await endRunSessions(env);
    await target?.close();
  }
}

async function merged(opts: QaOptions, reportsDir: string): Promise<GateResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, QA_REPORTS_DIR: reportsDir };
  const m = await mergePartialRuns(opts.merge, reportsDir, env);
  const requested = opts.suites === 'all' ? availableSuites() : opts.suites;
  // an absent extension blocks the same suites as in one run
  const blocked = blockedBy(m.preflight, requested);
  const suites = requested.filter((s) => !blocked.some((b) => b.suite === s));
  say(`merged ${opts.merge.length} partial runs (${m.blobs} Playwright blob reports) for: ${suites.join(', ')}`);
  if (m.preflight) say(`preflight of the partial runs: ${m.preflight.summary}`);
  const settings = readQaSettings({ ...process.env, QA_BASE_URL: process.env.QA_BASE_URL || 'http://127.0.0.1:1' });
  return gateAndReport({
    opts,
    reportsDir,
    suites,
    env,
    settings,
    timings: new Timings(),
    startedAt: Date.now(),
    store: settings.baseUrl,
    toolErrors: [],
    runMetrics: preflightMetrics(m.preflight),
    blocked,
    ...(m.preflight ? { preflight: m.preflight } : {}),
  });
}

interface Finish {
  opts: QaOptions;
  reportsDir: string;
  suites: Suite[];
  env: NodeJS.ProcessEnv;
  timings: Timings;
  startedAt: number;
  store: string;
  toolErrors: { suite: Suite; message: string }[];
  runMetrics: Record<string, number>;
  blocked: { suite: Suite; reason: string }[];
  settings: QaSettings;
  preflight?: Preflight;
}

/** Stages 4–6: adapt, evaluate, report. */
async function gateAndReport(f: Finish): Promise<GateResult> {
  // contract coverage comes from the same tables the API specs are generated from: shard-independent
  if (f.suites.includes('api'))
    (await import('../fixtures/api/coverage.ts')).writeCoverage(resolve(f.reportsDir, 'api', 'coverage.json'));
  const adapted = await f.timings.time('adapters', adapt(f.suites, f.reportsDir, f.toolErrors));
  const { settings } = f;
  const gateStarted = performance.now();
  const gate = judge({
    reportsDir: f.reportsDir,
    profile: f.opts.profile,
    suites: f.suites,
    adapted,
    runMetrics: f.runMetrics,
    targetKind: settings.kind,
    blocked: f.blocked,
    ...(f.preflight ? { preflight: f.preflight } : {}),
  });
  f.timings.add('gate', performance.now() - gateStarted);
  await report({
    opts: f.opts,
    reportsDir: f.reportsDir,
    suites: f.suites,
    settings,
    env: f.env,
    gate,
    results: adapted.results,
    store: f.store,
    startedAt: f.startedAt,
    timings: f.timings,
    ...(f.preflight ? { preflight: f.preflight } : {}),
  });
  return gate;
}
