/** Regression baselines: median of the last green runs, ratcheted, "regressed by X %" as its own condition. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHistory, evaluateRegressions, HISTORY_CAP, readHistory, type HistoryEntry } from '../../gate/regression.ts';
import type { RegressionRule } from '../../gate/spec-types.ts';
import { GATES } from '../../gate/gates.ts';

const rule: RegressionRule = { id: 'regression.perf.api.avg', title: 't', suite: 'load', metric: 'http.avg_ms', better: 'lower', tolerancePct: 25, window: 5, minRuns: 3, severity: 'blocker', help: 'h' };
const run = (avg: number, status: HistoryEntry['status'] = 'passed'): HistoryEntry => ({ at: 'x', profile: 'local', status, metrics: { load: { 'http.avg_ms': avg } } });
const judge = (actual: number, history: HistoryEntry[], baselines = {}) =>
  evaluateRegressions([rule], { profile: 'local', ran: ['load'], metrics: { load: { 'http.avg_ms': actual } }, history, baselines });

describe('regression baselines', () => {
  test('without enough green runs the rule warns "no baseline yet" (it never passes on no history)', () => {
    const r = judge(20, [run(10), run(11)]).conditions[0]!;
    assert.equal(r.status, 'warn');
    assert.match(r.message, /no baseline yet: 2 of 3 green/);
  });

  test('worse than the median of the last green runs beyond tolerance fails with "regressed by X %"', () => {
    const r = judge(20, [run(10), run(11), run(9), run(50, 'failed')]).conditions[0]!;
    assert.equal(r.status, 'failed');
    assert.match(r.message, /regressed: 20 vs baseline 10 \(median of 3 green runs\) — worse by 100 %/);
    assert.equal(r.actual, 100);
  });

  test('within tolerance passes; better than baseline says so', () => {
    assert.equal(judge(12, [run(10), run(10), run(10)]).conditions[0]!.status, 'passed');
    assert.match(judge(8, [run(10), run(10), run(10)]).conditions[0]!.message, /20 % better than baseline 10/);
  });

  test('the baseline ratchets: it only moves in the better direction', () => {
    const first = judge(10, [run(8), run(8), run(8)]);
    assert.equal(first.baselines[rule.id]!.value, 8);
    const later = judge(10, [run(8), run(8), run(8), run(12), run(12), run(12)], first.baselines);
    assert.equal(later.baselines[rule.id]!.value, 8, 'a slower median does not loosen the baseline');
    assert.equal(later.conditions[0]!.status, 'passed');
  });

  test('history is capped and rewritten atomically', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hist-')), 'gate-history.jsonl');
    for (let i = 0; i < HISTORY_CAP + 7; i++) appendHistory(path, run(i));
    const h = readHistory(path);
    assert.equal(h.length, HISTORY_CAP);
    assert.equal(h.at(-1)!.metrics.load!['http.avg_ms'], HISTORY_CAP + 6);
  });
});

describe('every regression rule of the default spec', () => {
  for (const r of GATES.regressions) {
    test(`${r.id} fails with its id when ${r.metric} regresses beyond ${r.tolerancePct} %`, () => {
      const hist = Array.from({ length: r.minRuns }, () => ({ at: 'x', profile: 'local' as const, status: 'passed' as const, metrics: { [r.suite]: { [r.metric]: 100 } } }));
      const worse = r.better === 'lower' ? 100 * (1 + (r.tolerancePct + 10) / 100) : 100 * (1 - (r.tolerancePct + 10) / 100);
      const out = evaluateRegressions([r], { profile: 'local', ran: [r.suite], metrics: { [r.suite]: { [r.metric]: worse } }, history: hist, baselines: {} });
      assert.equal(out.conditions[0]!.id, r.id);
      assert.equal(out.conditions[0]!.status, r.severity === 'blocker' ? 'failed' : 'warn');
    });
  }
});
