/**
 * Unit tests of the API suite's generators and helpers (fixtures/api/): bad input is
 * deterministic and covers every parameter, the coverage counts every contract route, the CSV
 * formula rule.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES } from '../../contracts/meschain-routes.ts';
import { badInputCases, badScalarValues, isWriteOnlySecret } from '../../fixtures/api/bad-input.ts';
import {
  authzTable,
  badInputTable,
  coverageReport,
  expectedVerdict,
  PRINCIPALS,
  unexpectedInputTable,
} from '../../fixtures/api/cases.ts';
import { isFormulaCell, parseCsv } from '../../fixtures/api/csv.ts';

describe('bad-input generator', () => {
  test('is deterministic: the same cases and values on every run', () => {
    for (const r of ROUTES) {
      const a = badInputCases(r).map((c) => `${c.label}|${JSON.stringify(c.apply({}))}`);
      const b = badInputCases(r).map((c) => `${c.label}|${JSON.stringify(c.apply({}))}`);
      assert.deepEqual(a, b, r.id);
    }
  });

  test('breaks every parameter of every state change, and every required one is also left out', () => {
    for (const r of ROUTES.filter((x) => x.changesState)) {
      const cases = badInputCases(r);
      for (const p of r.params) {
        const mine = cases.filter((c) => c.param === p.name);
        assert.ok(mine.length >= 3, `${r.id}.${p.name}: ${mine.length} cases`);
        if (p.required && !isWriteOnlySecret(r, p))
          assert.ok(
            mine.some((c) => c.kind === 'missing'),
            `${r.id}.${p.name}: no missing case`,
          );
      }
    }
  });

  test('drawn values really break the rule they are drawn against', () => {
    const values = badScalarValues({ name: 'n', type: 'int', required: true, min: 5, max: 10, example: 7 }, 'seed');
    for (const v of values.filter((x) => x.kind === 'out-of-range'))
      assert.ok(Number(v.value) < 5 || Number(v.value) > 10, v.label);
    const pattern = badScalarValues(
      { name: 's', type: 'string', required: true, pattern: '^\\d+$', maxLength: 5, example: '12' },
      'seed',
    );
    for (const v of pattern.filter((x) => x.label.includes('breaks')))
      assert.ok(!/^\d+$/.test(String(v.value)), v.label);
    for (const v of pattern.filter((x) => x.kind === 'oversized')) assert.ok(String(v.value).length > 5, v.label);
  });
});

describe('generator tables and coverage', () => {
  test('every contract route is covered: contract, authorization by every principal, bad input for state changes', () => {
    const c = coverageReport();
    assert.equal(c.routes_total, ROUTES.length);
    assert.deepEqual(c.uncovered, []);
    assert.equal(c.coverage, 100);
    for (const r of ROUTES.filter((x) => x.changesState)) assert.ok(c.by_route[r.id]?.bad_input, r.id);
  });

  test("the authorization matrix has every route × every principal, with the contract's verdicts", () => {
    const cells = [...authzTable('change'), ...authzTable('read')];
    assert.equal(cells.length, ROUTES.length * PRINCIPALS.length);
    const save = ROUTES.find((r) => r.id === 'hub.save');
    const metrics = ROUTES.find((r) => r.id === 'hub.metrics');
    assert.ok(save && metrics);
    assert.equal(expectedVerdict(save, 'viewer'), 'modify-denied');
    assert.equal(expectedVerdict(metrics, 'viewer'), 'allowed');
    assert.equal(expectedVerdict(metrics, 'noaccess'), 'access-denied');
    assert.equal(expectedVerdict(metrics, 'stale-token'), 'login-page');
  });

  test('a state change without parameters gets the unexpected-input test instead', () => {
    const noParams = ROUTES.filter((r) => r.changesState && r.params.length === 0).map((r) => r.id);
    assert.deepEqual(
      unexpectedInputTable().map((r) => r.id),
      noParams,
    );
    assert.ok(!badInputTable('change').some((e) => noParams.includes(e.route.id)));
  });
});

describe('CSV helpers', () => {
  test('parses quoted cells with commas, doubled quotes and CRLF', () => {
    assert.deepEqual(parseCsv('\ufeffa,"b,c","d ""e"""\r\n1,2,3\r\n'), [
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });
  test('recognises formula cells, not negative numbers', () => {
    for (const c of ['=1+2', '+1', '@SUM(A1)', '\t=1', '-2+3', '=HYPERLINK("x")']) assert.ok(isFormulaCell(c), c);
    for (const c of ['-12', '-0.5', '\'=HYPERLINK("x")', 'Kulaklık', '12']) assert.ok(!isFormulaCell(c), c);
  });
});
