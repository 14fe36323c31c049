/**
 * The k6 adapter on recorded real k6 v1.8.1 summaries of perf/meschain.k6.ts (recorded by
 * self-tests/gate/recorded/k6/record.ts against the reference target), including a run without
 * samples and broken files; and what the gate makes of them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readK6Summary } from '../../gate/adapters/k6.ts';
import { ResultsUnreadable, type SuiteResult } from '../../gate/model.ts';
import { GATES } from '../../gate/gates.ts';
import { evaluate } from '../../gate/engine.ts';
import { applyPolicies } from '../../gate/policy.ts';
import { WAIVERS } from '../../gate/waivers.ts';
import { QUARANTINE } from '../../gate/quarantine.ts';

const recorded = (name: string) => resolve(import.meta.dirname, 'recorded', 'k6', name);
const JOURNEYS = ['dashboard', 'product_sync', 'order_import', 'webhook_burst'];

function gateOn(result: SuiteResult): Map<string, { status: string; message: string }> {
  const now = new Date();
  const policy = applyPolicies([result], WAIVERS, QUARANTINE, now);
  const gate = evaluate({
    spec: GATES,
    profile: 'local',
    ran: ['load'],
    results: [result],
    unreadable: [],
    policy,
    waivers: WAIVERS,
    now,
  });
  // the k6 perf.* conditions of the spec (regression.* rules need run history; perf.scaling.* read the scaling check: scaling-adapter.test.ts)
  return new Map(
    gate.conditions
      .filter((c) => c.id.startsWith('perf.') && !c.id.startsWith('perf.scaling.'))
      .map((c) => [c.id, { status: c.status, message: c.message }]),
  );
}

describe('k6 adapter', () => {
  test('a clean smoke run gives every metric the perf conditions read', () => {
    const r = readK6Summary(recorded('smoke.json'));
    assert.equal(r.suite, 'load');
    assert.equal(r.tool, 'k6');
    assert.equal(r.metrics['http.requests'], 82);
    for (const key of ['http.avg_ms', 'http.p50_ms', 'http.p95_ms', 'http.p99_ms', 'http.rps'])
      assert.ok((r.metrics[key] ?? 0) > 0, key);
    assert.ok(
      r.metrics['http.p50_ms']! <= r.metrics['http.p95_ms']! && r.metrics['http.p95_ms']! <= r.metrics['http.p99_ms']!,
    );
    assert.equal(r.metrics['http.error_rate'], 0);
    assert.equal(r.metrics['checks.pass_rate'], 100);
    assert.ok(r.metrics['checks.total']! >= 50);
    for (const j of JOURNEYS) {
      for (const m of ['requests', 'avg_ms', 'p95_ms', 'error_rate'])
        assert.ok(`scenario.${j}.${m}` in r.metrics, `scenario.${j}.${m}`);
    }
    assert.ok(r.metrics['scenario.dashboard.requests']! >= 20);
    assert.equal(
      JOURNEYS.reduce((n, j) => n + r.metrics[`scenario.${j}.requests`]!, 0) + 2,
      82,
      'journeys plus the two login requests of setup()',
    );
  });

  test('every k6 threshold becomes a test titled by its expression', () => {
    const r = readK6Summary(recorded('smoke.json'));
    const titles = r.tests.map((t) => t.title);
    assert.ok(titles.includes('http_req_duration: avg<200'));
    assert.ok(titles.includes('meschain_errors: rate<0.001'));
    assert.ok(titles.includes('checks: rate>=0.999'));
    assert.ok(titles.includes('http_req_duration{scenario:dashboard}: p(95)<500'));
    assert.equal(r.tests.length, 12);
    assert.ok(r.tests.every((t) => t.status === 'passed' && t.suite === 'load' && t.tags.includes('@k6-threshold')));
    assert.deepEqual(
      r.artifacts.map((a) => a.path),
      [recorded('smoke.json')],
    );
  });

  test('the slow-api run: average thresholds fail with the actual value', () => {
    const r = readK6Summary(recorded('smoke-slow-api.json'));
    assert.ok(r.metrics['http.avg_ms']! > 200);
    const failed = r.tests.filter((t) => t.status === 'failed');
    assert.ok(failed.some((t) => t.title === 'http_req_duration: avg<200' && /actual avg = \d+/.test(t.error ?? '')));
    assert.ok(
      r.tests.find((t) => t.title === 'http_req_duration{scenario:webhook_burst}: avg<200')?.status === 'passed',
      'the webhook is not an extension action',
    );
  });

  test('the api-errors run: error rate in percent, failed checks named in the notes', () => {
    const r = readK6Summary(recorded('smoke-api-errors.json'));
    assert.ok(
      r.metrics['http.error_rate']! > 10 && r.metrics['http.error_rate']! < 25,
      String(r.metrics['http.error_rate']),
    );
    assert.ok(r.metrics['checks.pass_rate']! < 99.9);
    assert.ok(r.notes.some((n) => /failed k6 checks: .*status 200/.test(n)));
  });

  test('a run without samples gives http.requests 0 and no latency; its vacuous thresholds are skipped, not passed', () => {
    const r = readK6Summary(recorded('zero-samples.json'));
    assert.equal(r.metrics['http.requests'], 0);
    assert.equal(r.metrics['checks.total'], 0);
    assert.equal(r.metrics['scenario.dashboard.requests'], 0);
    for (const key of ['http.avg_ms', 'http.error_rate', 'checks.pass_rate', 'scenario.dashboard.p95_ms'])
      assert.ok(!(key in r.metrics), key);
    assert.ok(r.tests.length > 0 && r.tests.every((t) => t.status === 'skipped'));
  });

  test('a stress run reports the load at which it broke', () => {
    const r = readK6Summary(recorded('stress.json'));
    const broke = r.metrics['stress.broke_at_rps']!;
    assert.ok(broke > 0 && r.metrics['stress.held_rps']! < broke);
    assert.ok(r.notes.some((n) => n.startsWith(`stress: broke at ${broke} req/s offered`)));
    assert.ok(r.tests.some((t) => /^http_req_duration\{stage:\d+\}: avg<200$/.test(t.title) && t.status === 'failed'));
    assert.ok(
      r.tests.some((t) => /\{stage:\d+\}/.test(t.title) && t.status === 'skipped'),
      'steps never reached are not passes',
    );
  });

  for (const [file, why] of [
    ['truncated.json', /does not parse/],
    ['empty.json', /empty file/],
    ['missing.json', /could not read it \(ENOENT\)/],
  ] as const) {
    test(`${file} is unreadable, never a pass`, () => {
      assert.throws(
        () => readK6Summary(recorded(file)),
        (err: unknown) => err instanceof ResultsUnreadable && why.test(err.message),
      );
    });
  }

  test('a run k6 did not complete (only summary.incomplete.json) is unreadable, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k6-adapter-'));
    writeFileSync(join(dir, 'summary.incomplete.json'), readFileSync(recorded('smoke.json')));
    assert.throws(
      () => readK6Summary(join(dir, 'summary.json')),
      (err: unknown) => err instanceof ResultsUnreadable && /k6 did not complete the run/.test(err.message),
    );
  });

  test('JSON of another shape is unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k6-adapter-'));
    const files: [string, string][] = [
      ['array.json', '[]'],
      ['no-metrics.json', '{"state":{}}'],
      ['bad-metric.json', '{"metrics":{"http_reqs":{"count":3}}}'],
    ];
    for (const [name, body] of files) {
      writeFileSync(join(dir, name), body);
      assert.throws(() => readK6Summary(join(dir, name)), ResultsUnreadable, name);
    }
  });
});

describe('the gate on k6 results', () => {
  test('a clean smoke passes every perf condition', () => {
    const c = gateOn(readK6Summary(recorded('smoke.json')));
    assert.equal(c.size, 4);
    assert.deepEqual(
      [...c].filter(([, v]) => v.status !== 'passed'),
      [],
    );
  });

  test('slow-api fails perf.api.avg; api-errors fails perf.api.error_rate and perf.checks', () => {
    assert.equal(gateOn(readK6Summary(recorded('smoke-slow-api.json'))).get('perf.api.avg')?.status, 'failed');
    const errors = gateOn(readK6Summary(recorded('smoke-api-errors.json')));
    assert.equal(errors.get('perf.api.error_rate')?.status, 'failed');
    assert.equal(errors.get('perf.checks')?.status, 'failed');
  });

  test('zero samples fail every perf condition on missing evidence, never pass', () => {
    const perf = gateOn(readK6Summary(recorded('zero-samples.json')));
    assert.equal(perf.size, 4);
    for (const [id, v] of perf) {
      assert.equal(v.status, 'failed', id);
      assert.match(v.message, /missing evidence: 0/, id);
    }
  });
});
