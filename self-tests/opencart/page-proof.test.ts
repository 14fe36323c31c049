/**
 * The page proof on the pages OpenCart 3 answers instead of the one asked for, as PHP and
 * OpenCart print them (HTTP 200 each). Real pages of a stock store: self-tests/real-store/.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { provePage } from '../../fixtures/opencart/page-proof.ts';

const page = (h1: string, body = '') =>
  `<!DOCTYPE html><html><head><title>${h1}</title></head><body><div id="container"><div id="content"><div class="page-header"><h1>${h1}</h1></div>${body}</div></div></body></html>`;

describe('page proof', () => {
  test('the page asked for, with its own heading', () => {
    const p = provePage(page('MesChain-Sync Dashboard'), {
      route: 'extension/module/meschain_sync',
      heading: 'MesChain-Sync Dashboard',
    });
    assert.equal(p.kind, 'page', p.reason);
    assert.equal(p.ok, true);
  });

  test("OpenCart's error pages and PHP's are each named, never the page", () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['   \n', 'empty'],
      [
        '<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined method ModelExtensionModuleTrendyol::getOrders() in /var/www/admin/controller/extension/module/trendyol.php:88',
        'php-error',
      ],
      [
        'PHP Parse error:  syntax error, unexpected token "}" in /var/www/admin/controller/extension/module/n11.php on line 12',
        'php-error',
      ],
      [
        page(
          'Administration',
          '<form action="index.php?route=common/login"><input id="input-username" name="username"></form>',
        ),
        'login',
      ],
      [page('Permission Denied!', '<p>You do not have permission to access this page</p>'), 'permission'],
      [page('Page Not Found!', '<p>The page you are looking for could not be found!</p>'), 'not-found'],
      ['{"error":"Warning: You do not have permission"}', 'wrong-page'],
    ];
    for (const [html, kind] of cases) {
      const p = provePage(html, { route: 'extension/module/trendyol' });
      assert.equal(p.kind, kind, `${JSON.stringify(html.slice(0, 60))}: ${p.reason}`);
      assert.equal(p.ok, false);
      assert.match(p.reason, /^extension\/module\/trendyol: /, 'the reason names the route');
    }
  });

  test('another page than the one asked for is a wrong page; PHP warnings on the right page are noted, not hidden', () => {
    assert.equal(provePage(page('Dashboard'), { heading: 'Extensions' }).kind, 'wrong-page');
    assert.equal(provePage(page('Trendyol settings'), { heading: /^Trendyol/ }).kind, 'page');
    // page text that mentions a fatal error (a sync log row) is content, not PHP's output
    assert.equal(
      provePage(
        page(
          'MesChain-Sync Sync Log',
          '<td>Trendyol answered: fatal error: 503 upstream</td><td>Fatal error: timeout</td>',
        ),
      ).kind,
      'page',
    );
    const warned = provePage(
      page(
        'Dashboard',
        '<b>Warning</b>: Undefined array key "status" in <b>/var/www/admin/controller/common/dashboard.php</b> on line <b>42</b>',
      ),
    );
    assert.equal(warned.kind, 'page');
    assert.deepEqual(warned.phpNotices, ['Warning: Undefined array key "status" in']);
  });
});
