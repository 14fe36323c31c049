/** The requests a production run sent, as read-only evidence without database access: logins pass, anything else state-changing is counted. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noteRequest, sentRequests } from '../../fixtures/request-log.ts';

test("a production run's requests: reads and logins are not writes, a POST that got out is", () => {
  const env = { QA_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'requests-')), QA_ENV: 'production' };
  noteRequest('GET', '/admin/index.php?route=common/dashboard&user_token=x', env);
  noteRequest('POST', '/admin/index.php?route=common/login', env);
  noteRequest('POST', '/index.php?route=api/login', env);
  assert.deepEqual(sentRequests(env), { total: 3, writes: [] });
  noteRequest('POST', '/admin/index.php?route=extension/module/meschain_sync/save&user_token=x', env);
  assert.deepEqual(sentRequests(env).writes, ['POST extension/module/meschain_sync/save']);
  const local = { QA_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'requests-')), QA_ENV: 'local' };
  noteRequest('POST', '/admin/index.php?route=extension/module/meschain_sync/save', local);
  assert.equal(sentRequests(local).total, 0, 'only production runs note their requests');
});
