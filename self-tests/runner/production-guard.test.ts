/** The production profile refuses writes where requests are made. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReadOnlyRequest, ProductionWriteError, refuseWritesInProduction } from '../../fixtures/production-guard.ts';

test('reads and the login POST pass; every other write is refused in production only', () => {
  assert.ok(isReadOnlyRequest('GET', '/admin/index.php?route=extension/module/meschain_sync/metrics'));
  assert.ok(isReadOnlyRequest('POST', '/admin/index.php?route=common/login'));
  assert.ok(!isReadOnlyRequest('POST', '/admin/index.php?route=extension/module/trendyol/update_stock&user_token=x'));
  assert.throws(
    () =>
      refuseWritesInProduction('POST', '/admin/index.php?route=extension/module/trendyol/save&user_token=SECRETTOKEN', {
        QA_ENV: 'production',
      }),
    (e: unknown) =>
      e instanceof ProductionWriteError &&
      /read-only: refused POST .*user_token=\[MASKED\]/.test(e.message) &&
      !e.message.includes('SECRETTOKEN'),
  );
  assert.throws(() => refuseWritesInProduction('POST', '/__qa/reset', { QA_ENV: 'production' }), ProductionWriteError);
  assert.doesNotThrow(() => refuseWritesInProduction('POST', '/__qa/reset', { QA_ENV: 'local' }));
});
