/** The hub settings form: it saves, the value is there after a reload, and bad input is refused under its field. */
import { test, expect } from '../../fixtures/index.ts';
import { ROUTES } from '../../fixtures/pages/answers.ts';

test.describe('hub settings', () => {
  test(
    'a new sync interval saves and is still there after a reload',
    { tag: '@writes' },
    async ({ hub, admin, page }) => {
      await hub.open();
      const original = {
        status: await page.locator('#input-status').inputValue(),
        debug: await page.locator('#input-debug').inputValue(),
        sync_interval: await hub.interval().inputValue(),
      };
      const changed = original.sync_interval === '45' ? '50' : '45';
      try {
        await hub.saveSettings({ interval: changed });
        await hub.expectSuccess('Success: You have modified MesChain-Sync Hub!');
        await hub.open();
        await expect(hub.interval()).toHaveValue(changed);
      } finally {
        await admin.json(ROUTES.hubSave, { form: original });
      }
    },
  );

  // @writes: should the store accept the bad value, it would be stored — never try that on a production store
  test(
    'a sync interval out of range is refused with a message under the field',
    { tag: '@writes' },
    async ({ guard, hub, evidence }) => {
      await hub.open();
      await guard.unchanged('saving a refused sync interval', () => hub.saveSettings({ interval: '2' }));
      await expect(hub.fieldError('sync_interval')).toHaveText(/between 5 and 1440/);
      await expect(hub.interval()).toHaveAttribute('aria-invalid', 'true');
      await expect(hub.alert('success')).toHaveCount(0);
      await evidence.screenshot('sync interval refused');
    },
  );
});
