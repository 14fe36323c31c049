/**
 * Canaries of the UI and PWA suites, through the real pipeline (`runQa`): each fault switch of
 * the reference target that concerns the dashboards turns its gate condition red. Fault runs are narrowed with `--grep` to the specs that must catch the
 * fault (the clean run, clean-run.test.ts, runs everything), so the canaries stay fast.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runQa, type QaRun } from '../helpers/run-qa.ts';

const grep = (pattern: string): string[] => ['--', '--grep', pattern];
// a fault that fails tests: one failed test is a red condition; no retry, no waiting for more
const firstFailure = (pattern: string): string[] => [...grep(pattern), '--retries=0', '--max-failures=1'];
const show = (r: QaRun): string =>
  `${r.gate.conditions.map((c) => `${c.id}: ${c.status}`).join('\n')}\n--- output ---\n${r.stdout.slice(-3000)}`;

describe('UI and PWA canaries', () => {
  test('chart-empty: the hub charts tests fail, so ui.failures is red', async () => {
    const r = await runQa({ faults: ['chart-empty'], suites: ['ui'], args: firstFailure('hub charts') });
    assert.equal(r.condition('ui.failures').status, 'failed', show(r));
    assert.equal(r.exitCode, 1);
  });

  test('sw-broken: the service worker never controls a page, so pwa.failures is red', async () => {
    const r = await runQa({ faults: ['sw-broken'], suites: ['pwa'], args: firstFailure('service worker') });
    assert.equal(r.condition('pwa.failures').status, 'failed', show(r));
    assert.equal(r.exitCode, 1);
  });

  test('flaky-ui: the status table passes only on retry, so tests.flaky is red and nothing is hidden as a pass', async () => {
    const r = await runQa({ faults: ['flaky-ui'], suites: ['ui'], args: grep('hub status table') });
    assert.equal(r.condition('tests.flaky').status, 'failed', show(r));
    // caught as flaky (passed on retry), not as a failure
    assert.equal(r.condition('ui.failures').status, 'passed', show(r));
    assert.equal(r.exitCode, 1);
  });

  test('authz-bypass: a viewer saves and syncs in the UI, so security.findings is red', async () => {
    const r = await runQa({
      faults: ['authz-bypass'],
      suites: ['ui', 'security'],
      args: firstFailure('viewer in the browser'),
    });
    assert.equal(r.condition('security.findings').status, 'failed', show(r));
    assert.equal(r.exitCode, 1);
  });
});
