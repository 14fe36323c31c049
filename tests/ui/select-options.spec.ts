/**
 * Every choice the extension's pages offer has a name: no `<select>` on them holds an option with
 * empty text (an "All …" entry that lost its label reads as a blank line, and a screen reader
 * announces nothing). One test walks the pages, a soft check per page.
 */
import { test, expect } from '../../fixtures/index.ts';
import { EXTENSION_PAGES } from '../../fixtures/opencart/admin-browser.ts';

test.describe('select options', () => {
  test(
    "every option of every select on the extension's pages has text",
    { tag: ['@desktop-only'] },
    async ({ admin, page }) => {
      let selects = 0;
      for (const name of EXTENSION_PAGES) {
        await test.step(`the ${name} page`, async () => {
          await admin.open(name);
          const found = await page.locator('#content select').evaluateAll((list) =>
            list.map((s) => ({
              select: s.id || (s as HTMLSelectElement).name,
              unnamed: [...(s as HTMLSelectElement).options].filter((o) => o.text.trim() === '').map((o) => o.value),
            })),
          );
          selects += found.length;
          expect
            .soft(
              found.filter((f) => f.unnamed.length),
              `${name}: options without text (by value)`,
            )
            .toEqual([]);
        });
      }
      expect(selects, "selects found on the extension's pages").toBeGreaterThan(3);
    },
  );
});
