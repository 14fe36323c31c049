/**
 * Canaries of the load gate, through the real pipeline (scripts/qa.ts → real k6 → adapter →
 * gate) in the smoke profile: a slow API turns `perf.api.avg` red, failing requests turn
 * `perf.api.error_rate` red, a report whose cost grows with products × order lines turns the
 * scaling check's `perf.scaling.report` red, a push that scans the order lines `perf.scaling.push`
 * (the clean run is in clean-run.test.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS, type FaultName } from '../../reference-target/faults.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runQa, runQaProcess } from '../helpers/run-qa.ts';

describe('load canaries (k6 smoke)', () => {
  // each fault turns its own condition red and leaves its neighbour green (the other cause is not this one)
  const cases: { fault: FaultName; suite: 'load' | 'scaling'; green: string; why: string }[] = [
    { fault: 'slow-api', suite: 'load', green: 'perf.api.error_rate', why: 'slow is not failing' },
    { fault: 'api-errors', suite: 'load', green: 'perf.api.avg', why: 'failing is not slow' },
    { fault: 'report-quadratic', suite: 'scaling', green: 'perf.scaling.push', why: 'the push does not build reports' },
    { fault: 'push-scan', suite: 'scaling', green: 'perf.scaling.report', why: 'reports do not push' },
  ];
  for (const { fault, suite, green, why } of cases) {
    test(`${fault} (${FAULTS[fault].effect}) turns ${FAULTS[fault].gate} red`, async () => {
      const r = await runQa({ faults: [fault], suites: [suite] });
      assert.equal(r.condition(FAULTS[fault].gate).status, 'failed', r.stdout.slice(-3000));
      assert.equal(r.condition(green).status, 'passed', why);
      assert.equal(r.exitCode, 1);
    });
  }

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
