/**
 * Reports tell the truth and add up: for every report type and marketplace filter over several
 * date ranges, `reporting.generateReport` equals the oracle's computation from the store's
 * database, and its parts agree with each other (days sum to the total, marketplaces sum to the
 * total, the average is revenue / orders) — the adding-up checks need no database.
 */
import { test, expect, expectedReport, group, isoDay, ORACLE_MARKETPLACES, storeNow } from '../../fixtures/index.ts';
import type { ReportQuery } from '../../fixtures/index.ts';

const TYPES = ['sales', 'inventory', 'performance', 'financial'] as const;
/** [first, last] days back from today: the default range, a long one, one day, last week */
const RANGES: readonly [number, number][] = [
  [20, 0],
  [90, 0],
  [3, 3],
  [13, 7],
];

interface Report {
  summary: {
    total_orders: number;
    total_revenue: number;
    total_items: number;
    average_order_value: number;
    sync_operations: number;
    commission_estimate: number;
  };
  daily_breakdown: { orders: number; revenue: number; sync_operations: number }[];
  marketplace_breakdown: { orders: number; revenue: number }[];
}

const cents = (n: number) => Math.round(n * 100);
const daysAgo = (now: Date, n: number) => isoDay(new Date(now.getTime() - n * 86_400_000));

function addsUp(r: Report, q: ReportQuery): void {
  const where = `${q.report_type} ${q.marketplace} ${q.date_start}..${q.date_end}`;
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  expect(
    sum(r.daily_breakdown, (d) => d.orders),
    `${where}: the days' orders add up to the total`,
  ).toBe(r.summary.total_orders);
  expect(
    sum(r.daily_breakdown, (d) => cents(d.revenue)),
    `${where}: the days' revenue adds up to the total`,
  ).toBe(cents(r.summary.total_revenue));
  expect(
    sum(r.daily_breakdown, (d) => d.sync_operations),
    `${where}: the days' sync operations add up to the total`,
  ).toBe(r.summary.sync_operations);
  expect(
    sum(r.marketplace_breakdown, (m) => m.orders),
    `${where}: the marketplaces' orders add up to the total`,
  ).toBe(r.summary.total_orders);
  expect(
    sum(r.marketplace_breakdown, (m) => cents(m.revenue)),
    `${where}: the marketplaces' revenue adds up to the total`,
  ).toBe(cents(r.summary.total_revenue));
  const average = r.summary.total_orders ? cents(r.summary.total_revenue) / r.summary.total_orders : 0;
  expect(
    Math.abs(cents(r.summary.average_order_value) - average),
    `${where}: the average order value is revenue / orders`,
  ).toBeLessThanOrEqual(0.5);
}

test.describe('oracle: reports', { tag: '@oracle' }, () => {
  for (const marketplace of ['all', ...ORACLE_MARKETPLACES] as const) {
    test(`${marketplace}: every report type over ${RANGES.length} date ranges equals the store's data and adds up`, async ({
      apiAs,
      oracle,
    }) => {
      await group('reporting', 'reporting.generateReport', 'oracle');
      const api = await apiAs('admin');
      for (const report_type of TYPES) {
        for (const [from, to] of RANGES) {
          const probe = new Date();
          const q: ReportQuery = {
            report_type,
            date_start: daysAgo(probe, from),
            date_end: daysAgo(probe, to),
            marketplace,
          };
          const res = await api.call<{ report: Report }>('reporting.generateReport', { ...q });
          if (isoDay(storeNow(res.headers)) !== isoDay(probe)) continue; // the store's day changed mid-test: the range moved
          const expected = expectedReport(oracle.rows(), q);
          const { commission_estimate: commission, ...summary } = res.body.report.summary;
          expect(
            { ...res.body.report, summary },
            `${report_type} ${marketplace} ${q.date_start}..${q.date_end}`,
          ).toEqual({ ...expected, summary: { ...expected.summary, commission_estimate: undefined } });
          // the estimate is a sum of products with rates: allow the last cent's rounding either way
          expect(
            Math.abs(cents(commission) - cents(expected.summary.commission_estimate)),
            `${report_type} ${marketplace}: commission estimate`,
          ).toBeLessThanOrEqual(1);
          addsUp(res.body.report, q);
        }
      }
    });
  }
});
