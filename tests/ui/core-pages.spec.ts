/**
 * OpenCart's own admin pages, opened with the run's sessions (no login of their own, so they run
 * in production too): the dashboard with its security notice, and Extensions › Modules. Judged on
 * every store, MesChain-Sync installed or not (@core). Stock OpenCart markup only.
 */
import { test, expect } from '../../fixtures/index.ts';

test.describe('OpenCart core pages', { tag: '@core' }, () => {
  test('the dashboard opens for the administrator, and its security notice can be dismissed', async ({
    admin,
    page,
    evidence,
  }) => {
    await admin.open('dashboard');
    await admin.dismissSecurityModal();
    await expect(page.locator('#modal-security')).toBeHidden();
    await evidence.screenshot('dashboard');
  });

  test("Extensions, Modules: loads the store's module list", async ({ admin, page }) => {
    await admin.open('extensions');
    // the list loads by script from extension/extension/module into #extension
    await expect(page.locator('#extension legend').first()).toHaveText(/Modules/);
    await expect(page.locator('#extension table tbody tr').first()).toBeVisible();
  });
});
