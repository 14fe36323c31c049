/** Regression baselines: median of the last green runs, beyond tolerance and noise, confirmed by two runs in a row. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendHistory,
  evaluateRegressions,
  HISTORY_CAP,
  readHistory,
  type HistoryEntry,
} from '../../gate/regression.ts';
import type { RegressionRule } from '../../gate/spec-types.ts';
import { GATES } from '../../gate/gates.ts';

const rule: RegressionRule = {
  id: 'regression.perf.api.avg',
  title: 't',
  suite: 'load',
  metric: 'http.avg_ms',
  better: 'lower',
  tolerancePct: 25,
  minDelta: 2,
  window: 5,
  minRuns: 3,
  severity: 'blocker',
  help: 'h',
};
const run = (avg: number, status: HistoryEntry['status'] = 'passed'): HistoryEntry => ({
  at: 'x',
  profile: 'local',
  status,
  metrics: { load: { 'http.avg_ms': avg } },
});
const judge = (actual: number, history: HistoryEntry[], baselines = {}) =>
  evaluateRegressions([rule], {
    profile: 'local',
    ran: ['load'],
    metrics: { load: { 'http.avg_ms': actual } },
    history,
    baselines,
  });

describe('regression baselines', () => {
  test('without enough green runs the rule warns "no baseline yet" (it never passes on no history)', () => {
    const r = judge(20, [run(10), run(11)]).conditions[0]!;
    assert.equal(r.status, 'warn');
    assert.match(r.message, /no baseline yet: 2 of 3 green/);
  });

  test('worse beyond tolerance in two runs in a row fails with "regressed by X %"', () => {
    const r = judge(20, [run(10), run(11), run(9), run(50, 'failed')]).conditions[0]!;
    assert.equal(r.status, 'failed');
    assert.match(
      r.message,
      /regressed in two runs in a row: 20 vs baseline 10 \(median of 3 green runs\) — worse by 100 %/,
    );
    assert.equal(r.actual, 100);
  });

  test('one regressed run after green ones only warns: one slow run is noise, two in a row are a trend', () => {
    const r = judge(20, [run(10), run(11), run(9)]).conditions[0]!;
    assert.equal(r.status, 'warn');
    assert.match(r.message, /regressed in this run only: 20 vs baseline 10 .* it blocks if the next run regresses too/);
  });

  test('the allowed worsening widens to the noise the green runs show (3 robust standard deviations)', () => {
    // green runs 40, 60, 50, 70, 45: median 50, MAD 10 → noise 3 × 1.4826 × 10 / 50 = 89 %
    const noisy = [run(40), run(60), run(50), run(70), run(45)];
    const r = judge(80, [...noisy, run(85, 'failed')]).conditions[0]!;
    assert.equal(r.status, 'passed', r.message);
    assert.match(r.message, /allowed 89 % and 2 \(tolerance 25 %, noise of those runs 89 %\)/);
    assert.equal(judge(100, [...noisy, run(100, 'failed')]).conditions[0]!.status, 'failed');
  });

  test("a change smaller than the rule's minimum in its own unit is never a regression, however many % it is", () => {
    // 4 → 5.9 ms is 47.5 % worse, twice in a row, but only 1.9 ms: below the rule's 2 ms
    const r = judge(5.9, [run(4), run(4), run(4), run(5.9, 'failed')]).conditions[0]!;
    assert.equal(r.status, 'passed', r.message);
    assert.equal(
      judge(6.1, [run(4), run(4), run(4), run(6.1, 'failed')]).conditions[0]!.status,
      'failed',
      '2.1 ms is beyond it',
    );
  });

  test('within tolerance passes; better than baseline says so', () => {
    assert.equal(judge(12, [run(10), run(10), run(10)]).conditions[0]!.status, 'passed');
    assert.match(judge(8, [run(10), run(10), run(10)]).conditions[0]!.message, /20 % better than baseline 10/);
  });

  test('the baseline is the median of the last green runs, not the best one ever seen (no ratchet)', () => {
    const first = judge(10, [run(8), run(8), run(8)]);
    assert.equal(first.baselines[rule.id]!.value, 8);
    const later = judge(12, [run(8), run(8), run(8), run(12), run(12), run(12)], first.baselines);
    assert.equal(later.baselines[rule.id]!.value, 12, 'the window moved on: a lucky old run does not make today red');
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
    test(`${r.id} fails with its id when ${r.metric} regresses beyond ${r.tolerancePct} % in two runs in a row`, () => {
      const entry = (value: number, status: HistoryEntry['status']): HistoryEntry => ({
        at: 'x',
        profile: 'local',
        status,
        metrics: { [r.suite]: { [r.metric]: value } },
      });
      const base = 100 * Math.max(1, r.minDelta); // large enough that tolerance + 10 % is also beyond the rule's minimum change
      const green = Array.from({ length: r.minRuns }, () => entry(base, 'passed'));
      const worse =
        r.better === 'lower' ? base * (1 + (r.tolerancePct + 10) / 100) : base * (1 - (r.tolerancePct + 10) / 100);
      const judgeAfter = (history: HistoryEntry[]) =>
        evaluateRegressions([r], {
          profile: 'local',
          ran: [r.suite],
          metrics: { [r.suite]: { [r.metric]: worse } },
          history,
          baselines: {},
        }).conditions[0]!;
      assert.equal(judgeAfter(green).status, 'warn', 'the first regressed run warns');
      const out = judgeAfter([...green, entry(worse, 'failed')]);
      assert.equal(out.id, r.id);
      assert.equal(out.status, r.severity === 'blocker' ? 'failed' : 'warn');
    });
  }
});
