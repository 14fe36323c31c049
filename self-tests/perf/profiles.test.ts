/** Load profiles: bounded in time and requests, thresholds from the gate spec, loopback only. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadThresholds } from '../../gate/gates.ts';
import { k6Options, k6Thresholds } from '../../perf/config/options.ts';
import {
  LOAD_PROFILES,
  planBounds,
  profilePlan,
  restrictToGateProfile,
  soakMinutes,
  stressStepAt,
} from '../../perf/config/profiles.ts';
import { readRunConfig } from '../../perf/config/run-config.ts';
import { loadTargetUrl } from '../../perf/config/target.ts';

const creds = { OC_ADMIN_USERNAME: 'admin', OC_ADMIN_PASSWORD: 'pw', TRENDYOL_WEBHOOK_SECRET: 's' };

describe('load profiles', () => {
  test('every profile is bounded in time and requests', () => {
    const bounds = Object.fromEntries(LOAD_PROFILES.map((p) => [p, planBounds(profilePlan(p))]));
    assert.ok(bounds.smoke!.seconds <= 90 && bounds.smoke!.requests <= 200, JSON.stringify(bounds.smoke));
    assert.ok(bounds.load!.seconds <= 5 * 60 && bounds.load!.requests <= 25_000, JSON.stringify(bounds.load));
    assert.ok(bounds.stress!.seconds <= 5 * 60 && bounds.stress!.requests <= 250_000, JSON.stringify(bounds.stress));
    assert.ok(planBounds(profilePlan('soak', { soakMinutes: 60 })).seconds <= 61 * 60 + 60);
    for (const p of LOAD_PROFILES) {
      for (const s of Object.values(
        k6Options(profilePlan(p), 'local').scenarios as Record<string, Record<string, unknown>>,
      )) {
        assert.ok(
          s.maxDuration !== undefined || s.duration !== undefined || Array.isArray(s.stages),
          `${p}: a scenario without an end`,
        );
        assert.ok(
          s.iterations !== undefined || s.maxVUs !== undefined,
          `${p}: a scenario without an iteration or VU cap`,
        );
      }
    }
  });

  test('load keeps at least 20 dashboard and metrics requests in flight: a closed model of 20+ VUs without think time', () => {
    const plan = profilePlan('load');
    const d = plan.scenarios.dashboard;
    assert.ok(d && d.executor === 'per-vu-iterations' && d.vus >= 20, JSON.stringify(d));
    assert.equal(plan.tuning.dashboardThinkS, 0);
  });

  test('smoke gives the gate its minimum evidence: at least 50 requests, 20 of them on the dashboard', () => {
    const smoke = profilePlan('smoke');
    const d = smoke.scenarios.dashboard;
    assert.ok(d && d.executor === 'per-vu-iterations');
    assert.ok(d.vus * d.iterations * 2 >= 20, 'dashboard polls (metrics + chartData)');
    const minimum = d.vus * d.iterations * 2 + 2 + 3 + 12; // + login, orders, webhooks
    assert.ok(minimum >= 50, String(minimum));
  });

  test('soak minutes are bounded', () => {
    assert.equal(soakMinutes(undefined), 10);
    assert.equal(soakMinutes('45'), 45);
    assert.throws(() => soakMinutes('600'), /expected a whole number of minutes 1-60; found "600"/);
  });

  test('production is a read-only smoke', () => {
    assert.deepEqual(Object.keys(restrictToGateProfile(profilePlan('smoke'), 'production').scenarios), ['dashboard']);
    assert.throws(() => restrictToGateProfile(profilePlan('load'), 'production'), /expected smoke/);
  });

  test('stress steps are found by elapsed time', () => {
    const s = profilePlan('stress').stress!;
    assert.equal(stressStepAt(s, 0), 0);
    assert.equal(stressStepAt(s, s.rampS + s.steps[0]!.holdS + 0.1), 1);
    assert.equal(stressStepAt(s, 1e6), s.steps.length - 1);
  });
});

describe('k6 thresholds come from the gate spec', () => {
  for (const gateProfile of ['local', 'staging', 'production'] as const) {
    test(`${gateProfile}: average, error rate, dashboard p95 and checks`, () => {
      const g = loadThresholds(gateProfile);
      const t = k6Thresholds(profilePlan('smoke'), gateProfile);
      assert.deepEqual(t.http_req_duration, [`avg<${g.avgMs}`]);
      const pct = (expr: unknown, op: string) => Number(String(expr).slice(op.length)) * 100;
      assert.ok(Math.abs(pct(t.meschain_errors?.[0], 'rate<') - g.errorRatePct) < 1e-9, String(t.meschain_errors));
      assert.ok(Math.abs(pct(t.checks?.[0], 'rate>=') - g.checksPct) < 1e-9, String(t.checks));
      assert.ok(t['http_req_duration{scenario:dashboard}']!.includes(`p(95)<${g.dashboardP95Ms}`));
    });
  }

  test("the default thresholds are the plan's: average < 200 ms, error rate < 0.1 %", () => {
    const t = k6Thresholds(profilePlan('smoke'), 'local');
    assert.deepEqual(t.http_req_duration, ['avg<200']);
    assert.deepEqual(t.meschain_errors, ['rate<0.001']);
  });

  test('stress stops at the first step that breaks (abortOnFail)', () => {
    const t = k6Thresholds(profilePlan('stress'), 'local');
    assert.deepEqual(t['http_req_duration{stage:0}'], [
      { threshold: 'avg<200', abortOnFail: true, delayAbortEval: '5s' },
    ]);
  });
});

describe('load target', () => {
  test('loopback only, unless opted in', () => {
    assert.equal(loadTargetUrl('http://127.0.0.1:8790/', undefined), 'http://127.0.0.1:8790');
    assert.equal(loadTargetUrl('http://localhost:1', undefined), 'http://localhost:1');
    assert.equal(loadTargetUrl('http://[::1]:1', undefined), 'http://[::1]:1');
    assert.throws(
      () => loadTargetUrl('https://shop.example.com', undefined),
      /expected a loopback host.*found shop\.example\.com.*MESCHAIN_LOAD_ALLOW_REMOTE=1/,
    );
    assert.throws(() => loadTargetUrl('http://127.0.0.1.example.com', undefined), /loopback/);
    assert.equal(loadTargetUrl('https://shop.example.com', '1'), 'https://shop.example.com');
    assert.throws(() => loadTargetUrl('', undefined), /expected QA_BASE_URL like/);
    assert.throws(() => loadTargetUrl('http://127.0.0.1:8790/admin', undefined), /no path/);
  });

  test('the k6 run configuration refuses a remote store and missing credentials', () => {
    assert.throws(() => readRunConfig({ QA_BASE_URL: 'http://10.0.0.5', ...creds }), /loopback/);
    assert.throws(() => readRunConfig({ QA_BASE_URL: 'http://127.0.0.1:1' }), /OC_ADMIN_USERNAME: expected a value/);
    assert.throws(
      () => readRunConfig({ QA_BASE_URL: 'http://127.0.0.1:1', MESCHAIN_LOAD_PROFILE: 'huge', ...creds }),
      /expected one of smoke, load, stress, soak/,
    );
    assert.equal(
      readRunConfig({ QA_BASE_URL: 'http://127.0.0.1:1', ...creds }).adminEntry,
      'http://127.0.0.1:1/admin/index.php',
    );
  });
});
