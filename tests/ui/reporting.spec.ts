/**
 * Reporting: filters redraw the charts from the report answer, bad ranges are refused, the CSV
 * holds the report, and a link carrying a filter (a bookmark, a link from elsewhere) opens the
 * page with that filter set and the top products on their first page.
 */
import { test, expect } from '../../fixtures/index.ts';
import { expectFullDatasets, expectPainted } from '../../fixtures/pages/charts.ts';
import { fmtInt, fmtMoney } from '../../fixtures/pages/format.ts';
import type { Report } from '../../fixtures/pages/answers.ts';

const dayBefore = (ymd: string, days: number): string =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function reportOf(answer: { report?: Report; error?: unknown }): Report {
  expect(answer.error, 'generateReport refused the filter').toBeUndefined();
  return answer.report!;
}

/** The CSV rows exportReport must hold for a report (numbers as JavaScript prints them). */
function expectedCsv(r: Report): string[][] {
  const n = (v: number): string => String(v);
  return [
    ['section', 'key', 'name', 'quantity_or_orders', 'revenue'],
    ...Object.entries(r.summary).map(([k, v]) => ['summary', k, '', n(v), '']),
    ...r.daily_breakdown.map((d) => ['daily', d.date, '', n(d.orders), n(d.revenue)]),
    ...r.marketplace_breakdown.map((m) => ['marketplace', m.marketplace, m.title, n(m.orders), n(m.revenue)]),
    ...r.top_products.map((t) => ['top_product', t.model, t.name, n(t.quantity), n(t.revenue)]),
    ...r.category_breakdown.map((c) => ['category', String(c.category_id), c.name, n(c.quantity), n(c.revenue)]),
  ];
}

test.describe('reporting', () => {
  test('filtering by one marketplace redraws every chart with that marketplace numbers', async ({
    reporting,
    page,
    evidence,
  }) => {
    await reporting.open();
    await reporting.setFilter({ marketplace: 'hepsiburada' });
    const r = reportOf(await reporting.refresh());
    expect(r.marketplace).toBe('hepsiburada');
    const byMarketplace = await reporting.chart('marketplace');
    expect(byMarketplace.labels).toEqual(['Hepsiburada']);
    expect(byMarketplace.datasets[0]?.data).toEqual([r.marketplace_breakdown[0]?.revenue]);
    const sales = await reporting.chart('sales');
    expectFullDatasets(sales, 'sales');
    expect(sales.datasets.map((d) => d.data)).toEqual([
      r.daily_breakdown.map((d) => d.orders),
      r.daily_breakdown.map((d) => d.revenue),
    ]);
    const performance = await reporting.chart('performance');
    expect(performance.datasets.map((d) => d.data)).toEqual([
      r.daily_breakdown.map((d) => d.sync_operations),
      r.daily_breakdown.map((d) => d.sync_errors),
    ]);
    await expect(page.locator('#report-total_orders')).toHaveText(fmtInt(r.summary.total_orders!));
    await expect(page.locator('#report-total_revenue')).toHaveText(fmtMoney(r.summary.total_revenue!));
    await expectPainted(page, 'sales');
    await evidence.screenshot('report for Hepsiburada', { fullPage: true });
  });

  test('a date range gives the sales chart one point per day of the range', async ({ reporting, page }) => {
    await reporting.open();
    const end = await page.locator('#input-date-end').inputValue();
    await reporting.setFilter({ date_start: dayBefore(end, 6), date_end: end });
    const r = reportOf(await reporting.refresh());
    expect(r.daily_breakdown).toHaveLength(7);
    const sales = await reporting.chart('sales');
    expect(sales.labels).toEqual(r.daily_breakdown.map((d) => d.date));
    expectFullDatasets(sales, 'sales');
    await expect(page.locator('#daily-breakdown tbody tr')).toHaveCount(7);
  });

  test('a range that ends before it starts is refused under the end date', async ({ reporting, page }) => {
    await reporting.open();
    const end = await page.locator('#input-date-end').inputValue();
    await reporting.setFilter({ date_start: end, date_end: dayBefore(end, 3) });
    const answer = await reporting.refresh();
    expect(answer.report).toBeUndefined();
    await expect(reporting.fieldError('date_end')).toHaveText(/must not be before/);
  });

  test('the CSV export holds the rows of the report on screen', async ({ reporting, page }) => {
    await reporting.open();
    const end = await page.locator('#input-date-end').inputValue();
    await reporting.setFilter({ date_start: dayBefore(end, 13), date_end: end, marketplace: 'all' });
    // another worker may write between the two requests: compare a report and an export taken together
    await expect(async () => {
      const r = reportOf(await reporting.refresh());
      const csv = await reporting.exportCsv();
      expect(csv.filename).toMatch(/^meschain_report_sales_\d{8}T\d{6}\.csv$/);
      expect(csv.rows).toEqual(expectedCsv(r));
    }).toPass({ intervals: [100, 500], timeout: 15_000 });
  });

  test('a link with report_type and marketplace opens the page with that filter, top products on page 1', async ({
    admin,
    page,
  }) => {
    await admin.open('reporting', { report_type: 'inventory', marketplace: 'n11' });
    await expect(page.locator('#input-report-type')).toHaveValue('inventory');
    await expect(page.locator('#input-marketplace')).toHaveValue('n11');
    const pager = page.locator('#top-products-pager');
    test.skip((await pager.locator('li').count()) === 0, 'the top products fit one page: no pager');
    await expect(pager.locator('li.active button[aria-current="page"]')).toHaveAttribute('data-page', '1');
    await expect(pager.locator('li.active')).toHaveCount(1);
  });

  test("a link whose filter values are not the page's own opens it on its defaults: sales, every marketplace, the last 30 days", async ({
    admin,
    page,
  }) => {
    await admin.open('reporting');
    const defaults = {
      type: await page.locator('#input-report-type').inputValue(),
      marketplace: await page.locator('#input-marketplace').inputValue(),
      start: await page.locator('#input-date-start').inputValue(),
      end: await page.locator('#input-date-end').inputValue(),
      summary: (await page.locator('#report-summary').textContent()) ?? '',
      breakdown: (await page.locator('#marketplace-breakdown').textContent()) ?? '',
    };
    expect(defaults.type).toBe('sales');
    expect(defaults.marketplace).toBe('all');
    expect(defaults.start, 'the default range is the last 30 days').toBe(dayBefore(defaults.end, 29));
    // '1999' is no date, yet it sorts before any end date: only the date check can refuse it
    await admin.open('reporting', {
      report_type: 'profit',
      marketplace: 'amazon',
      date_start: '1999',
      date_end: defaults.end,
    });
    await expect(page.locator('#input-report-type')).toHaveValue(defaults.type);
    await expect(page.locator('#input-marketplace')).toHaveValue(defaults.marketplace);
    await expect(page.locator('#input-date-start')).toHaveValue(defaults.start);
    // the report on the page is the default one too, not a report of a marketplace that is none of the store's
    await expect(page.locator('#report-summary')).toHaveText(defaults.summary);
    await expect(page.locator('#marketplace-breakdown')).toHaveText(defaults.breakdown);
  });
});
