/** `--changed`: a change in each ownership zone picks the suites that zone needs. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suitesForFiles } from '../../runner/changed.ts';
import { SUITES } from '../../gate/model.ts';

const pick = (...files: string[]) => suitesForFiles(files).suites;

describe('ownership zones', () => {
  test('backend: library, controllers, models and catalog webhooks → core, API, security, oracle, load and UI', () => {
    for (const f of [
      'upload/system/library/meschain/sync/engine.php',
      'upload/admin/controller/extension/module/meschain_trendyol.php',
      'upload/admin/model/extension/module/meschain_sync.php',
      'upload/catalog/controller/extension/module/trendyol_webhook.php',
      'reference-target/extension/controllers/marketplace.ts',
      'contracts/meschain-routes.ts',
    ]) {
      assert.deepEqual(pick(f), ['core', 'api', 'security', 'oracle', 'ui', 'load', 'scaling'], f);
    }
  });

  test('frontend: Twig templates and front-end assets → core, UI, PWA, a11y and Lighthouse', () => {
    for (const f of [
      'upload/admin/view/template/extension/module/meschain/dashboard.twig',
      'upload/admin/view/javascript/meschain/sw.js',
      'reference-target/views/extension/module/meschain/dashboard.twig',
      'reference-target/public/javascript/meschain/dashboard.js',
    ]) {
      assert.deepEqual(pick(f), ['core', 'ui', 'pwa', 'a11y', 'lighthouse'], f);
    }
  });

  test('devops/qa: each suite folder runs its own suite', () => {
    assert.deepEqual(pick('tests/api/contract-read.spec.ts'), ['core', 'api', 'security', 'oracle']);
    assert.deepEqual(pick('fixtures/oracle/expected-report.ts'), ['oracle']);
    assert.deepEqual(pick('tests/pwa/offline.spec.ts'), ['pwa']);
    assert.deepEqual(pick('perf/scenarios/dashboard.ts'), ['load']);
    assert.deepEqual(pick('a11y/pages.a11y.ts'), ['a11y', 'lighthouse']);
    assert.deepEqual(pick('fixtures/opencart/page-proof.ts'), [
      'core',
      'api',
      'security',
      'oracle',
      'ui',
      'pwa',
      'load',
      'a11y',
      'lighthouse',
    ]);
  });

  test('the zones file, the gate spec and the runner run everything', () => {
    for (const f of [
      'zones.ts',
      'gate/gates.ts',
      'runner/pipeline.ts',
      'package-lock.json',
      '.github/workflows/qa.yml',
    ])
      assert.deepEqual(pick(f), [...SUITES], f);
  });

  test('a file in no zone runs nothing and says so', () => {
    const r = suitesForFiles(['README.md']);
    assert.deepEqual(r.suites, []);
    assert.deepEqual(r.reasons['README.md'], ['no zone']);
  });
});
