/**
 * Canaries of the API contract and security suite, through the real pipeline (`scripts/qa.ts`,
 * suites api + security) against a fresh reference target: each fault switch turns the gate
 * condition it exists for red — and a clean run is green.
 *
 * Runs with many failures restart a Playwright worker after every failed test; for those the
 * canary stops Playwright after a few failures without retries (`--max-failures`, `--retries=0`):
 * one failed test is already a red condition.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runQa, type QaRun } from '../helpers/run-qa.ts';
import type { FaultName } from '../../reference-target/faults.ts';

const SUITES = ['api', 'security'] as const;

function expectStatus(r: QaRun, id: string, status: 'passed' | 'failed'): void {
  const c = r.condition(id);
  assert.equal(c.status, status, `${id}: expected ${status}; found ${c.status} — ${c.message}\n${r.stdout.slice(-2500)}`);
}

describe('API and security canaries', () => {
  test('a clean api + security run is green, with full contract coverage', async () => {
    const r = await runQa({ suites: [...SUITES] });
    for (const id of ['api.contract.failures', 'api.contract.coverage', 'security.findings', 'tests.pass_rate', 'tests.flaky']) expectStatus(r, id, 'passed');
    assert.equal(r.condition('api.contract.coverage').actual, 100);
    assert.equal(r.exitCode, 0, r.stdout.slice(-3000));
  });

  const cases: { fault: FaultName; red: string; green?: string; bounded?: boolean }[] = [
    { fault: 'schema-drift', red: 'api.contract.failures', green: 'security.findings' },
    { fault: 'authz-bypass', red: 'security.findings', bounded: true },
    { fault: 'api-errors', red: 'api.contract.failures', bounded: true },
    { fault: 'webhook-unsigned', red: 'security.findings', green: 'api.contract.failures' },
  ];
  for (const { fault, red, green, bounded } of cases) {
    test(`${fault} turns ${red} red${green ? ` and leaves ${green} green` : ''}`, async () => {
      const r = await runQa({ faults: [fault], suites: [...SUITES], ...(bounded ? { args: ['--', '--max-failures=6', '--retries=0'] } : {}) });
      expectStatus(r, red, 'failed');
      if (green) expectStatus(r, green, 'passed');
      assert.equal(r.exitCode, 1, `a red gate exits 1\n${r.stdout.slice(-2500)}`);
    });
  }
});
