/**
 * Every admin page the extension touches fits the screen it is opened on — desktop and phone —
 * with no sideways scrolling: a page wider than a phone gets panned or zoomed out, and taps miss.
 * One test walks all pages (a soft check per page, so one run names every page that overflows)
 * and attaches a screenshot of each for the report.
 */
import { test, expect } from '../../fixtures/index.ts';
import { ADMIN_PAGES, type AdminPageName } from '../../fixtures/opencart/admin-browser.ts';

const PAGES = Object.keys(ADMIN_PAGES) as AdminPageName[];

test.describe('page layout', () => {
  test('every admin page of the extension fits the screen width', async ({ admin, page, evidence }) => {
    const screen = page.viewportSize()!.width;
    for (const name of PAGES) {
      await test.step(`the ${name} page`, async () => {
        await admin.open(name);
        if (name === 'dashboard') await admin.dismissSecurityModal();
        if (name === 'extensions') await expect(page.locator('#extension legend')).toBeVisible();
        const layout = await page.evaluate((width) => {
          const doc = document.documentElement;
          // what sticks out, absolutely positioned elements first (a usual culprit inside overflow containers)
          const out = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > width + 1)
            .sort(
              (a, b) =>
                Number(getComputedStyle(b).position === 'absolute') -
                Number(getComputedStyle(a).position === 'absolute'),
            )
            .slice(0, 3)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${String(e.className).split(' ')[0]} (${getComputedStyle(e).position}, right edge ${Math.round(e.getBoundingClientRect().right)} px)`,
            );
          return { width: Math.max(doc.scrollWidth, window.innerWidth), out };
        }, screen);
        await evidence.screenshot(`${name} page`, { fullPage: true });
        expect
          .soft(
            layout.width,
            `${name} page width on a ${screen} px screen; sticking out: ${layout.out.join(', ') || 'nothing found'}`,
          )
          .toBeLessThanOrEqual(screen);
      });
    }
  });
});
