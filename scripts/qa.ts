/**
 * `npm run qa`: starts the reference target (unless QA_BASE_URL points at a store), runs the QA
 * suites with Playwright, writes the Allure report under reports/, prints the verdict and exits
 * with it: 0 pass, 1 fail, 2 could not evaluate. (The gate engine of issue B replaces the
 * simple verdict below.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDotEnv, PROJECT_ROOT } from '../fixtures/settings.ts';
import { readTargetConfig } from '../reference-target/config.ts';
import { startTarget, type RunningTarget } from '../reference-target/target.ts';

const REPORTS = resolve(PROJECT_ROOT, process.env.QA_REPORTS_DIR || 'reports');
const say = (msg: string) => console.log(`[qa] ${msg}`);

function couldNotEvaluate(msg: string): never {
  console.error(`[qa] COULD NOT EVALUATE: ${msg}`);
  process.exit(2);
}

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

loadDotEnv();
const env: NodeJS.ProcessEnv = { ...process.env, QA_REPORTS_DIR: REPORTS };
let target: RunningTarget | undefined;
if (!process.env.QA_BASE_URL) {
  const started = performance.now();
  try {
    target = await startTarget(readTargetConfig({ ...process.env, TARGET_PORT: process.env.QA_TARGET_PORT ?? '0' }));
  } catch (err) {
    couldNotEvaluate(`the reference target did not start: ${(err as Error).message}`);
  }
  env.QA_BASE_URL = target.storeUrl;
  env.QA_TARGET_KIND = 'reference';
  const faults = target.app.faults.list();
  say(`reference target on ${target.storeUrl} (started in ${Math.round(performance.now() - started)} ms${faults.length ? `, faults: ${faults.join(', ')}` : ''})`);
} else {
  if (!(await reachable(`${process.env.QA_BASE_URL}/`))) {
    couldNotEvaluate(`QA_BASE_URL ${process.env.QA_BASE_URL} is unreachable. Start the store or fix QA_BASE_URL in .env (empty = use the reference target).`);
  }
  say(`store under test: ${process.env.QA_BASE_URL} (${process.env.QA_TARGET_KIND ?? 'reference'})`);
}

rmSync(resolve(REPORTS, 'allure-results'), { recursive: true, force: true });
rmSync(resolve(REPORTS, 'playwright'), { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

say('running the QA suites (Playwright)…');
// async: the reference target serves from this very process while Playwright runs
const pw = await new Promise<{ status: number | null }>((done) => {
  const child = spawn('playwright', ['test', ...process.argv.slice(2)], { stdio: 'inherit', env });
  child.on('exit', (status) => done({ status }));
  child.on('error', (err) => couldNotEvaluate(`could not start Playwright: ${err.message}`));
});
await target?.close();

// Allure report, written beside the old one and swapped in only when complete
const tmp = resolve(REPORTS, `.allure-report.tmp-${process.pid}`);
const final = resolve(REPORTS, 'allure-report');
rmSync(tmp, { recursive: true, force: true });
const gen = spawnSync('allure', ['generate', resolve(REPORTS, 'allure-results'), '--config', resolve(PROJECT_ROOT, 'allurerc.mjs'), '--output', tmp],
  { stdio: ['ignore', 'ignore', 'inherit'], env });
if (gen.status !== 0 || !existsSync(resolve(tmp, 'index.html'))) {
  rmSync(tmp, { recursive: true, force: true });
  couldNotEvaluate(`allure generate failed (exit ${gen.status}); the previous report in ${final} is untouched.`);
}
const old = `${final}.old-${process.pid}`;
if (existsSync(final)) renameSync(final, old);
renameSync(tmp, final);
rmSync(old, { recursive: true, force: true });
say(`Allure report: ${resolve(final, 'index.html')}`);

const resultsFile = resolve(REPORTS, 'playwright', 'results.json');
if (!existsSync(resultsFile)) couldNotEvaluate(`Playwright wrote no results (${resultsFile}); exit code ${pw.status}.`);
const stats = (JSON.parse(readFileSync(resultsFile, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
const executed = stats.expected + stats.unexpected + stats.flaky;
console.log(`\n[qa] tests: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`);
if (executed === 0) couldNotEvaluate('no test ran: a gate with no evidence cannot pass.');
const pass = stats.unexpected === 0 && stats.flaky === 0 && pw.status === 0;
console.log(pass ? '[qa] VERDICT: PASS' : '[qa] VERDICT: FAIL');
process.exit(pass ? 0 : 1);
