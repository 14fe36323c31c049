/**
 * OpenCart's own pages keep their document title: OpenCart 3 sets it and the heading from the
 * same `heading_title`, and the title is what a browser tab, a bookmark and a screen reader
 * announce first. (The extension's pages title themselves "<page> – MesChain-Sync"; that a title
 * exists at all on every page is axe's document-title rule, in the a11y suite.)
 */
import { test, expect } from '../../fixtures/index.ts';
import { ADMIN_PAGES, type AdminPageName } from '../../fixtures/opencart/admin-browser.ts';
import { pageOwner } from '../../zones.ts';

const CORE_PAGES = (Object.keys(ADMIN_PAGES) as AdminPageName[]).filter(
  (n) => pageOwner(ADMIN_PAGES[n].route) === 'OpenCart core',
);

test.describe('OpenCart page titles', { tag: ['@core', '@desktop-only'] }, () => {
  test('the core pages the extension hooks into are there to check', () => {
    expect(CORE_PAGES).toEqual(['dashboard', 'extensions']);
  });

  for (const name of CORE_PAGES) {
    const { heading } = ADMIN_PAGES[name];
    test(`the ${name} page's title is its heading "${heading}"`, async ({ admin, page }) => {
      await admin.open(name);
      await expect(page).toHaveTitle(heading);
    });
  }
});
