/**
 * One clean run of every suite through the real pipeline (`scripts/qa.ts`: own reference targets
 * per Playwright worker, k6 smoke, axe, Lighthouse once per page) — the run every fault canary is
 * compared with. It must be green on real evidence: a gate that goes red on a clean store teaches
 * people to re-run it until it is green. Run once; each test below reads a different part of it.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { redAllureResults, redByGate, runQa, type QaRun } from '../helpers/run-qa.ts';
import type { TimeBudget } from '../../runner/timings.ts';

let r: QaRun;
const tail = () => r.stdout.slice(-3000);

describe('a clean run of every suite', () => {
  before(async () => {
    // core and oracle tests run in the api, ui and a11y projects anyway: judging them costs nothing more
    r = await runQa({
      suites: ['core', 'api', 'security', 'oracle', 'ui', 'pwa', 'a11y', 'load', 'lighthouse'],
      env: { QA_LIGHTHOUSE_RUNS: '1' },
      report: true,
    });
  });

  test('is green (exit 0): every evaluated condition passed, on non-zero evidence', () => {
    // the regression rules only warn until 3 green runs exist; a fresh reports folder has none
    const notGreen = r.gate.conditions.filter(
      (c) =>
        c.status !== 'passed' && c.status !== 'not-run' && !(c.id.startsWith('regression.') && c.status === 'warn'),
    );
    assert.deepEqual(
      notGreen.map((c) => `${c.id}: ${c.status} ${c.message}`),
      [],
      tail(),
    );
    assert.equal(r.exitCode, 0, tail());
    for (const c of r.gate.conditions.filter((x) => x.status === 'passed')) {
      assert.ok(
        c.evidence.actual >= Math.max(1, c.evidence.min),
        `${c.id} passed on ${c.evidence.actual} ${c.evidence.label}`,
      );
    }
  });

  test('API and security: full contract coverage, no finding, no flaky test', () => {
    for (const id of [
      'api.contract.failures',
      'api.contract.coverage',
      'security.findings',
      'tests.pass_rate',
      'tests.flaky',
    ]) {
      assert.equal(r.condition(id).status, 'passed', `${id}: ${r.condition(id).message}`);
    }
    assert.equal(r.condition('api.contract.coverage').actual, 100);
  });

  test('the Allure report shows nothing red on a green run (one truth: red only where the gate failed)', () => {
    assert.deepEqual(redAllureResults(r.reportsDir), []);
    assert.equal(redByGate(r.gate), 0);
  });

  test('OpenCart core and the oracle: judged, and green', () => {
    for (const id of [
      'core.failures',
      'core.a11y.critical',
      'core.a11y.serious',
      'oracle.failures',
      'extension.modules_missing',
    ]) {
      assert.equal(r.condition(id).status, 'passed', `${id}: ${r.condition(id).message}`);
    }
  });

  test('UI and PWA: every flow passed on desktop and phone', () => {
    for (const id of ['ui.failures', 'pwa.failures'])
      assert.equal(r.condition(id).status, 'passed', `${id}: ${r.condition(id).message}`);
    assert.ok((r.gate.suites.ui?.metrics['tests.executed'] ?? 0) >= 60, 'the UI suite ran on both viewports');
  });

  test('axe and Lighthouse: every audit condition judged on audits of the intended pages', () => {
    const audit = r.gate.conditions.filter((c) => /^(a11y|lighthouse)\./.test(c.id));
    assert.ok(
      audit.length >= 13,
      `expected the a11y.* and lighthouse.* conditions; found ${audit.map((c) => c.id).join(', ')}`,
    );
    for (const c of audit) assert.equal(c.status, 'passed', `${c.id}: ${c.message}`);
  });

  test('k6 smoke: every perf condition on at least its minimum evidence', () => {
    for (const id of ['perf.api.avg', 'perf.api.error_rate', 'perf.dashboard.p95', 'perf.checks']) {
      const c = r.condition(id);
      assert.equal(c.status, 'passed', `${id}: ${c.message}`);
      assert.ok(c.evidence.actual >= c.evidence.min, `${id} passed on ${c.evidence.actual} ${c.evidence.label}`);
    }
  });

  test('writes the Allure report and a time budget with every stage', () => {
    assert.ok(existsSync(resolve(r.reportsDir, 'allure-report', 'index.html')), 'the Allure report was written');
    const budget = JSON.parse(readFileSync(resolve(r.reportsDir, 'timings.json'), 'utf8')) as TimeBudget;
    const stages = budget.stages.map((s) => s.stage);
    for (const s of ['Playwright', 'target start', 'k6', 'Lighthouse', 'adapters', 'gate', 'Allure report'])
      assert.ok(stages.includes(s), `stage ${s} in ${stages.join(', ')}`);
    assert.deepEqual(budget.playwrightProjects.map((p) => p.project).sort(), [
      'a11y',
      'api',
      'pwa',
      'ui-desktop',
      'ui-phone',
    ]);
    assert.ok(budget.overheadMs >= 0 && budget.overheadMs <= budget.totalMs);
    assert.match(r.stdout, /\[qa\] time: .* framework overhead/);
  });
});
