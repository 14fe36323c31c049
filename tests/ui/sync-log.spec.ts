/** The sync log: filters narrow the table to matching entries, the pager moves through them. */
import { test, expect } from '../../fixtures/index.ts';

const results = (r: { total: number; page: number; limit: number; pages: number }): string =>
  r.total === 0 ? 'Showing 0 to 0 of 0 (0 Pages)' : `Showing ${(r.page - 1) * r.limit + 1} to ${Math.min(r.total, r.page * r.limit)} of ${r.total} (${r.pages} Pages)`;

test.describe('sync log', () => {
  test('filtering by marketplace and status lists only matching entries', async ({ syncLog, evidence }) => {
    await syncLog.open();
    const newest = (await syncLog.visibleRows())[0];
    test.skip(!newest, 'the sync log of this store is empty: nothing to filter');
    const answer = await syncLog.filter({ marketplace: newest!.marketplace, status: newest!.status });
    expect(answer.total, `entries of ${newest!.marketplace} with status ${newest!.status}`).toBeGreaterThan(0);
    const rows = await syncLog.visibleRows();
    expect(rows.map((r) => r.logId)).toEqual(answer.logs.map((l) => l.log_id));
    for (const r of rows) expect([r.marketplace, r.status], `entry ${r.logId}`).toEqual([newest!.marketplace, newest!.status]);
    await expect(syncLog.results()).toHaveText(results(answer));
    await evidence.screenshot('sync log filtered');
  });

  test('the pager shows the next page of entries', async ({ syncLog }) => {
    await syncLog.open();
    test.skip(await syncLog.page.locator('#sync-log-pager a[data-page="2"]').count() === 0, 'the sync log of this store has a single page');
    const answer = await syncLog.goToPage(2);
    expect(answer.page).toBe(2);
    const second = await syncLog.visibleRows();
    expect(second.map((r) => r.logId)).toEqual(answer.logs.map((l) => l.log_id));
    await expect(syncLog.results()).toHaveText(results(answer));
    await expect(syncLog.page.locator('#sync-log-pager li.active')).toHaveText(/^2/);
  });
});
