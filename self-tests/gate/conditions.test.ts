/**
 * Every condition of the default gate spec can fail with its own id, passes only on evidence,
 * and fails with its own message when the evidence is missing (axe-core's rules-as-data idea:
 * a pass fixture and a fail fixture per rule, generated here from the spec itself).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATES } from '../../gate/gates.ts';
import { evaluate, effectiveConditions, type EvaluateInput } from '../../gate/engine.ts';
import type { Condition } from '../../gate/spec-types.ts';
import { emptySuite, SUITES, type Suite, type SuiteResult } from '../../gate/model.ts';
import { applyPolicies } from '../../gate/policy.ts';
import type { QuarantineEntry, Waiver } from '../../gate/policy-types.ts';
import { RULES } from '../../gate/rules/index.ts';

const NOW = new Date('2026-11-24T12:00:00Z');

/** A value that breaks / meets the comparator. */
function breaking(c: Condition): number {
  switch (c.comparator) {
    case '<':
    case '<=':
      return c.threshold + Math.max(1, Math.abs(c.threshold));
    case '>':
    case '>=':
      return c.threshold - Math.max(1, Math.abs(c.threshold) / 2);
    case '==':
      return c.threshold + 1;
  }
}
function meeting(c: Condition): number {
  switch (c.comparator) {
    case '<':
      return c.threshold / 2;
    case '<=':
    case '==':
      return c.threshold;
    case '>':
      return c.threshold * 2 + 1;
    case '>=':
      return c.threshold;
  }
}

type Mode = 'break' | 'meet';
type EvidenceAmount = 'min' | 'more' | 'none';
const sourceOf = (c: Condition) => c.source ?? 'suite';

function playwrightSuite(suite: Suite, passed: number, failed = 0, flaky = 0): SuiteResult {
  const r = emptySuite(suite, 'playwright');
  const mk = (status: 'passed' | 'failed' | 'flaky', i: number) => ({
    id: `${suite} › ${status} ${i}`,
    title: `${status} ${i}`,
    suite,
    attempts: status === 'flaky' ? 2 : 1,
    durationMs: 1,
    tags: [],
    status,
  });
  r.tests = [
    ...Array.from({ length: passed }, (_, i) => mk('passed', i)),
    ...Array.from({ length: failed }, (_, i) => mk('failed', i)),
    ...Array.from({ length: flaky }, (_, i) => mk('flaky', i)),
  ];
  return r;
}

/** Metrics meeting every condition of `conditions`, each with its minimum evidence. */
function meetingAll(conditions: Condition[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const o of conditions) {
    m[o.metric] = meeting(o);
    m[o.evidence.metric] = Math.max(m[o.evidence.metric] ?? 0, o.evidence.min);
  }
  return m;
}

/**
 * Results where condition `c` is broken or met, on the minimum evidence, more, or none — and every
 * other condition of the spec is met. Built per source (the rule that reads it), never per metric
 * name: a new condition of an existing source is tested here without a line added.
 */
function input(c: Condition, mode: Mode, amount: EvidenceAmount): EvaluateInput {
  const evidence =
    amount === 'none' ? 0 : amount === 'min' ? Math.max(1, c.evidence.min) : Math.max(1, c.evidence.min) + 1;
  // suites: each suite's conditions met, from a fixture tool whose numbers the engine takes as given
  const results = SUITES.map((s) => ({
    ...emptySuite(s, 'fixture'),
    metrics: meetingAll(GATES.conditions.filter((o) => sourceOf(o) === 'suite' && o.suite === s)),
  }));
  const runMetrics = meetingAll(GATES.conditions.filter((o) => sourceOf(o) === 'run'));
  const waivers = { expired: [] as Waiver[], read: 1 };
  const quarantine = { expired: [] as QuarantineEntry[], read: 1 };
  // every-test conditions: Playwright tests in a suite whose own conditions read no test counts (a11y)
  let tests = playwrightSuite('a11y', Math.max(1, evidence));
  switch (sourceOf(c)) {
    case 'suite': {
      const r = results.find((x) => x.suite === c.suite)!;
      r.metrics[c.metric] = mode === 'break' ? breaking(c) : meeting(c);
      r.metrics[c.evidence.metric] = evidence;
      break;
    }
    case 'run':
      runMetrics[c.metric] = mode === 'break' ? breaking(c) : meeting(c);
      runMetrics[c.evidence.metric] = evidence;
      break;
    case 'tests':
      tests =
        amount === 'none'
          ? emptySuite('a11y', 'playwright')
          : playwrightSuite('a11y', evidence, mode === 'break' ? 1 : 0, mode === 'break' ? 1 : 0);
      break;
    case 'policy':
      if (mode === 'break') {
        waivers.expired.push({ match: { condition: 'x' }, owner: 'qa', reason: 'r', expires: '2020-01-01' });
        quarantine.expired.push({ test: 'nothing', owner: 'qa', reason: 'r', expires: '2020-01-01' });
      }
      if (amount === 'none') {
        waivers.read = 0;
        quarantine.read = 0;
      }
      break;
  }
  results.push(tests);
  const policy = applyPolicies(results, waivers.expired, quarantine.expired, NOW);
  policy.waivers.read = waivers.read;
  policy.quarantine.read = quarantine.read;
  return {
    spec: GATES,
    profile: c.appliesTo?.profiles?.[0] ?? 'local',
    ran: [...SUITES],
    results,
    unreadable: [],
    policy,
    waivers: [],
    now: NOW,
    runMetrics,
    targetKind: 'reference',
  };
}

describe('every condition of the default spec', () => {
  for (const c of GATES.conditions) {
    test(`${c.id} fails with its id when ${c.metric} ${c.comparator} ${c.threshold} is broken`, () => {
      const gate = evaluate(input(c, 'break', 'more'));
      const r = gate.conditions.find((x) => x.id === c.id)!;
      assert.equal(r.status, c.severity === 'blocker' ? 'failed' : 'warn', r.message);
      if (c.severity === 'blocker') assert.equal(gate.exitCode, 1);
      const red = gate.conditions
        .filter((x) => (x.status === 'failed' || x.status === 'warn') && !x.id.startsWith('regression.'))
        .map((x) => x.id);
      // a broken every-test or registry input breaks its source's other conditions too (a failed and a flaky test; an expired waiver and quarantine entry)
      const allowed = new Set(
        sourceOf(c) === 'tests' || sourceOf(c) === 'policy'
          ? GATES.conditions.filter((o) => sourceOf(o) === sourceOf(c)).map((o) => o.id)
          : [c.id],
      );
      assert.ok(red.includes(c.id) && red.every((id) => allowed.has(id)), `red: ${red.join(', ')}`);
    });

    test(`${c.id} passes on evidence when the threshold is met`, () => {
      const gate = evaluate(input(c, 'meet', 'min'));
      const r = gate.conditions.find((x) => x.id === c.id)!;
      assert.equal(r.status, 'passed', r.message);
      assert.equal(
        gate.status,
        'passed',
        gate.conditions
          .filter((x) => x.status !== 'passed')
          .map((x) => `${x.id}: ${x.message}`)
          .join('; '),
      );
    });

    test(`${c.id} never passes without evidence`, () => {
      const gate = evaluate(input(c, 'meet', 'none'));
      const r = gate.conditions.find((x) => x.id === c.id)!;
      assert.equal(r.status, c.severity === 'blocker' ? 'failed' : 'warn');
      assert.match(r.message, /missing evidence/);
    });
  }
});

describe('rules (gate/rules/)', () => {
  const base = (over: Partial<Condition>): Condition => ({
    id: 'x.new',
    title: 'a new condition',
    suite: 'load',
    metric: 'x.new_metric',
    comparator: '<=',
    threshold: 5,
    unit: 'things',
    severity: 'blocker',
    evidence: { metric: 'x.samples', min: 1, label: 'samples' },
    help: 'a condition added by a team, on a metric nobody read before',
    ...over,
  });
  const run = (
    c: Condition,
    results: SuiteResult[],
    runMetrics: Record<string, number> = {},
    ran: Suite[] = [...SUITES],
  ) =>
    evaluate({
      spec: { ...GATES, conditions: [c] },
      profile: 'local',
      ran,
      results,
      unreadable: [],
      policy: applyPolicies(results, [], [], NOW),
      waivers: [],
      now: NOW,
      runMetrics,
    }).conditions.find((x) => x.id === c.id)!;

  test('every source a condition can name has its rule, and no rule is left unused by the default spec', () => {
    assert.deepEqual(Object.keys(RULES).sort(), ['policy', 'run', 'suite', 'tests']);
    for (const [source, rule] of Object.entries(RULES)) assert.equal(rule.source, source);
    assert.deepEqual([...new Set(GATES.conditions.map(sourceOf))].sort(), Object.keys(RULES).sort());
  });

  test('a condition on a metric no condition read before needs no engine change: a suite metric and a run metric', () => {
    const load = { ...emptySuite('load', 'k6'), metrics: { 'x.new_metric': 9, 'x.samples': 3 } };
    const suite = run(base({}), [load]);
    assert.equal(suite.status, 'failed');
    assert.equal(suite.message, '9 things breaks <= 5 things (3 samples)');
    assert.equal(run(base({}), [{ ...load, metrics: { 'x.new_metric': 4, 'x.samples': 3 } }]).status, 'passed');
    const onRun = run(base({ suite: 'all', source: 'run' }), [], { 'x.new_metric': 2, 'x.samples': 1 });
    assert.equal(onRun.status, 'passed', onRun.message);
  });

  test('a run metric may say what its absence means; without that, absence is missing evidence', () => {
    const absent = run(base({ suite: 'all', source: 'run', whenAbsent: 'nothing was probed' }), []);
    assert.deepEqual([absent.status, absent.message], ['not-run', 'nothing was probed']);
    assert.equal(run(base({ suite: 'all', source: 'run' }), []).status, 'failed');
  });

  test('a suite condition that names no suite is could-not-evaluate, with what to change', () => {
    const r = run(base({ suite: 'all' }), []);
    assert.equal(r.status, 'error');
    assert.match(r.message, /names no suite .*gate\/gates\.ts/);
  });

  test('failure messages name what failed: the failed tests, the expired entries', () => {
    const ui = playwrightSuite('ui', 2, 4);
    const tests = run(
      GATES.conditions.find((c) => c.id === 'tests.pass_rate')!,
      [ui],
      {},
      ['ui'],
    );
    assert.match(tests.message, /failed "failed 0", "failed 1", "failed 2" and 1 more$/);
    const failures = run(
      GATES.conditions.find((c) => c.id === 'ui.failures')!,
      [ui],
      {},
      ['ui'],
    );
    assert.match(failures.message, /^4 tests breaks <= 0 tests .*: failed "failed 0"/);
    const waiver = { match: { condition: 'x' }, owner: 'qa team', reason: 'r', expires: '2020-01-01' };
    const expired = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['ui'],
      results: [ui],
      unreadable: [],
      policy: applyPolicies([ui], [waiver], [], NOW),
      waivers: [],
      now: NOW,
    }).conditions.find((c) => c.id === 'waivers.expired')!;
    assert.match(expired.message, /expired \{"condition":"x"\} \(qa team, expired 2020-01-01\)/);
  });

  test('every-test conditions are not run when no Playwright suite ran, whatever else did', () => {
    const r = run(
      GATES.conditions.find((c) => c.id === 'tests.flaky')!,
      [],
      {},
      ['load', 'lighthouse'],
    );
    assert.deepEqual([r.status, r.message], ['not-run', 'no suite run by Playwright was run']);
  });
});

describe('profiles and suites', () => {
  test('staging and production override thresholds by id; an override of an unknown id is refused', () => {
    const local = effectiveConditions(GATES, 'local').find((c) => c.id === 'perf.api.avg')!;
    const staging = effectiveConditions(GATES, 'staging').find((c) => c.id === 'perf.api.avg')!;
    assert.equal(local.threshold, 200);
    assert.equal(staging.threshold, 300);
    assert.equal(
      effectiveConditions(GATES, 'production').find((c) => c.id === 'perf.api.error_rate')!.evidence.min,
      20,
    );
    assert.throws(
      () =>
        effectiveConditions(
          {
            ...GATES,
            profiles: { ...GATES.profiles, local: { description: '', overrides: { nope: { threshold: 1 } } } },
          },
          'local',
        ),
      /unknown condition nope/,
    );
  });

  test('conditions of suites that did not run are not-run, and do not pass', () => {
    const gate = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['api'],
      results: [],
      unreadable: [],
      policy: applyPolicies([], [], [], NOW),
      waivers: [],
      now: NOW,
    });
    assert.equal(gate.conditions.find((c) => c.id === 'perf.api.avg')!.status, 'not-run');
    assert.equal(
      gate.conditions.find((c) => c.id === 'api.contract.failures')!.status,
      'failed',
      'api ran but produced no tests',
    );
    assert.equal(gate.status, 'failed');
  });

  test('an unreadable result makes its conditions error and the verdict could-not-evaluate (exit 2)', () => {
    const gate = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['load'],
      results: [],
      unreadable: [{ suite: 'load', message: 'summary.json: invalid JSON' }],
      policy: applyPolicies([], [], [], NOW),
      waivers: [],
      now: NOW,
    });
    assert.equal(gate.conditions.find((c) => c.id === 'perf.api.avg')!.status, 'error');
    assert.equal(gate.status, 'error');
    assert.equal(gate.exitCode, 2);
  });

  test('a suite the preflight blocked (extension absent) is could-not-evaluate with its reason, never a pass; core still counts', () => {
    const core = playwrightSuite('core', 3);
    const reason =
      'MesChain-Sync is not installed on this store: none of its 7 module pages opens for the administrator.';
    const gate = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['core'],
      results: [core],
      unreadable: [],
      blocked: [
        { suite: 'api', reason },
        { suite: 'ui', reason },
      ],
      policy: applyPolicies([core], [], [], NOW),
      waivers: [],
      now: NOW,
    });
    const api = gate.conditions.find((c) => c.id === 'api.contract.failures')!;
    assert.equal(api.status, 'error');
    assert.equal(api.message, `could not evaluate: ${reason}`);
    assert.equal(gate.conditions.find((c) => c.id === 'ui.failures')!.status, 'error');
    assert.equal(gate.conditions.find((c) => c.id === 'core.failures')!.status, 'passed');
    assert.equal(
      gate.conditions.find((c) => c.id === 'pwa.failures')!.status,
      'not-run',
      'a suite nobody asked for stays not-run',
    );
    assert.equal(gate.exitCode, 2);
    assert.ok(
      gate.errors.some((e) => e.startsWith('api: not run') && e.includes(reason)),
      gate.errors.join('\n'),
    );
  });

  test('a condition that applies to production only is not-run elsewhere, and says why', () => {
    const gate = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['api'],
      results: [],
      unreadable: [],
      policy: applyPolicies([], [], [], NOW),
      waivers: [],
      now: NOW,
    });
    const c = gate.conditions.find((x) => x.id === 'production.read_only')!;
    assert.equal(c.status, 'not-run');
    assert.match(c.message, /applies only to production/);
  });

  test('ids are unique and every condition has help and evidence', () => {
    const ids = GATES.conditions.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of GATES.conditions) {
      assert.ok(c.help.length > 20, c.id);
      assert.ok(c.evidence.metric && c.evidence.label, c.id);
    }
  });
});
