/** The Playwright adapter on recorded real Playwright JSON reports, including broken and empty ones. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readPlaywrightResults, unreachedRoutes, withTestMetrics } from '../../gate/adapters/playwright.ts';
import { ResultsUnreadable, type TestOutcome } from '../../gate/model.ts';

const recorded = (name: string) => resolve(import.meta.dirname, 'recorded', 'playwright', name);

describe('Playwright adapter', () => {
  test('a mixed run: passed, failed, flaky and skipped tests land in their suites; @security tests in security', () => {
    const results = readPlaywrightResults(recorded('mixed-run.json')).map(withTestMetrics);
    const api = results.find((r) => r.suite === 'api')!;
    const ui = results.find((r) => r.suite === 'ui')!;
    const security = results.find((r) => r.suite === 'security')!;
    for (const r of [api, ui]) {
      assert.equal(r.metrics['tests.executed'], 3);
      assert.equal(r.metrics['tests.passed'], 1);
      assert.equal(r.metrics['tests.failed'], 1);
      assert.equal(r.metrics['tests.flaky'], 1);
      assert.equal(r.metrics['tests.skipped'], 1);
    }
    assert.equal(security.metrics['tests.executed'], 4);
    assert.equal(security.metrics['findings.open'], 2, 'one failing @security test per project');
    const flaky = api.tests.find((t) => t.status === 'flaky')!;
    assert.equal(flaky.attempts, 2);
    assert.match(api.tests.find((t) => t.status === 'failed')!.error ?? '', /metrics total_products/);
    assert.ok(security.tests.every((t) => t.tags.includes('@security')));
  });

  test('a run that collected no test gives zero executed tests (the gate then fails on evidence)', () => {
    const results = readPlaywrightResults(recorded('no-tests-collected.json'));
    assert.deepEqual(results, []);
  });

  for (const [file, why] of [
    ['truncated.json', /invalid JSON/],
    ['empty-file.json', /empty file/],
    ['wrong-shape.json', /another shape/],
    ['missing.json', /no file/],
  ] as const) {
    test(`${file} is unreadable, never a pass`, () => {
      assert.throws(
        () => readPlaywrightResults(recorded(file)),
        (err: unknown) => err instanceof ResultsUnreadable && why.test(err.message),
      );
    });
  }
});

describe('contract coverage counts routes a test reached', () => {
  const t = (title: string, status: TestOutcome['status'], error?: string): TestOutcome => ({
    id: title,
    title: `contract › ${title}`,
    suite: 'api',
    status,
    attempts: 1,
    durationMs: 1,
    tags: [],
    ...(error ? { error } : {}),
  });
  test('all skipped, or failed on a missing route: not reached; one test that ran: reached; no test in the run: left to the plan', () => {
    const tests = [
      t('n11.page: the administrator lands on the page', 'skipped'),
      t('n11.test_connection: answers its success schema', 'skipped'),
      t(
        'trendyol.update_stock: answers its success schema',
        'failed',
        'POST extension/module/trendyol/update_stock: expected JSON; OpenCart answered with "Page Not Found!" — the route does not exist on this store (module not installed?).',
      ),
      t(
        'trendyol.page: the administrator lands on the page',
        'failed',
        'expected <h1> Trendyol settings; found "Trendyol"',
      ),
      t('hub.metrics: answers its success schema', 'passed'),
    ];
    assert.deepEqual(
      unreachedRoutes(tests, [
        'n11.page',
        'n11.test_connection',
        'trendyol.update_stock',
        'trendyol.page',
        'hub.metrics',
        'reporting.page',
      ]),
      ['n11.page', 'n11.test_connection', 'trendyol.update_stock'],
    );
  });
});
