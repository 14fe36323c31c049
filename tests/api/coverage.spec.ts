/**
 * Writes reports/api/coverage.json for the gate (`api.contract.coverage`), computed from the same
 * generator tables the contract, bad-input and authorization specs register their tests from
 * (fixtures/api/cases.ts) — so it does not depend on which worker ran what.
 */
import { readFileSync } from 'node:fs';
import { ROUTES } from '../../contracts/meschain-routes.ts';
import { test, expect, coveragePath, group, writeCoverage } from '../../fixtures/index.ts';

test('contract coverage is written for the gate', async () => {
  await group('api coverage', 'coverage', 'contract coverage');
  const report = writeCoverage();
  expect(report.routes_total).toBe(ROUTES.length);
  expect(Object.keys(report.by_route).sort()).toEqual(ROUTES.map((r) => r.id).sort());
  await test.info().attach('coverage.json', { body: readFileSync(coveragePath()), contentType: 'application/json' });
});
