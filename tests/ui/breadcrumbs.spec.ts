/**
 * Every page of the extension leads back the way OpenCart's own module pages do: its breadcrumb
 * is Home (the dashboard), Extensions (the module list, `type=module`), then the page itself
 * (marked as the current one), every link carrying the session's user_token. One test walks the
 * pages (a soft check per page, so one run names every page whose trail is wrong).
 */
import { test, expect } from '../../fixtures/index.ts';
import { ADMIN_PAGES, EXTENSION_PAGES, routeOf } from '../../fixtures/opencart/admin-browser.ts';

test.describe('breadcrumbs', () => {
  test(
    'every extension page: Home, then Extensions, then the page, each link with the session token',
    { tag: ['@desktop-only'] },
    async ({ admin, page }) => {
      expect(EXTENSION_PAGES.length, "the extension's pages").toBeGreaterThanOrEqual(6);
      for (const name of EXTENSION_PAGES) {
        await test.step(`the ${name} page`, async () => {
          await admin.open(name);
          const crumbs = await page.locator('ul.breadcrumb a').evaluateAll((links) =>
            links.map((a) => ({
              href: (a as HTMLAnchorElement).href,
              text: a.textContent?.trim() ?? '',
              current: a.getAttribute('aria-current') === 'page',
            })),
          );
          const trail = crumbs.map((c) => {
            const url = new URL(c.href);
            return {
              route: routeOf(c.href),
              type: url.searchParams.get('type'),
              token: url.searchParams.get('user_token') === admin.token,
              current: c.current,
              named: c.text !== '',
            };
          });
          expect.soft(trail, `${name}: the breadcrumb trail`).toEqual([
            { route: 'common/dashboard', type: null, token: true, current: false, named: true },
            { route: 'marketplace/extension', type: 'module', token: true, current: false, named: true },
            { route: ADMIN_PAGES[name].route, type: null, token: true, current: true, named: true },
          ]);
        });
      }
    },
  );
});
