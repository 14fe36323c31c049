/**
 * Canaries of the load gate, through the real pipeline (scripts/qa.ts → real k6 → adapter →
 * gate) in the smoke profile: a slow API turns `perf.api.avg` red, failing requests turn
 * `perf.api.error_rate` red, a report whose cost grows with products × order lines turns the
 * scaling check's `perf.scaling.report` red (the clean run is in clean-run.test.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS } from '../../reference-target/faults.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runQa, runQaProcess } from '../helpers/run-qa.ts';

describe('load canaries (k6 smoke)', () => {
  test(`slow-api (${FAULTS['slow-api'].effect}) turns ${FAULTS['slow-api'].gate} red`, async () => {
    const r = await runQa({ faults: ['slow-api'], suites: ['load'] });
    assert.equal(r.condition(FAULTS['slow-api'].gate).status, 'failed', r.stdout.slice(-3000));
    assert.equal(r.condition('perf.api.error_rate').status, 'passed', 'slow is not failing');
    assert.equal(r.exitCode, 1);
  });

  test(`api-errors (${FAULTS['api-errors'].effect}) turns ${FAULTS['api-errors'].gate} red`, async () => {
    const r = await runQa({ faults: ['api-errors'], suites: ['load'] });
    assert.equal(r.condition(FAULTS['api-errors'].gate).status, 'failed', r.stdout.slice(-3000));
    assert.equal(r.condition('perf.api.avg').status, 'passed', 'failing is not slow');
    assert.equal(r.exitCode, 1);
  });

  test(`report-quadratic (${FAULTS['report-quadratic'].effect}) turns ${FAULTS['report-quadratic'].gate} red`, async () => {
    const r = await runQa({ faults: ['report-quadratic'], suites: ['scaling'] });
    assert.equal(r.condition(FAULTS['report-quadratic'].gate).status, 'failed', r.stdout.slice(-3000));
    assert.equal(r.condition('perf.scaling.push').status, 'passed', 'the push does not build reports');
    assert.equal(r.exitCode, 1);
  });

  test(`push-scan (${FAULTS['push-scan'].effect}) turns ${FAULTS['push-scan'].gate} red`, async () => {
    const r = await runQa({ faults: ['push-scan'], suites: ['scaling'] });
    assert.equal(r.condition(FAULTS['push-scan'].gate).status, 'failed', r.stdout.slice(-3000));
    assert.equal(r.condition('perf.scaling.report').status, 'passed', 'reports do not push');
    assert.equal(r.exitCode, 1);
  });

  test('a store whose admin cannot be logged in to stops at the preflight (exit 2): k6 never runs, no number is judged', async () => {
    // (a wrong password would not do: the reference target seeds its admin from the same setting;
    // a k6 run that fails on its own is judged "could not evaluate" in self-tests/perf/run-k6.test.ts)
    const r = await runQaProcess(['--suite', 'load', '--no-report'], { env: { QA_ADMIN_PATH: '/not-the-admin/' } });
    assert.equal(r.code, 2, r.out.slice(-3000));
    assert.match(r.out, /COULD NOT EVALUATE: preflight: .*\/not-the-admin\/ is not an OpenCart 3 admin/);
    assert.doesNotMatch(r.out, /\[qa\] k6:/, 'no suite ran');
    assert.equal(existsSync(join(r.reportsDir, 'gate.json')), false, 'no verdict from partial numbers');
  });
});
