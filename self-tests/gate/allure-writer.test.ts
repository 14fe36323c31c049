/** The Allure writer: gate conditions and non-Playwright results become Allure files; secrets never do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAllureExtras } from '../../gate/allure-writer.ts';
import { evaluate } from '../../gate/engine.ts';
import { GATES } from '../../gate/gates.ts';
import { applyPolicies } from '../../gate/policy.ts';
import { emptySuite } from '../../gate/model.ts';

test('writes gate conditions, suite results, metrics and environment, with secrets masked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'allure-writer-'));
  const evidence = join(dir, 'summary-src.json');
  writeFileSync(
    evidence,
    JSON.stringify({
      login: 'admin',
      password: 'S3cret-Pass!',
      url: '/admin/index.php?route=x&user_token=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    }),
  );
  const load = emptySuite('load', 'k6', [evidence]);
  load.metrics = { 'http.requests': 120, 'http.avg_ms': 12.5, 'http.error_rate': 0 };
  load.tests = [
    {
      id: 'http_req_duration: avg<200',
      title: 'http_req_duration: avg<200',
      suite: 'load',
      status: 'passed',
      attempts: 1,
      durationMs: 0,
      tags: [],
    },
  ];
  load.artifacts = [{ name: 'k6 summary', path: evidence, contentType: 'application/json' }];
  const now = new Date();
  const gate = evaluate({
    spec: GATES,
    profile: 'local',
    ran: ['load'],
    results: [load],
    unreadable: [],
    policy: applyPolicies([load], [], [], now),
    waivers: [],
    now,
  });
  writeAllureExtras({
    resultsDir: dir,
    results: [load],
    gate,
    environment: { profile: 'local', store: 'http://127.0.0.1:1' },
    secrets: ['S3cret-Pass!'],
    startedAt: 1,
    stoppedAt: 2,
  });

  const files = readdirSync(dir);
  const results = files
    .filter((f) => f.endsWith('-result.json'))
    .map(
      (f) =>
        JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
          name: string;
          status: string;
          labels: { name: string; value: string }[];
        },
    );
  const gateTests = results.filter((r) => r.labels.some((l) => l.name === 'parentSuite' && l.value === 'Quality gate'));
  assert.equal(
    gateTests.length,
    GATES.conditions.length + GATES.regressions.length + 1,
    'one per condition and regression rule, plus the verdict',
  );
  assert.ok(
    gateTests.some((r) => r.name.startsWith('perf.api.avg') && r.status === 'passed'),
    'avg 12.5 ms on 120 samples',
  );
  assert.ok(
    gateTests.some((r) => r.name.startsWith('perf.dashboard.p95') && r.status === 'failed'),
    'no dashboard samples: missing evidence',
  );
  assert.ok(gateTests.some((r) => r.name.startsWith('Gate verdict: FAILED') && r.status === 'failed'));
  assert.ok(results.some((r) => r.name === 'http_req_duration: avg<200' && r.status === 'passed'));
  const perf = JSON.parse(
    readFileSync(
      join(
        dir,
        files.find((f) => f.endsWith('-perf.json'))!,
      ),
      'utf8',
    ),
  ) as { key: string; value: number }[];
  assert.ok(perf.some((m) => m.key === 'load.http.avg_ms' && m.value === 12.5));
  assert.ok(files.includes('environment.properties') && files.includes('executor.json'));
  for (const f of files.filter((x) => x.includes('-attachment'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    assert.doesNotMatch(text, /S3cret-Pass!/);
    assert.doesNotMatch(text, /AbCdEfGhIjKlMnOpQrStUvWxYz012345/);
  }
});
