/**
 * The whole `npm run qa`: start the target (unless QA_BASE_URL points at a store), run the
 * selected suites, read every tool's output through its adapter, apply waivers and quarantine,
 * evaluate the gate, write reports/gate.json (atomically), the Allure report, and the verdict.
 */
import { cpSync, existsSync, globSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadDotEnv, PROJECT_ROOT, readQaSettings, secretValues, type QaSettings } from '../fixtures/settings.ts';
import { readTargetConfig } from '../reference-target/config.ts';
import { startTarget, type RunningTarget } from '../reference-target/target.ts';
import { GATES } from '../gate/gates.ts';
import { WAIVERS } from '../gate/waivers.ts';
import { QUARANTINE } from '../gate/quarantine.ts';
import { applyPolicies, PolicyError } from '../gate/policy.ts';
import { evaluate, type GateResult } from '../gate/engine.ts';
import { verdictTable } from '../gate/verdict-table.ts';
import { writeFileAtomic } from '../gate/atomic-write.ts';
import { writeAllureExtras } from '../gate/allure-writer.ts';
import { readPlaywrightResults } from '../gate/adapters/playwright.ts';
import { ResultsUnreadable, type Suite, type SuiteResult } from '../gate/model.ts';
import { availableSuites, playwrightProjects } from './suites.ts';
import { appendHistory, readBaselines, readHistory } from '../gate/regression.ts';
import { changedFiles, suitesForFiles } from './changed.ts';
import { tableDigests } from '../reference-target/control/qa-control.ts';
import { readDataWrites } from '../fixtures/clean-store.ts';
import { readTargetStarts, retriesFor, storeShape, workersFor } from '../fixtures/store.ts';
import { storeDbSource } from '../fixtures/oracle/store-db.ts';
import { formatBudgetLine, Timings } from './timings.ts';
import { readThirdPartyPolicy } from '../fixtures/third-party.ts';
import { settingProblems } from '../fixtures/settings-check.ts';
import { run } from './child.ts';
import { withProgress } from './progress.ts';
import { generateAllureReport } from './allure-report.ts';
import { gateMarkdown } from '../gate/verdict-text.ts';
import type { QaOptions } from './options.ts';
import { PreflightError, preflightTable, runPreflight, type Preflight } from '../fixtures/opencart/preflight.ts';
import { allRunSessions, clearRunSessions, writeRunSessions } from '../fixtures/auth/run-sessions.ts';
import { countLogins, forgetLogins } from '../fixtures/auth/login-count.ts';
import { logoutOverHttp } from '../fixtures/opencart/login.ts';
import { changedTables, checkStoreDb, mysqlStoreOf, rowCounts } from '../fixtures/opencart/store-tables.ts';
import { sentRequests } from '../fixtures/request-log.ts';

const say = (msg: string) => console.log(`[qa] ${msg}`);

export class CouldNotEvaluate extends Error {}

/** What a run writes under the reports folder and removes at its start: stale results are never this run's evidence. */
export const REPORT_FOLDERS = ['preflight.json', 'requests', 'allure-results', 'playwright', 'blob', 'api', 'k6', 'scaling', 'a11y', 'lighthouse', 'data-writes', 'worker-targets', '.auth'] as const;

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function chromiumVersion(path: string): string {
  try { return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return 'missing'; }
}

function gitCommit(): string {
  try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim(); } catch { return 'unknown'; }
}

interface Adapted { results: SuiteResult[]; unreadable: { suite: Suite; message: string }[] }

async function adapt(suites: Suite[], reportsDir: string): Promise<Adapted> {
  const out: Adapted = { results: [], unreadable: [] };
  const attempt = async (owners: Suite[], read: () => SuiteResult[] | Promise<SuiteResult[]>) => {
    try {
      out.results.push(...await read());
    } catch (err) {
      if (!(err instanceof ResultsUnreadable)) throw err;
      for (const s of owners) out.unreadable.push({ suite: s, message: err.message });
    }
  };
  const pwSuites = suites.filter((s) => playwrightProjects([s]).length > 0);
  if (pwSuites.length) {
    await attempt(pwSuites, () => readPlaywrightResults(resolve(reportsDir, 'playwright', 'results.json'), { coveragePath: resolve(reportsDir, 'api', 'coverage.json') }));
  }
  if (suites.includes('load')) {
    await attempt(['load'], async () => [(await import('../gate/adapters/k6.ts')).readK6Summary(resolve(reportsDir, 'k6', 'summary.json'))]);
  }
  if (suites.includes('scaling')) {
    await attempt(['scaling'], async () => [(await import('../gate/adapters/scaling.ts')).readScalingSummary(resolve(reportsDir, 'scaling', 'summary.json'))]);
  }
  // axe audits: the extension's pages are the a11y suite, OpenCart core pages part of the core suite
  const axeSuites = suites.filter((s) => s === 'a11y' || s === 'core');
  if (axeSuites.length) {
    await attempt(axeSuites, async () => {
      const { readAxeResults } = await import('../gate/adapters/axe.ts');
      const { A11Y_BASELINE } = await import('../a11y/baseline.ts');
      const now = new Date();
      return axeSuites.map((s) => readAxeResults(resolve(reportsDir, 'a11y'), A11Y_BASELINE, now, s === 'core' ? 'OpenCart core' : 'MesChain-Sync'));
    });
  }
  if (suites.includes('lighthouse')) {
    await attempt(['lighthouse'], async () => [(await import('../gate/adapters/lighthouse.ts')).readLighthouseReports(resolve(reportsDir, 'lighthouse'))]);
  }
  return out;
}

/** Playwright arguments for tags, the production guard and sharding. */
function playwrightArgs(opts: QaOptions): string[] {
  const args: string[] = [];
  if (opts.tags.length) args.push('--grep', opts.tags.join('|'));
  // production is read-only and logs in once per role: tests that write, need the reference
  // target's control, or log in on their own (@logins) never run
  if (opts.profile === 'production') args.push('--grep-invert', '@writes|@reference-only|@logins');
  if (opts.shard) args.push('--shard', `${opts.shard.index}/${opts.shard.total}`);
  return [...args, ...opts.playwrightArgs];
}

/** `undefined` when there was nothing to evaluate (a --shard run, or --changed with nothing to test). */
export async function runQa(opts: QaOptions): Promise<GateResult | undefined> {
  loadDotEnv();
  const reportsDir = resolve(PROJECT_ROOT, process.env.QA_REPORTS_DIR || 'reports');
  if (opts.merge.length) return mergeShards(opts, reportsDir);
  const available = availableSuites();
  let suites = opts.suites === 'all' ? available : opts.suites;
  if (opts.changed) {
    let files: string[];
    try { files = changedFiles(opts.changed); } catch (err) { throw new CouldNotEvaluate((err as Error).message); }
    const sel = suitesForFiles(files);
    for (const f of files) say(`changed: ${f} → ${sel.reasons[f]!.join(', ')}`);
    suites = sel.suites.filter((s) => available.includes(s));
    if (!suites.length) {
      say(`nothing to test for ${files.length ? 'this change (no file is in a zone; see zones.ts)' : `no change since ${opts.changed}`}.`);
      return undefined;
    }
    say(`suites for this change: ${suites.join(', ')}`);
  }
  const missing = suites.filter((s) => !available.includes(s));
  if (missing.length) throw new CouldNotEvaluate(`suite ${missing.join(', ')} has no tests or runner in this checkout; available: ${available.join(', ')}.`);
  if (opts.profile === 'production' && opts.loadProfile !== 'smoke') {
    throw new CouldNotEvaluate(`--env production runs the k6 smoke profile at most; found --load ${opts.loadProfile}.`);
  }
  if (opts.shard) suites = suites.filter((s) => playwrightProjects([s]).length > 0);

  const env: NodeJS.ProcessEnv = { ...process.env, QA_REPORTS_DIR: reportsDir, QA_ENV: opts.profile, ...(opts.shard ? { QA_BLOB: '1' } : {}),
    PLAYWRIGHT_BLOB_OUTPUT_DIR: resolve(reportsDir, 'blob') };
  const timings = new Timings();
  const ownTargets = storeShape(env) === 'own-reference-target';
  const toolSuites = suites.filter((s) => s === 'load' || s === 'lighthouse');
  // every setting of .env.example, checked at once: each bad one named with what is allowed
  const problems = settingProblems(env);
  if (problems.length) {
    throw new CouldNotEvaluate(problems.length === 1 ? problems[0]! : `${problems.length} settings are wrong:\n  - ${problems.join('\n  - ')}`);
  }
  let settings: QaSettings;
  try {
    // bad settings stop the run here, before any suite, not in every worker
    retriesFor(env);
    workersFor(env);
    storeDbSource(env);
    readThirdPartyPolicy(env);
    readQaSettings({ ...env, QA_BASE_URL: env.QA_BASE_URL || 'http://127.0.0.1:1' });
  } catch (err) {
    throw new CouldNotEvaluate((err as Error).message);
  }
  if (ownTargets) {
    if (env.QA_TARGET_KIND && env.QA_TARGET_KIND !== 'reference') {
      throw new CouldNotEvaluate(`QA_TARGET_KIND: expected "reference" when QA_BASE_URL is empty (the project starts its reference targets); found "${env.QA_TARGET_KIND}". Set QA_BASE_URL to your store's URL, or QA_TARGET_KIND=reference.`);
    }
    try {
      readTargetConfig(env); // a bad fault name, port or key
    } catch (err) {
      throw new CouldNotEvaluate(`the reference target cannot start: ${(err as Error).message}`);
    }
    // every Playwright worker starts its own reference target (fixtures/store.ts); k6 and Lighthouse get one of their own below
    env.QA_TARGET_KIND = 'reference';
    say(`reference target: one of its own for each Playwright worker${toolSuites.length ? `, one for ${toolSuites.map((s) => (s === 'load' ? 'k6' : 'Lighthouse')).join(' and ')}` : ''}` +
      `${process.env.MESCHAIN_FAULTS ? `; faults: ${process.env.MESCHAIN_FAULTS}` : ''}`);
  } else if (!(await timings.time('store check', reachable(`${env.QA_BASE_URL}/`)))) {
    throw new CouldNotEvaluate(`QA_BASE_URL ${env.QA_BASE_URL} is unreachable. Start the store or fix QA_BASE_URL in .env (empty = the reference target).`);
  } else {
    say(`store under test: ${env.QA_BASE_URL} (${env.QA_TARGET_KIND ?? 'reference'}); Playwright runs one worker against a shared store`);
    const db = mysqlStoreOf(storeDbSource(env));
    if (db) {
      try { await checkStoreDb(db); } catch (err) { throw new CouldNotEvaluate((err as Error).message); }
    }
  }
  try {
    // own targets: the users and secrets are the same as the target's; the URL is each worker's own
    settings = readQaSettings(ownTargets ? { ...env, QA_BASE_URL: 'http://127.0.0.1:1' } : env);
  } catch (err) {
    throw new CouldNotEvaluate((err as Error).message);
  }
  const browsers: [string, string, boolean][] = [
    ['PLAYWRIGHT_CHROMIUM_PATH', settings.playwrightChromiumPath, playwrightProjects(suites).some((p) => p !== 'api')],
    ['CHROMIUM_PATH', settings.chromiumPath, suites.includes('lighthouse')],
  ];
  for (const [name, path, needed] of browsers) {
    if (needed && !existsSync(path)) {
      throw new CouldNotEvaluate(`${name}: expected a Chromium binary at ${path}; found none. Run \`npm run setup\` (installs Debian's chromium and chromium-headless-shell) or set ${name}.`);
    }
  }

  // stale results must never be read as this run's evidence
  for (const dir of REPORT_FOLDERS) rmSync(resolve(reportsDir, dir), { recursive: true, force: true });
  mkdirSync(resolve(reportsDir, 'allure-results'), { recursive: true });
  const startedAt = Date.now();

  // preflight, before any suite: what the store is and has. Own targets: against the reference
  // target k6 and Lighthouse use later (started here, so it is one start, not two).
  let target: RunningTarget | undefined;
  if (ownTargets) {
    try {
      target = await timings.time('target start', startTarget(readTargetConfig({ ...env, TARGET_PORT: process.env.QA_TARGET_PORT ?? '0' })));
    } catch (err) {
      throw new CouldNotEvaluate(`the reference target did not start: ${(err as Error).message}`);
    }
  }
  forgetLogins(env);
  try {
    return await runSuites({ opts, reportsDir, suites, env, timings, ownTargets, settings, target, startedAt });
  } finally {
    await endRunSessions(env);
    await target?.close();
  }
}

/** Logs the preflight's sessions out (once per role, at the end of the run). */
async function endRunSessions(env: NodeJS.ProcessEnv): Promise<void> {
  const run = allRunSessions(env);
  if (!run) return;
  const s = readQaSettings({ ...env, QA_BASE_URL: run.baseUrl });
  for (const session of run.sessions) await logoutOverHttp(s, session).catch(() => {});
  clearRunSessions(env);
}

interface SuiteRun {
  opts: QaOptions; reportsDir: string; suites: Suite[]; env: NodeJS.ProcessEnv; timings: Timings; ownTargets: boolean;
  settings: QaSettings; target: RunningTarget | undefined; startedAt: number;
}

/** Preflight of the store; stops the run (exit 2) when it is not testable at all. */
async function preflightOf(sr: SuiteRun): Promise<Preflight> {
  const pfSettings = readQaSettings(sr.target ? { ...sr.env, QA_BASE_URL: sr.target.storeUrl } : sr.env);
  let preflight: Preflight;
  try {
    // its sessions stay open: the run borrows them (one login per role per run) and ends them once
    const r = await sr.timings.time('preflight', runPreflight(pfSettings, { keep: true }));
    preflight = r.preflight;
    writeRunSessions(sr.env, pfSettings.baseUrl, r.sessions);
  } catch (err) {
    if (err instanceof PreflightError) throw new CouldNotEvaluate(`preflight: ${err.message}`);
    throw err;
  }
  say(`preflight: ${preflight.summary}`);
  console.log(preflightTable(preflight).split('\n').map((l) => `  ${l}`).join('\n'));
  writeFileAtomic(resolve(sr.reportsDir, 'preflight.json'), `${JSON.stringify(preflight, null, 2)}\n`);
  return preflight;
}

async function runSuites(sr: SuiteRun): Promise<GateResult | undefined> {
  const { opts, reportsDir, env, timings, ownTargets, settings, target, startedAt } = sr;
  const preflight = await preflightOf(sr);
  // MesChain-Sync absent: only OpenCart's own checks (@core) have something to test; every other
  // suite is "could not evaluate" with the preflight's one sentence, never a pass
  const blocked = preflight.extension === 'absent' ? sr.suites.filter((s) => s !== 'core').map((s) => ({ suite: s, reason: preflight.summary })) : [];
  const suites = sr.suites.filter((s) => !blocked.some((b) => b.suite === s));
  // projects only the core suite needs (its tests share projects with other suites) run only @core tests
  const others = playwrightProjects(suites.filter((s) => s !== 'core'));
  const coreOnly = suites.includes('core') ? playwrightProjects(['core']).filter((p) => !others.includes(p)) : [];
  if (coreOnly.length) env.QA_CORE_ONLY_PROJECTS = coreOnly.join(',');
  else delete env.QA_CORE_ONLY_PROJECTS;
  // the origins the store calls itself (its <base href>: config.php's HTTP_SERVER) are the store's own, never third-party
  env.QA_STORE_ORIGINS = preflight.origins.join(',');
  if (blocked.length) say(`suites not run (the extension is not installed, see the preflight): ${blocked.map((b) => b.suite).join(', ')}`);
  const projects = playwrightProjects(suites);
  const toolSuites = suites.filter((s) => s === 'load' || s === 'lighthouse');
  const toolErrors: { suite: Suite; message: string }[] = [];
  let runMetrics: Record<string, number> = {};
  // partly installed: each missing module is one finding; tests reaching for its routes are skipped with that reason
  const missing = preflight.modules.filter((m) => m.access.admin !== 'page');
  if (preflight.extension !== 'absent') {
    runMetrics = { 'preflight.modules_probed': preflight.modules.length, 'preflight.modules_missing': missing.length };
    for (const m of missing) say(`route missing: ${m.route} answers the administrator "${m.access.admin}"${m.listed ? '' : ' (not listed under Extensions › Modules)'}`);
    if (missing.length) env.QA_MISSING_MODULES = missing.map((m) => `${m.code}:${m.access.admin}`).join(',');
  }
  const productionWrites: string[] = [];
  // a real store in production: the row count of every oc_ table before and after, read beside the store
  const mysqlStore = settings.kind === 'opencart' && opts.profile === 'production' ? mysqlStoreOf(storeDbSource(env)) : undefined;
  const countsBefore = mysqlStore ? await timings.time('row counts', rowCounts(mysqlStore)) : undefined;
  if (projects.length) {
    say(`Playwright: ${projects.join(', ')}${opts.shard ? ` (shard ${opts.shard.index}/${opts.shard.total})` : ''}`);
    const r = await timings.time('Playwright', run('playwright', ['test', ...projects.flatMap((p) => ['--project', p]), ...playwrightArgs(opts)], { env }));
    const starts = readTargetStarts(env);
    if (starts.count) timings.inside('Playwright', `${starts.count} worker target starts`, starts.ms, workersFor(env));
    if (r.error) for (const s of suites.filter((x) => playwrightProjects([x]).length)) toolErrors.push({ suite: s, message: r.error });
    if (settings.kind === 'reference') {
      let writes: ReturnType<typeof readDataWrites>;
      try {
        writes = readDataWrites(env);
      } catch (err) {
        throw new CouldNotEvaluate((err as Error).message);
      }
      if (writes.testsChecked > 0) {
        runMetrics = { ...runMetrics, 'data.digest_checked': 1, 'data.tables_changed': writes.tables.length };
        for (const w of writes.writers) productionWrites.push(`${w.test} wrote ${Object.entries(w.tables).map(([t, n]) => `${n} row(s) of ${t}`).join(', ')}`);
      }
    }
  }
  if (suites.includes('scaling') && settings.kind === 'reference') {
    // two throwaway reference targets of its own (the seed and 10× its data): no store is touched
    say('scaling check');
    try {
      const { runScaling } = await import('../perf/scaling/run-scaling.ts');
      const s = await timings.time('scaling check', runScaling({ reportsDir, env }));
      say(`scaling check (${s.factor}× the data): ${s.ops.map((o) => `${o.id} ${o.baseMs} → ${o.grownMs} ms (×${o.ratio})`).join(', ')}`);
    } catch (err) {
      toolErrors.push({ suite: 'scaling', message: `the scaling check did not run: ${(err as Error).message}` });
    }
  }
  if (toolSuites.length) {
    let toolEnv = env;
    if (target) {
      toolEnv = { ...env, QA_BASE_URL: target.storeUrl };
      say(`reference target for ${toolSuites.map((s) => (s === 'load' ? 'k6' : 'Lighthouse')).join(' and ')} on ${target.storeUrl}`);
    }
    const digestBefore = target ? tableDigests(target) : undefined;
    try {
      const toolSettings = readQaSettings(toolEnv);
      if (suites.includes('load')) {
        say(`k6: ${opts.loadProfile} profile`);
        try {
          const { runLoad } = await import('../perf/run-k6.ts');
          await timings.time('k6', withProgress(`k6 ${opts.loadProfile}`, runLoad({ baseUrl: toolSettings.baseUrl, profile: opts.loadProfile, gateProfile: opts.profile, reportsDir, env: toolEnv })));
        } catch (err) {
          toolErrors.push({ suite: 'load', message: `k6 did not run: ${(err as Error).message}` });
        }
      }
      if (suites.includes('lighthouse')) {
        say('Lighthouse');
        try {
          const { runLighthouse } = await import('../a11y/lighthouse/run-lighthouse.ts');
          const { pages, runs } = (await import('../a11y/lighthouse/config.ts')).lighthouseOptionsFromEnv(toolEnv);
          await timings.time('Lighthouse', withProgress('Lighthouse', runLighthouse({ baseUrl: toolSettings.baseUrl, settings: toolSettings, reportsDir, runs, ...(pages ? { pages } : {}), gateProfile: opts.profile })));
        } catch (err) {
          toolErrors.push({ suite: 'lighthouse', message: `Lighthouse did not run: ${(err as Error).message}` });
        }
      }
    } finally {
      if (target && digestBefore) {
        const after = tableDigests(target);
        const changed = Object.keys(after).filter((t) => after[t] !== digestBefore[t]);
        runMetrics = { ...runMetrics, 'data.digest_checked': 1, 'data.tables_changed': (runMetrics['data.tables_changed'] ?? 0) + changed.length };
        if (changed.length) productionWrites.push(`${toolSuites.join(' and ')} wrote ${changed.join(', ')}`);
      }
    }
  }
  if (settings.kind === 'opencart' && opts.profile === 'production' && !mysqlStore) {
    // no database access: the evidence is what the run sent (every request of the API client and the browsers)
    const sent = sentRequests(env);
    if (sent.total > 0) {
      runMetrics = { ...runMetrics, 'data.digest_checked': 1, 'data.tables_changed': sent.writes.length };
      say(`production run without QA_STORE_DB: read-only evidence from the ${sent.total} requests the run sent — ${sent.writes.length} state-changing besides logins and logouts`);
      if (sent.writes.length) productionWrites.push(`state-changing requests sent: ${[...new Set(sent.writes)].join(', ')}`);
    }
  }
  if (mysqlStore && countsBefore) {
    const changed = changedTables(mysqlStore, countsBefore, await timings.time('row counts', rowCounts(mysqlStore)));
    runMetrics = { ...runMetrics, 'data.digest_checked': 1, 'data.tables_changed': changed.length };
    if (changed.length) productionWrites.push(`the run changed ${changed.join(', ')}`);
  }
  if (opts.profile === 'production' && runMetrics['data.digest_checked']) {
    say(productionWrites.length ? `data written during a production run:\n  ${productionWrites.join('\n  ')}` : 'production run: no store data changed');
  }
  const logins = countLogins(env);
  say(`logins this run: ${logins.total} (${Object.entries(logins.by).map(([who, n]) => `${who} ${n}`).join(', ') || 'none'})` +
    `${ownTargets ? ' — each Playwright worker logs in on its own reference target' : ''}`);
  runMetrics['run.logins'] = logins.total;
  if (opts.shard) {
    say(`shard ${opts.shard.index}/${opts.shard.total} done: blob report in ${resolve(reportsDir, 'blob')}; merge the shards with --merge.`);
    return undefined;
  }
  return gateAndReport(opts, reportsDir, suites, settings, env, { startedAt, toolErrors, runMetrics, targetKind: settings.kind,
    store: ownTargets ? 'reference target (one per Playwright worker, one for k6 and Lighthouse)' : settings.baseUrl, timings, preflight, blocked });
}

interface RunFacts {
  startedAt: number; toolErrors: { suite: Suite; message: string }[]; runMetrics: Record<string, number>; targetKind: QaSettings['kind'];
  /** the store as the report names it */
  store: string;
  timings: Timings;
  /** what the preflight found (absent for --merge, which reads the partial runs' folders) */
  preflight?: Preflight;
  blocked?: { suite: Suite; reason: string }[];
}

async function gateAndReport(opts: QaOptions, reportsDir: string, suites: Suite[], settings: QaSettings, env: NodeJS.ProcessEnv, facts: RunFacts): Promise<GateResult> {
  const { startedAt, toolErrors, timings } = facts;
  // contract coverage comes from the same tables the API specs are generated from: shard-independent
  if (suites.includes('api')) (await import('../fixtures/api/coverage.ts')).writeCoverage(resolve(reportsDir, 'api', 'coverage.json'));
  const adapted = await timings.time('adapters', adapt(suites, reportsDir));
  const gateStarted = performance.now();
  for (const e of toolErrors) if (!adapted.unreadable.some((u) => u.suite === e.suite)) adapted.unreadable.push(e);
  const now = new Date();
  let policy;
  try {
    policy = applyPolicies(adapted.results, WAIVERS, QUARANTINE, now);
  } catch (err) {
    if (err instanceof PolicyError) throw new CouldNotEvaluate(err.message);
    throw err;
  }
  const historyPath = resolve(reportsDir, 'gate-history.jsonl');
  const baselinesPath = resolve(reportsDir, 'gate-baselines.json');
  const gate = evaluate({
    spec: GATES, profile: opts.profile, ran: suites, results: adapted.results, unreadable: adapted.unreadable, policy, waivers: WAIVERS, now,
    history: readHistory(historyPath), baselines: readBaselines(baselinesPath), runMetrics: facts.runMetrics, targetKind: facts.targetKind,
    blocked: facts.blocked ?? [],
  });
  writeFileAtomic(resolve(reportsDir, 'gate.json'), `${JSON.stringify({ ...gate, ...(facts.preflight ? { preflight: facts.preflight } : {}) }, null, 2)}\n`);
  appendHistory(historyPath, { at: gate.generatedAt, profile: gate.profile, status: gate.status, metrics: Object.fromEntries(Object.entries(gate.suites).map(([s, v]) => [s, v.metrics])) });
  // the baselines file records what the last green run was judged against (for the report)
  if (gate.status === 'passed') writeFileAtomic(baselinesPath, `${JSON.stringify(gate.baselines, null, 2)}\n`);
  timings.add('gate', performance.now() - gateStarted);

  // Playwright's JSON report and Allure results may be written after its global teardown masked
  // the traces: mask them (with the session tokens the workers noted) before the gate adds its own
  // (already masked) tool attachments
  const maskStarted = performance.now();
  const { maskRunArtifacts } = await import('../fixtures/auth/mask-artifacts.ts');
  const { marketplaceSecrets } = await import('../fixtures/auth/secret-values.ts');
  const { notedTokens, forgetTokens } = await import('../fixtures/auth/sessions.ts');
  maskRunArtifacts([...secretValues(settings), ...marketplaceSecrets(), ...notedTokens(env)], [resolve(reportsDir, 'playwright'), resolve(reportsDir, 'allure-results')]);
  forgetTokens(env);
  timings.add('masking', performance.now() - maskStarted);
  const extrasStarted = performance.now();
  writeAllureExtras({
    resultsDir: resolve(reportsDir, 'allure-results'), results: adapted.results, gate, secrets: secretValues(settings),
    startedAt, stoppedAt: Date.now(),
    environment: {
      gate: `${gate.status.toUpperCase()} (exit ${gate.exitCode}): ${gate.summary}`,
      profile: opts.profile, suites: suites.join(','), store: facts.store, target_kind: settings.kind,
      faults: process.env.MESCHAIN_FAULTS || 'none', node: process.version,
      ...(facts.preflight ? { preflight: facts.preflight.summary, opencart: facts.preflight.opencartVersion ?? 'version not shown' } : {}), chromium: chromiumVersion(settings.playwrightChromiumPath), commit: gitCommit(),
    },
  });
  timings.add('Allure results', performance.now() - extrasStarted);
  writeFileAtomic(resolve(reportsDir, 'gate.md'), gateMarkdown({ ...gate, ...(facts.preflight ? { preflight: facts.preflight } : {}) },
    { store: facts.store, reportLink: process.env.QA_REPORT_URL || 'allure-report/index.html' }));
  const report = opts.noReport ? undefined : await timings.time('Allure report', generateAllureReport(reportsDir, env, facts.store));
  console.log(`\n${verdictTable(gate, { color: process.stdout.isTTY })}\n`);
  say(`gate: ${resolve(reportsDir, 'gate.json')} (for a pull request: ${resolve(reportsDir, 'gate.md')})`);
  if (!report) say('Allure report: not generated (--no-report); its results are in allure-results/');
  else if (report.ok) say(`Allure report: ${report.path}`);
  else console.error(`[qa] ${report.message}`);
  const budget = timings.budget(startedAt, resolve(reportsDir, 'playwright', 'results.json'));
  writeFileAtomic(resolve(reportsDir, 'timings.json'), `${JSON.stringify(budget, null, 2)}\n`);
  say(`time: ${formatBudgetLine(budget)}`);
  return gate;
}

/**
 * `--merge a,b,…`: merges the reports folders of several partial runs (Playwright shards, a load
 * job, an audit job — each run with QA_BLOB=1 or --shard): the Playwright blob reports into one
 * JSON report, the Allure results into one folder, the k6 / axe / Lighthouse / coverage outputs
 * side by side; then evaluates the gate once. Same verdict and counts as one unsharded run.
 */
async function mergeShards(opts: QaOptions, reportsDir: string): Promise<GateResult> {
  const dirs = opts.merge.map((d) => resolve(PROJECT_ROOT, d));
  const blobs = resolve(reportsDir, 'blob-merged');
  for (const dir of [...REPORT_FOLDERS, 'blob-merged']) rmSync(resolve(reportsDir, dir), { recursive: true, force: true });
  mkdirSync(blobs, { recursive: true });
  mkdirSync(resolve(reportsDir, 'allure-results'), { recursive: true });
  let blobCount = 0;
  for (const d of dirs) {
    if (!existsSync(d)) throw new CouldNotEvaluate(`--merge ${d}: expected a reports folder of a partial run; found nothing there.`);
    for (const z of globSync('blob/*.zip', { cwd: d })) {
      cpSync(resolve(d, z), resolve(blobs, `${blobCount++}-${z.replace(/^blob\//, '')}`));
    }
    for (const tool of ['api', 'k6', 'scaling', 'a11y', 'lighthouse']) {
      if (existsSync(resolve(d, tool))) cpSync(resolve(d, tool), resolve(reportsDir, tool), { recursive: true });
    }
    if (existsSync(resolve(d, 'allure-results'))) {
      for (const f of readdirSync(resolve(d, 'allure-results'))) cpSync(resolve(d, 'allure-results', f), resolve(reportsDir, 'allure-results', f));
    }
  }
  const env: NodeJS.ProcessEnv = { ...process.env, QA_REPORTS_DIR: reportsDir, PLAYWRIGHT_JSON_OUTPUT_FILE: resolve(reportsDir, 'playwright', 'results.json') };
  mkdirSync(resolve(reportsDir, 'playwright'), { recursive: true });
  if (blobCount) {
    const r = await run('playwright', ['merge-reports', '--reporter', 'json', blobs], { env, quiet: true });
    if (r.error || r.code !== 0) throw new CouldNotEvaluate(`playwright merge-reports failed (${r.error ?? `exit ${r.code}`}).`);
  }
  const settings = readQaSettings({ ...process.env, QA_BASE_URL: process.env.QA_BASE_URL || 'http://127.0.0.1:1' });
  const requested = opts.suites === 'all' ? availableSuites() : opts.suites;
  // the partial runs' preflight (the same store): an absent extension blocks the same suites as in one run
  const preflights = dirs.map((d) => resolve(d, 'preflight.json')).filter((p) => existsSync(p)).map((p) => {
    try {
      return JSON.parse(readFileSync(p, 'utf8')) as Preflight;
    } catch (err) {
      throw new CouldNotEvaluate(`--merge: ${p}: expected the preflight a partial run wrote (JSON); found unreadable content (${(err as Error).message}). Re-run that partial run.`);
    }
  });
  // (own reference targets listen on ports of their own: the extension's state must agree, not the URL)
  const states = [...new Set(preflights.map((p) => p.extension))];
  if (states.length > 1) {
    throw new CouldNotEvaluate(`--merge: expected the partial runs to find the extension in one state; their preflights disagree: ${preflights.map((p) => `${p.store} ${p.extension}`).join(' / ')}. Merge runs of the same store only.`);
  }
  const preflight = preflights[0];
  const blocked = preflight?.extension === 'absent' ? requested.filter((s) => s !== 'core').map((s) => ({ suite: s, reason: preflight.summary })) : [];
  const suites = requested.filter((s) => !blocked.some((b) => b.suite === s));
  say(`merged ${dirs.length} partial runs (${blobCount} Playwright blob reports) for: ${suites.join(', ')}`);
  if (preflight) say(`preflight of the partial runs: ${preflight.summary}`);
  const runMetrics: Record<string, number> = preflight && preflight.extension !== 'absent'
    ? { 'preflight.modules_probed': preflight.modules.length, 'preflight.modules_missing': preflight.modules.filter((m) => m.access.admin !== 'page').length } : {};
  return gateAndReport(opts, reportsDir, suites, settings, env, { startedAt: Date.now(), toolErrors: [], runMetrics, targetKind: settings.kind,
    store: settings.baseUrl, timings: new Timings(), ...(preflight ? { preflight } : {}), blocked });
}
