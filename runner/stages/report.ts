/**
 * Stage 6 — what people read: the run's artifacts masked (secrets and session tokens), the
 * Allure results completed (gate, environment, tool attachments), gate.md for a pull request, the
 * Allure report, the verdict table, and the time budget of the run.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { writeAllureExtras } from '../../gate/allure-writer.ts';
import { writeFileAtomic } from '../../gate/atomic-write.ts';
import type { GateResult } from '../../gate/engine.ts';
import type { Suite, SuiteResult } from '../../gate/model.ts';
import { verdictTable } from '../../gate/verdict-table.ts';
import { gateMarkdown } from '../../gate/verdict-text.ts';
import type { Preflight } from '../../fixtures/opencart/preflight.ts';
import { PROJECT_ROOT, secretValues, type QaSettings } from '../../fixtures/settings.ts';
import { generateAllureReport } from '../allure-report.ts';
import type { QaOptions } from '../options.ts';
import { say } from '../say.ts';
import { formatBudgetLine, type Timings } from '../timings.ts';

export interface Reported {
  opts: QaOptions;
  reportsDir: string;
  suites: Suite[];
  settings: QaSettings;
  env: NodeJS.ProcessEnv;
  gate: GateResult;
  results: SuiteResult[];
  /** the store as the report names it */
  store: string;
  startedAt: number;
  timings: Timings;
  preflight?: Preflight;
}

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'missing';
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export async function report(r: Reported): Promise<void> {
  const { gate, reportsDir, timings } = r;
  // Playwright's JSON report and Allure results may be written after its global teardown masked
  // the traces: mask them (with the session tokens the workers noted) before the gate adds its own
  // (already masked) tool attachments
  const maskStarted = performance.now();
  const { maskRunArtifacts } = await import('../../fixtures/auth/mask-artifacts.ts');
  const { marketplaceSecrets } = await import('../../fixtures/auth/secret-values.ts');
  const { notedTokens, forgetTokens } = await import('../../fixtures/auth/sessions.ts');
  maskRunArtifacts(
    [...secretValues(r.settings), ...marketplaceSecrets(), ...notedTokens(r.env)],
    [resolve(reportsDir, 'playwright'), resolve(reportsDir, 'allure-results')],
  );
  forgetTokens(r.env);
  timings.add('masking', performance.now() - maskStarted);

  const extrasStarted = performance.now();
  writeAllureExtras({
    resultsDir: resolve(reportsDir, 'allure-results'),
    results: r.results,
    gate,
    secrets: secretValues(r.settings),
    startedAt: r.startedAt,
    stoppedAt: Date.now(),
    environment: {
      gate: `${gate.status.toUpperCase()} (exit ${gate.exitCode}): ${gate.summary}`,
      profile: r.opts.profile,
      suites: r.suites.join(','),
      store: r.store,
      target_kind: r.settings.kind,
      faults: process.env.MESCHAIN_FAULTS || 'none',
      node: process.version,
      ...(r.preflight
        ? { preflight: r.preflight.summary, opencart: r.preflight.opencartVersion ?? 'version not shown' }
        : {}),
      chromium: chromiumVersion(r.settings.playwrightChromiumPath),
      commit: gitCommit(),
    },
  });
  timings.add('Allure results', performance.now() - extrasStarted);
  writeFileAtomic(
    resolve(reportsDir, 'gate.md'),
    gateMarkdown(
      { ...gate, ...(r.preflight ? { preflight: r.preflight } : {}) },
      { store: r.store, reportLink: process.env.QA_REPORT_URL || 'allure-report/index.html' },
    ),
  );
  const allure = r.opts.noReport
    ? undefined
    : await timings.time('Allure report', generateAllureReport(reportsDir, r.env, r.store));

  console.log(`\n${verdictTable(gate, { color: process.stdout.isTTY })}\n`);
  say(`gate: ${resolve(reportsDir, 'gate.json')} (for a pull request: ${resolve(reportsDir, 'gate.md')})`);
  if (!allure) say('Allure report: not generated (--no-report); its results are in allure-results/');
  else if (allure.ok) say(`Allure report: ${allure.path}`);
  else console.error(`[qa] ${allure.message}`);
  const budget = timings.budget(r.startedAt, resolve(reportsDir, 'playwright', 'results.json'));
  writeFileAtomic(resolve(reportsDir, 'timings.json'), `${JSON.stringify(budget, null, 2)}\n`);
  say(`time: ${formatBudgetLine(budget)}`);
}
