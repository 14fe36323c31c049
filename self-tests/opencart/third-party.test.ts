/** Third-party requests: what counts as the store (its own hosts, as QA_BASE_URL and its pages name it), what is blocked, and bad settings. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hostAllowed,
  hostResolverRules,
  isThirdParty,
  readThirdPartyPolicy,
  storeHosts,
} from '../../fixtures/third-party.ts';

describe('third-party requests', () => {
  const hosts = storeHosts('http://127.0.0.1:8780', {
    QA_STORE_ORIGINS: 'http://127.0.0.1:8780,http://localhost:8780',
  });

  test("the store's own hosts are never third-party, also under the name its config.php gives it", () => {
    for (const own of [
      'http://127.0.0.1:8780/admin/view/javascript/jquery/jquery-3.7.1.min.js',
      'http://localhost:8780/admin/index.php?route=common/dashboard',
      'https://LOCALHOST:8780/image/x.png',
    ]) {
      assert.equal(isThirdParty(own, hosts), false, own);
    }
    for (const other of [
      'http://fonts.googleapis.com/css?family=Open+Sans',
      'https://cdn.jsdelivr.net/npm/chart.js',
      'http://127.0.0.1:8781/',
      'http://localhost/',
    ]) {
      assert.equal(isThirdParty(other, hosts), true, other);
    }
    assert.equal(isThirdParty('data:image/png;base64,AAAA', hosts), false);
  });

  test("the browser resolves only loopback, the store's own hosts and the allowed ones", () => {
    assert.equal(
      hostResolverRules({
        QA_BASE_URL: 'https://shop.example.com',
        QA_STORE_ORIGINS: 'https://www.shop.example.com',
        QA_THIRD_PARTY_ALLOW: 'fonts.googleapis.com,*.gstatic.com',
      }),
      'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost, EXCLUDE [::1], EXCLUDE shop.example.com, EXCLUDE www.shop.example.com, EXCLUDE fonts.googleapis.com, EXCLUDE *.gstatic.com',
    );
  });

  test('QA_THIRD_PARTY_ALLOW: exact hosts and *.subdomains; anything else is a clear error', () => {
    const p = readThirdPartyPolicy({ QA_THIRD_PARTY_ALLOW: 'fonts.googleapis.com, *.gstatic.com' });
    assert.equal(hostAllowed(p, 'fonts.googleapis.com'), true);
    assert.equal(hostAllowed(p, 'fonts.gstatic.com'), true);
    assert.equal(hostAllowed(p, 'gstatic.com.evil.example'), false);
    assert.equal(hostAllowed(readThirdPartyPolicy({}), 'fonts.googleapis.com'), false, 'empty: block every one');
    assert.throws(
      () => readThirdPartyPolicy({ QA_THIRD_PARTY_ALLOW: 'https://fonts.googleapis.com' }),
      /expected host names .* found "https:\/\/fonts.googleapis.com"/,
    );
  });
});
