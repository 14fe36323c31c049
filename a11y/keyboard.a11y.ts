/**
 * Keyboard access on the main flows: every control is reachable by Tab, focus is visible on each
 * (its computed outline / box-shadow differs from the unfocused control), and the key modals
 * keep focus inside while open and give it back to the control that opened them.
 */
import { test, expect } from '../fixtures/index.ts';
import { KEYBOARD_PAGES } from './keyboard-flows.ts';
import { escapesFromModal, KB_ATTR, markTabbable, walkTabOrder } from './keyboard.ts';
import { pageByKey } from './pages.ts';
import { closeModal, openModal, waitForModalHidden, waitForModalShown, waitForSettled } from './settle.ts';

test.describe.configure({ mode: 'parallel' });
// logged in by the fixtures: one HTTP login per worker (OCSESSID cookie + user_token), never the login form per test
test.use({ role: 'admin' });

for (const key of KEYBOARD_PAGES) {
  const target = pageByKey(key);

  test.describe(`keyboard ${key}`, () => {
    test.beforeEach(async ({ admin, page }) => {
      await admin.open(target.route, target.params);
      if (target.dismissOnLoad) {
        await waitForModalShown(page, target.dismissOnLoad);
        if (!target.modals?.some((m) => m.id === target.dismissOnLoad)) await closeModal(page, target.dismissOnLoad);
      }
    });

    test('every control is reachable by Tab with a visible focus indicator', async ({ page }) => {
      if (target.dismissOnLoad) await closeModal(page, target.dismissOnLoad);
      await waitForSettled(page, target);
      const controls = await markTabbable(page);
      expect(controls.length, 'the page has keyboard controls').toBeGreaterThan(0);
      const stops = await walkTabOrder(page, controls.length * 3 + 10);
      const reached = new Set(stops.map((s) => s.idx).filter((i): i is number => i !== null));
      const unreachable = controls.filter((c) => !reached.has(c.idx)).map((c) => c.desc);
      expect(unreachable, `controls never reached by Tab (${reached.size}/${controls.length} reached)`).toEqual([]);
      const invisible = stops.filter((s) => s.idx !== null && !s.visible).map((s) => `${s.desc}: ${s.detail}`);
      expect(invisible, 'controls whose focus indicator is not visible').toEqual([]);
    });

    for (const modal of target.modals ?? []) {
      test(`#${modal.id} traps focus and returns it on close`, async ({ page }) => {
        await waitForSettled(page, target);
        if (modal.opener !== 'on-load') {
          await page
            .locator(modal.opener)
            .first()
            .evaluate((el, attr) => el.setAttribute(attr, 'opener'), KB_ATTR);
        }
        await openModal(page, modal);
        const inside = await markTabbable(page, `#${modal.id}`);
        expect(inside.length, `#${modal.id} has keyboard controls`).toBeGreaterThan(0);
        const n = inside.length * 2 + 2;
        expect(await escapesFromModal(page, modal.id, 'Tab', n), `Tab must stay inside #${modal.id}`).toEqual([]);
        expect(
          await escapesFromModal(page, modal.id, 'Shift+Tab', n),
          `Shift+Tab must stay inside #${modal.id}`,
        ).toEqual([]);
        await page.keyboard.press('Escape');
        await waitForModalHidden(page, modal.id);
        if (modal.opener !== 'on-load') {
          await expect(
            page.locator(`[${KB_ATTR}="opener"]`),
            `focus must return to the control that opened #${modal.id}`,
          ).toBeFocused({ timeout: 2_000 });
        } else {
          const where = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'nothing');
          test.info().annotations.push({
            type: 'focus after close',
            description: `#${modal.id} opens on load (no opener); focus is on ${where}`,
          });
        }
      });
    }
  });
}
