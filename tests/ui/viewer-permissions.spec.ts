/**
 * A "Marketplace Viewer" (access, no modify) sees every dashboard but cannot change anything: each
 * attempt gets OpenCart's permission warning and the store data stays as it was (checked through
 * /__qa/digest on the reference target). A failure here is a security finding. The refusals are
 * decided by the server, the same for every device: they run on desktop only.
 */
import { test, expect } from '../../fixtures/index.ts';
import { expectFullDatasets } from '../../fixtures/pages/charts.ts';

test.use({ role: 'viewer' });

test.describe('marketplace viewer in the browser', () => {
  test('sees the hub numbers and charts', async ({ hub }) => {
    await hub.open();
    const { metrics } = await hub.refresh();
    await hub.expectSummary(metrics);
    expectFullDatasets(await hub.chart('syncTrend'), 'sync trend');
  });
});

// a server-side refusal is the same on every device: checked on desktop only (the ui-phone project leaves out @desktop-only)
test.describe('marketplace viewer in the browser cannot change', { tag: '@desktop-only' }, () => {
  test('cannot save marketplace settings', { tag: '@security' }, async ({ guard, marketplaceSettings, evidence }) => {
    await marketplaceSettings.open('trendyol');
    await guard.unchanged('a viewer saving Trendyol settings', () => marketplaceSettings.save());
    await marketplaceSettings.expectPermissionRefused();
    await evidence.screenshot('viewer refused');
  });

  test('cannot save the hub settings', { tag: '@security' }, async ({ guard, hub }) => {
    await hub.open();
    await guard.unchanged('a viewer saving the hub settings', () => hub.saveSettings({}));
    await hub.expectPermissionRefused();
  });

  test('cannot start a sync', { tag: ['@security', '@writes'] }, async ({ guard, hub }) => {
    await hub.open();
    const answer = await guard.unchanged('a viewer starting a sync', () => hub.startSync('trendyol', 1));
    expect(answer.job_id, 'a sync job queued for a viewer').toBeUndefined();
    await hub.expectPermissionRefused();
  });
});
