/** OpenCart's dashboard with the extension installed: the security notice, and the way into the hub. */
import { test, expect } from '../../fixtures/index.ts';

test.describe('OpenCart dashboard', () => {
  test('opens with the security notice dismissed and a link that opens the MesChain-Sync hub', async ({
    storeDashboard,
    admin,
    page,
    evidence,
  }) => {
    await storeDashboard.open();
    await expect(page.locator('#modal-security')).toBeHidden();
    await evidence.screenshot('OpenCart dashboard');
    await storeDashboard.hubLink().click();
    await admin.expectOn('extension/module/meschain_sync', 'MesChain-Sync Dashboard');
  });

  test('the main menu leads to every MesChain-Sync page', async ({ storeDashboard, page }) => {
    await storeDashboard.open();
    const menu = page.locator('#column-left');
    for (const route of ['meschain_sync', 'trendyol', 'hepsiburada', 'n11', 'reporting', 'log_viewer', 'webhooks']) {
      await expect(
        menu.locator(`a[href*="route=extension/module/${route}&"]`).first(),
        `menu entry of ${route}`,
      ).toBeAttached();
    }
  });
});
