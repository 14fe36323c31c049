/**
 * Extensions › Modules: the list OpenCart loads by script, with the extension's modules installed;
 * each row's Edit link opens its own module and its Uninstall link names that module (OpenCart's
 * `extension/extension/module/uninstall&extension=<code>`), so no click acts on another module.
 */
import { test, expect } from '../../fixtures/index.ts';

const INSTALLED = ['meschain_sync', 'trendyol', 'hepsiburada', 'n11', 'reporting', 'log_viewer', 'webhooks'];

test.describe('Extensions list', () => {
  test('lists every installed MesChain-Sync module with an Edit link', async ({ extensionsList, evidence }) => {
    await extensionsList.open();
    for (const code of INSTALLED) await expect(extensionsList.editLink(code), `Edit link of ${code}`).toBeVisible();
    await evidence.screenshot('Extensions › Modules');
  });

  test('Edit on the hub module opens the hub dashboard', async ({ extensionsList, admin }) => {
    await extensionsList.open();
    await extensionsList.editLink('meschain_sync').click();
    await admin.expectOn('extension/module/meschain_sync', 'MesChain-Sync Dashboard');
  });

  test("each installed module's Edit and Uninstall links name that module", async ({ extensionsList }) => {
    await extensionsList.open();
    for (const code of INSTALLED) {
      const row = extensionsList.row(code);
      await expect(row, `the row of ${code}`).toHaveCount(1);
      const hrefs = await row
        .locator('a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href)));
      const uninstall = hrefs.filter((u) => u.searchParams.get('route') === 'extension/extension/module/uninstall');
      expect(
        uninstall.map((u) => u.searchParams.get('extension')),
        `${code}: the Uninstall link`,
      ).toEqual([code]);
      expect(
        hrefs
          .filter((u) => u.searchParams.get('route')?.startsWith('extension/module/'))
          .map((u) => u.searchParams.get('route')),
        `${code}: the Edit link`,
      ).toEqual([`extension/module/${code}`]);
    }
  });
});
