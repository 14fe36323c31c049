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

const NOW = new Date('2026-11-24T12:00:00Z');

/** A value that breaks / meets the comparator. */
function breaking(c: Condition): number {
  switch (c.comparator) {
    case '<': case '<=': return c.threshold + Math.max(1, Math.abs(c.threshold));
    case '>': case '>=': return c.threshold - Math.max(1, Math.abs(c.threshold) / 2);
    case '==': return c.threshold + 1;
  }
}
function meeting(c: Condition): number {
  switch (c.comparator) {
    case '<': return c.threshold / 2;
    case '<=': case '==': return c.threshold;
    case '>': return c.threshold * 2 + 1;
    case '>=': return c.threshold;
  }
}

const TEST_SUITES: Suite[] = ['api', 'security', 'ui', 'pwa'];
const isTestMetric = (c: Condition) => TEST_SUITES.includes(c.suite as Suite) && (c.metric.startsWith('tests.') || c.metric === 'findings.open');

function playwrightSuite(suite: Suite, passed: number, failed = 0, flaky = 0): SuiteResult {
  const r = emptySuite(suite, 'playwright');
  const mk = (status: 'passed' | 'failed' | 'flaky', i: number) =>
    ({ id: `${suite} › ${status} ${i}`, title: `${status} ${i}`, suite, attempts: status === 'flaky' ? 2 : 1, durationMs: 1, tags: [], status });
  r.tests = [...Array.from({ length: passed }, (_, i) => mk('passed', i)), ...Array.from({ length: failed }, (_, i) => mk('failed', i)),
    ...Array.from({ length: flaky }, (_, i) => mk('flaky', i))];
  return r;
}

/** Results where condition `c` reads `value` with `evidence`, and every other condition passes. */
function input(c: Condition, value: number, evidence: number): EvaluateInput {
  const results: SuiteResult[] = [];
  // metric suites: every other condition met with its minimum evidence
  for (const s of SUITES.filter((x) => !TEST_SUITES.includes(x))) {
    const r = emptySuite(s, s === 'load' ? 'k6' : s === 'lighthouse' ? 'lighthouse' : 'axe-core');
    for (const o of GATES.conditions.filter((x) => x.suite === s)) {
      r.metrics[o.metric] = meeting(o);
      r.metrics[o.evidence.metric] = Math.max(r.metrics[o.evidence.metric] ?? 0, o.evidence.min);
    }
    results.push(r);
  }
  const api = emptySuite('api', 'coverage');
  api.metrics['contract.coverage'] = 100;
  api.metrics['contract.routes'] = 55;
  results.push(api);
  for (const s of TEST_SUITES) {
    const target = c.suite === s && isTestMetric(c);
    results.push(target ? playwrightSuite(s, evidence > 0 && value > 0 ? Math.max(0, evidence - 1) : evidence, value) : playwrightSuite(s, 1));
  }
  let policy = applyPolicies(results, [], [], NOW);
  if (c.suite === 'all') {
    if (c.metric === 'tests.pass_rate' && value < 100) results.push(playwrightSuite('ui', 0, 1));
    if (c.metric === 'tests.flaky' && value > 0) results.push(playwrightSuite('ui', 0, 0, value));
    if (evidence === 0 && c.metric.startsWith('tests.')) results.splice(0, results.length, ...results.filter((r) => r.tool !== 'playwright'));
    if (c.metric === 'quarantine.expired' || c.metric === 'waivers.expired') {
      const expired = value > 0 ? [{ owner: 'qa', reason: 'r', expires: '2020-01-01' }] : [];
      policy = applyPolicies(results,
        c.metric === 'waivers.expired' ? expired.map((e) => ({ ...e, match: { condition: 'x' } })) : [],
        c.metric === 'quarantine.expired' ? expired.map((e) => ({ ...e, test: 'nothing' })) : [], NOW);
      if (evidence === 0) policy[c.metric === 'waivers.expired' ? 'waivers' : 'quarantine'].read = 0;
    }
  } else if (c.metric.startsWith('data.') || c.metric.startsWith('preflight.')) {
    // run metrics, not a suite's
  } else if (!isTestMetric(c)) {
    const r = c.id.startsWith('api.contract.coverage') ? api : results.find((x) => x.suite === c.suite && x.tool !== 'playwright')!;
    r.metrics[c.metric] = value;
    r.metrics[c.evidence.metric] = evidence;
  }
  const runMetrics = c.metric.startsWith('data.') || c.metric.startsWith('preflight.') ? { [c.metric]: value, [c.evidence.metric]: evidence }
    : { 'data.tables_changed': 0, 'data.digest_checked': 1 };
  return { spec: GATES, profile: c.appliesTo?.profiles?.[0] ?? 'local', ran: [...SUITES], results, unreadable: [], policy, waivers: [], now: NOW, runMetrics, targetKind: 'reference' };
}

describe('every condition of the default spec', () => {
  for (const c of GATES.conditions) {
    const minEvidence = Math.max(1, c.evidence.min);
    test(`${c.id} fails with its id when ${c.metric} ${c.comparator} ${c.threshold} is broken`, () => {
      const value = c.suite === 'all' ? (c.metric === 'tests.pass_rate' ? 0 : 1) : isTestMetric(c) ? 1 : breaking(c);
      const gate = evaluate(input(c, value, minEvidence + 1));
      const r = gate.conditions.find((x) => x.id === c.id)!;
      assert.equal(r.status, c.severity === 'blocker' ? 'failed' : 'warn', r.message);
      if (c.severity === 'blocker') assert.equal(gate.exitCode, 1);
      const red = gate.conditions.filter((x) => (x.status === 'failed' || x.status === 'warn') && !x.id.startsWith('regression.')).map((x) => x.id);
      // a failing test also fails the suite-wide pass rate; every other condition stays green
      const allowed = new Set([c.id, 'tests.pass_rate', 'tests.flaky', ...(c.suite === 'all' ? ['ui.failures'] : [])]);
      assert.ok(red.includes(c.id) && red.every((id) => allowed.has(id)), `red: ${red.join(', ')}`);
    });

    test(`${c.id} passes on evidence when the threshold is met`, () => {
      const value = c.suite === 'all' ? (c.metric === 'tests.pass_rate' ? 100 : 0) : isTestMetric(c) ? 0 : meeting(c);
      const gate = evaluate(input(c, value, minEvidence));
      const r = gate.conditions.find((x) => x.id === c.id)!;
      assert.equal(r.status, 'passed', r.message);
      assert.equal(gate.status, 'passed', gate.conditions.filter((x) => x.status !== 'passed').map((x) => `${x.id}: ${x.message}`).join('; '));
    });

    test(`${c.id} never passes without evidence`, () => {
      const value = c.suite === 'all' ? (c.metric === 'tests.pass_rate' ? 100 : 0) : isTestMetric(c) ? 0 : meeting(c);
      const gate = evaluate(input(c, value, 0));
      const r = gate.conditions.find((x) => x.id === c.id)!;
      assert.equal(r.status, c.severity === 'blocker' ? 'failed' : 'warn');
      assert.match(r.message, /missing evidence/);
    });
  }
});

describe('profiles and suites', () => {
  test('staging and production override thresholds by id; an override of an unknown id is refused', () => {
    const local = effectiveConditions(GATES, 'local').find((c) => c.id === 'perf.api.avg')!;
    const staging = effectiveConditions(GATES, 'staging').find((c) => c.id === 'perf.api.avg')!;
    assert.equal(local.threshold, 200);
    assert.equal(staging.threshold, 300);
    assert.equal(effectiveConditions(GATES, 'production').find((c) => c.id === 'perf.api.error_rate')!.evidence.min, 20);
    assert.throws(() => effectiveConditions({ ...GATES, profiles: { ...GATES.profiles, local: { description: '', overrides: { nope: { threshold: 1 } } } } }, 'local'), /unknown condition nope/);
  });

  test('conditions of suites that did not run are not-run, and do not pass', () => {
    const gate = evaluate({ spec: GATES, profile: 'local', ran: ['api'], results: [], unreadable: [], policy: applyPolicies([], [], [], NOW), waivers: [], now: NOW });
    assert.equal(gate.conditions.find((c) => c.id === 'perf.api.avg')!.status, 'not-run');
    assert.equal(gate.conditions.find((c) => c.id === 'api.contract.failures')!.status, 'failed', 'api ran but produced no tests');
    assert.equal(gate.status, 'failed');
  });

  test('an unreadable result makes its conditions error and the verdict could-not-evaluate (exit 2)', () => {
    const gate = evaluate({ spec: GATES, profile: 'local', ran: ['load'], results: [], unreadable: [{ suite: 'load', message: 'summary.json: invalid JSON' }],
      policy: applyPolicies([], [], [], NOW), waivers: [], now: NOW });
    assert.equal(gate.conditions.find((c) => c.id === 'perf.api.avg')!.status, 'error');
    assert.equal(gate.status, 'error');
    assert.equal(gate.exitCode, 2);
  });

  test('a suite the preflight blocked (extension absent) is could-not-evaluate with its reason, never a pass; core still counts', () => {
    const core = playwrightSuite('core', 3);
    const reason = 'MesChain-Sync is not installed on this store: none of its 7 module pages opens for the administrator.';
    const gate = evaluate({ spec: GATES, profile: 'local', ran: ['core'], results: [core], unreadable: [], blocked: [{ suite: 'api', reason }, { suite: 'ui', reason }],
      policy: applyPolicies([core], [], [], NOW), waivers: [], now: NOW });
    const api = gate.conditions.find((c) => c.id === 'api.contract.failures')!;
    assert.equal(api.status, 'error');
    assert.equal(api.message, `could not evaluate: ${reason}`);
    assert.equal(gate.conditions.find((c) => c.id === 'ui.failures')!.status, 'error');
    assert.equal(gate.conditions.find((c) => c.id === 'core.failures')!.status, 'passed');
    assert.equal(gate.conditions.find((c) => c.id === 'pwa.failures')!.status, 'not-run', 'a suite nobody asked for stays not-run');
    assert.equal(gate.exitCode, 2);
    assert.ok(gate.errors.some((e) => e.startsWith('api: not run') && e.includes(reason)), gate.errors.join('\n'));
  });

  test('a condition that applies to production only is not-run elsewhere, and says why', () => {
    const gate = evaluate({ spec: GATES, profile: 'local', ran: ['api'], results: [], unreadable: [], policy: applyPolicies([], [], [], NOW), waivers: [], now: NOW });
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
