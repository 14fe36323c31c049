/**
 * The sync log: filters narrow the table to matching entries, the pager moves through them, and a
 * link to a later page (a bookmark, the pager without script) opens that page marked as current,
 * with OpenCart's numbered links around it.
 */
import { test, expect } from '../../fixtures/index.ts';

const results = (r: { total: number; page: number; limit: number; pages: number }): string =>
  r.total === 0
    ? 'Showing 0 to 0 of 0 (0 Pages)'
    : `Showing ${(r.page - 1) * r.limit + 1} to ${Math.min(r.total, r.page * r.limit)} of ${r.total} (${r.pages} Pages)`;

test.describe('sync log', () => {
  test('filtering by marketplace and status lists only matching entries', async ({ syncLog, evidence }) => {
    await syncLog.open();
    const newest = (await syncLog.visibleRows())[0];
    test.skip(!newest, 'the sync log of this store is empty: nothing to filter');
    const answer = await syncLog.filter({ marketplace: newest!.marketplace, status: newest!.status });
    expect(answer.total, `entries of ${newest!.marketplace} with status ${newest!.status}`).toBeGreaterThan(0);
    const rows = await syncLog.visibleRows();
    expect(rows.map((r) => r.logId)).toEqual(answer.logs.map((l) => l.log_id));
    for (const r of rows)
      expect([r.marketplace, r.status], `entry ${r.logId}`).toEqual([newest!.marketplace, newest!.status]);
    await expect(syncLog.results()).toHaveText(results(answer));
    await evidence.screenshot('sync log filtered');
  });

  test('the pager shows the next page of entries', async ({ syncLog }) => {
    await syncLog.open();
    test.skip(
      (await syncLog.page.locator('#sync-log-pager a[data-page="2"]').count()) === 0,
      'the sync log of this store has a single page',
    );
    const answer = await syncLog.goToPage(2);
    expect(answer.page).toBe(2);
    const second = await syncLog.visibleRows();
    expect(second.map((r) => r.logId)).toEqual(answer.logs.map((l) => l.log_id));
    await expect(syncLog.results()).toHaveText(results(answer));
    await expect(syncLog.page.locator('#sync-log-pager li.active')).toHaveText(/^2/);
  });

  test('a link to page 3 opens page 3, marked current, with the numbered pages from 1', async ({ admin, syncLog }) => {
    await syncLog.open();
    const pages = Number(/\((\d+) Pages\)/.exec(await syncLog.results().innerText())?.[1] ?? 0);
    test.skip(pages < 3, `the sync log of this store has ${pages} page(s)`);
    await admin.open('syncLog', { page: 3 });
    const pager = syncLog.page.locator('#sync-log-pager');
    await expect(pager.locator('li.active a[aria-current="page"]')).toHaveAttribute('data-page', '3');
    await expect(pager.locator('li.active')).toHaveCount(1);
    // OpenCart shows up to ten numbered pages; near the start they begin at 1 (the current one also says so to a screen reader)
    const numbered = (await pager.locator('a').allInnerTexts())
      .map((t) => /^\s*(\d+)\b/.exec(t)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(numbered).toEqual(Array.from({ length: Math.min(pages, 10) }, (_, i) => i + 1));
    await expect(syncLog.results()).toContainText(/^Showing \d+ to \d+ of \d+/);
  });
});
