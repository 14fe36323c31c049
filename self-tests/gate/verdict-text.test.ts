/** The verdict in words: the report's title, its variables, Allure's Quality Gates entries and reports/gate.md. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATES } from '../../gate/gates.ts';
import { evaluate } from '../../gate/engine.ts';
import { applyPolicies } from '../../gate/policy.ts';
import { emptySuite } from '../../gate/model.ts';
import { gateMarkdown, qualityGateResults, verdictHeadline, verdictVariables } from '../../gate/verdict-text.ts';

const NOW = new Date('2026-12-03T12:00:00Z');
function gateWith(failedTests: number) {
  const api = emptySuite('api', 'playwright');
  api.metrics = { 'contract.coverage': 100, 'contract.routes': 55 };
  api.tests = [
    {
      id: 'a',
      title: 'hub.metrics: answers its success schema',
      suite: 'api',
      status: 'passed',
      attempts: 1,
      durationMs: 1,
      tags: [],
    },
    ...Array.from({ length: failedTests }, (_, i) => ({
      id: `f${i}`,
      title: `f${i}`,
      suite: 'api' as const,
      status: 'failed' as const,
      attempts: 1,
      durationMs: 1,
      tags: [],
    })),
  ];
  return evaluate({
    spec: GATES,
    profile: 'local',
    ran: ['api'],
    results: [api],
    unreadable: [],
    policy: applyPolicies([api], [], [], NOW),
    waivers: [],
    now: NOW,
  });
}

describe('verdict text', () => {
  test('a failed gate: the headline names the failing conditions, gate.md has one row each with what to do', () => {
    const g = gateWith(1);
    assert.match(verdictHeadline(g), /^MesChain-Sync QA — FAIL \(local\): .*api\.contract\.failures/);
    const md = gateMarkdown(g, { store: 'http://shop', reportLink: 'allure-report/index.html' });
    assert.match(md, /\| ❌ FAIL \| api\.contract\.failures \| 1 \| <= 0 tests \| A route answered outside/);
    assert.match(md, /\[Allure\]\(allure-report\/index\.html\)/);
    const vars = verdictVariables(g, 'http://shop');
    assert.equal(Object.keys(vars)[0], 'Verdict');
    assert.match(vars.Verdict!, /^FAIL — exit 1, profile local, store http:\/\/shop/);
    const qg = qualityGateResults(g);
    assert.equal(qg.find((r) => r.rule === 'api.contract.failures')?.success, false);
    assert.ok(
      qg.every((r) => g.conditions.find((c) => c.id === r.rule)!.status !== 'not-run'),
      'not-run conditions are left out',
    );
  });

  test('a passing gate says PASS and lists nothing to do; blocked conditions share one row', () => {
    const g = gateWith(0);
    assert.equal(verdictHeadline(g), 'MesChain-Sync QA — PASS (local)');
    assert.match(gateMarkdown(g, { store: 's', reportLink: 'r' }), /Every judged condition passed\./);
    const reason = 'MesChain-Sync is not installed on this store.';
    const blocked = evaluate({
      spec: GATES,
      profile: 'local',
      ran: [],
      results: [],
      unreadable: [],
      policy: applyPolicies([], [], [], NOW),
      waivers: [],
      now: NOW,
      blocked: [
        { suite: 'api', reason },
        { suite: 'ui', reason },
      ],
    });
    const md = gateMarkdown(blocked, { store: 's', reportLink: 'r' });
    assert.equal(md.split('\n').filter((l) => l.startsWith('| ⚠️ COULD NOT EVALUATE')).length, 1, md);
    assert.match(
      verdictHeadline(blocked),
      /^MesChain-Sync QA — COULD NOT EVALUATE \(local\): MesChain-Sync is not installed/,
    );
  });
});
