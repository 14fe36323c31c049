/**
 * Canaries of the API contract and security suite, through the real pipeline (`scripts/qa.ts`,
 * suites api + security + oracle) against fresh reference targets: each fault switch turns the gate
 * condition it exists for red (the clean run is in clean-run.test.ts).
 *
 * Runs with many failures restart a Playwright worker after every failed test; for those the
 * canary stops Playwright after a few failures without retries (`--max-failures`, `--retries=0`):
 * one failed test is already a red condition.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { redAllureResults, redByGate, runQa, type QaRun } from '../helpers/run-qa.ts';
import type { FaultName } from '../../reference-target/faults.ts';

const SUITES = ['api', 'security', 'oracle'] as const;

function expectStatus(r: QaRun, id: string, status: 'passed' | 'failed'): void {
  const c = r.condition(id);
  assert.equal(
    c.status,
    status,
    `${id}: expected ${status}; found ${c.status} — ${c.message}\n${r.stdout.slice(-2500)}`,
  );
}

describe('API and security canaries', () => {
  // `only`: the spec files that must catch the fault plus those that prove the other condition green
  // `noRetry`: one failure is already red; retries would only restart workers (and targets)
  const cases: {
    fault: FaultName;
    red: string;
    green?: string;
    bounded?: boolean;
    noRetry?: boolean;
    only?: string;
  }[] = [
    {
      fault: 'schema-drift',
      red: 'api.contract.failures',
      green: 'security.findings',
      only: 'hub\\.metrics: answers its success schema|cors.spec',
    },
    { fault: 'authz-bypass', red: 'security.findings', bounded: true },
    { fault: 'api-errors', red: 'api.contract.failures', bounded: true },
    {
      fault: 'webhook-unsigned',
      red: 'security.findings',
      green: 'api.contract.failures',
      noRetry: true,
      only: 'webhook.spec|hub\\.metrics: answers its success schema',
    },
    // every stock and price test but the oracle's sends one item: only the oracle sees the misroute
    {
      fault: 'batch-misroute',
      red: 'oracle.failures',
      green: 'api.contract.failures',
      only: 'trendyol: a stock batch|hub\\.metrics: answers its success schema',
    },
  ];
  for (const { fault, red, green, bounded, noRetry, only } of cases) {
    test(`${fault} turns ${red} red${green ? ` and leaves ${green} green` : ''}`, async () => {
      const args = [
        ...(bounded ? ['--max-failures=2', '--retries=0'] : noRetry ? ['--retries=0'] : []),
        ...(only ? ['--grep', only] : []),
      ];
      const r = await runQa({
        faults: [fault],
        suites: [...SUITES],
        ...(args.length ? { args: ['--', ...args] } : {}),
      });
      expectStatus(r, red, 'failed');
      if (green) expectStatus(r, green, 'passed');
      assert.equal(r.exitCode, 1, `a red gate exits 1\n${r.stdout.slice(-2500)}`);
    });
  }

  test('module-missing (a partly installed extension): the missing module is one finding, its tests are skipped with the reason, never failed', async () => {
    const r = await runQa({ faults: ['module-missing'], suites: ['api'], args: ['--', '--grep', 'contract-read'] });
    expectStatus(r, 'extension.modules_missing', 'failed');
    expectStatus(r, 'api.contract.failures', 'passed');
    // coverage counts routes a test reached: N11's were all skipped
    expectStatus(r, 'api.contract.coverage', 'failed');
    assert.match(r.stdout, /route missing: extension\/module\/n11 answers the administrator "not-found"/);
    assert.match(r.stdout, /\d+ skipped/, 'the n11 tests are reported as skipped');
    assert.equal(r.exitCode, 1);
    // one truth: the report's red results are the gate's failed conditions, the verdict, and no test
    const red = redAllureResults(r.reportsDir);
    assert.equal(red.length, redByGate(r.gate), red.join('\n'));
    assert.equal(red.length, 3, red.join('\n'));
  });
});
