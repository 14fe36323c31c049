/** Extensions › Modules: the list OpenCart loads by script, with the extension's modules installed. */
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
});
