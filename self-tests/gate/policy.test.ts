/** Waivers and quarantine: they apply while live, stop applying when expired, and block then. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPolicies, PolicyError } from '../../gate/policy.ts';
import { evaluate } from '../../gate/engine.ts';
import { GATES } from '../../gate/gates.ts';
import { emptySuite, type SuiteResult, type TestOutcome } from '../../gate/model.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const t = (id: string, status: TestOutcome['status']): TestOutcome => ({
  id,
  title: id,
  suite: 'ui',
  status,
  attempts: status === 'flaky' ? 2 : 1,
  durationMs: 1,
  tags: [],
});

function uiRun(...tests: TestOutcome[]): SuiteResult[] {
  const r = emptySuite('ui', 'playwright');
  r.tests = tests;
  return [r];
}

const gateOf = (results: SuiteResult[], policy: ReturnType<typeof applyPolicies>, waivers = []) =>
  evaluate({ spec: GATES, profile: 'local', ran: ['ui'], results, unreadable: [], policy, waivers, now: NOW });

describe('quarantine', () => {
  test('a quarantined flaky test runs without blocking; the same test unquarantined blocks as flaky', () => {
    const blocked = uiRun(t('ui › a', 'passed'), t('ui › hub › status table', 'flaky'));
    assert.equal(
      gateOf(blocked, applyPolicies(blocked, [], [], NOW)).conditions.find((c) => c.id === 'tests.flaky')!.status,
      'failed',
    );
    const results = uiRun(t('ui › a', 'passed'), t('ui › hub › status table', 'flaky'));
    const policy = applyPolicies(
      results,
      [],
      [{ test: 'hub › status table', owner: 'frontend', reason: 'MSYNC-1', expires: '2026-12-01' }],
      NOW,
    );
    const gate = gateOf(results, policy);
    assert.equal(gate.conditions.find((c) => c.id === 'tests.flaky')!.status, 'passed');
    assert.equal(gate.status, 'passed');
    assert.match(results[0]!.tests[1]!.quarantinedBy ?? '', /frontend: MSYNC-1/);
  });

  test('an expired quarantine entry stops applying and fails tests.quarantine.expired', () => {
    const results = uiRun(t('ui › a', 'passed'), t('ui › b', 'flaky'));
    const policy = applyPolicies(
      results,
      [],
      [{ test: 'ui › b', owner: 'frontend', reason: 'MSYNC-1', expires: '2026-11-23' }],
      NOW,
    );
    const gate = gateOf(results, policy);
    assert.equal(gate.conditions.find((c) => c.id === 'tests.quarantine.expired')!.status, 'failed');
    assert.equal(gate.conditions.find((c) => c.id === 'tests.flaky')!.status, 'failed');
  });

  test('an entry applies through its expiry day', () => {
    const results = uiRun(t('ui › b', 'flaky'), t('ui › a', 'passed'));
    const policy = applyPolicies(
      results,
      [],
      [{ test: 'ui › b', owner: 'o', reason: 'r', expires: '2026-11-24' }],
      NOW,
    );
    assert.equal(policy.quarantine.expired.length, 0);
  });
});

describe('waivers', () => {
  test('a waived failing test does not count as failed; an expired waiver does not apply and blocks', () => {
    const live = uiRun(t('ui › a', 'passed'), t('ui › known bug', 'failed'));
    const gate = gateOf(
      live,
      applyPolicies(
        live,
        [{ match: { test: 'known bug' }, owner: 'qa', reason: 'MSYNC-7', expires: '2027-01-01' }],
        [],
        NOW,
      ),
    );
    assert.equal(gate.conditions.find((c) => c.id === 'ui.failures')!.status, 'passed');
    const expired = uiRun(t('ui › a', 'passed'), t('ui › known bug', 'failed'));
    const w = [{ match: { test: 'known bug' }, owner: 'qa', reason: 'MSYNC-7', expires: '2026-01-01' }];
    const g2 = gateOf(expired, applyPolicies(expired, w, [], NOW));
    assert.equal(g2.conditions.find((c) => c.id === 'ui.failures')!.status, 'failed');
    assert.equal(g2.conditions.find((c) => c.id === 'waivers.expired')!.status, 'failed');
  });

  test('a condition waiver turns that failed condition into waived, with its owner', () => {
    const results = uiRun(t('ui › a', 'passed'), t('ui › b', 'failed'));
    const waivers = [
      { match: { condition: 'ui.failures' }, owner: 'lead', reason: 'accepted for hotfix', expires: '2026-12-01' },
    ];
    const gate = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['ui'],
      results,
      unreadable: [],
      policy: applyPolicies(results, waivers, [], NOW),
      waivers,
      now: NOW,
    });
    const c = gate.conditions.find((x) => x.id === 'ui.failures')!;
    assert.equal(c.status, 'waived');
    assert.match(c.waivedBy ?? '', /lead: accepted for hotfix/);
  });

  test('entries without owner, reason or a real expiry are refused with what to fix', () => {
    assert.throws(
      () => applyPolicies([], [{ match: { test: 'x' }, owner: '', reason: 'r', expires: '2027-01-01' }], [], NOW),
      (e: unknown) => e instanceof PolicyError && /expected an owner/.test(e.message),
    );
    assert.throws(
      () => applyPolicies([], [{ match: {}, owner: 'o', reason: 'r', expires: '2027-01-01' }], [], NOW),
      /match.condition, match.test or match.fingerprint/,
    );
    assert.throws(
      () => applyPolicies([], [], [{ test: 'x', owner: 'o', reason: 'r', expires: 'next week' }], NOW),
      /expires as YYYY-MM-DD; found "next week"/,
    );
  });
});
