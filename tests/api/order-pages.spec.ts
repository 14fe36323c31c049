/**
 * Order import reads the marketplace's order list page by page the way the marketplace pages it:
 * every page once, in order, and none past the last — a request past the end is one more call
 * against a rate-limited API, a page skipped is orders never imported. The pages are read back
 * from the marketplace simulator's request log; the page size is the one the import asked for.
 */
import { test, expect, group, MARKETPLACES, simulatorState } from '../../fixtures/index.ts';
import type { Marketplace, SimRequest } from '../../fixtures/index.ts';

/** The order-list page a request asked for, per marketplace API style; undefined for any other request. */
function orderPage(mp: Marketplace, r: SimRequest): { page: number; size: number } | undefined {
  const q = (k: string) => Number(r.query?.[k]);
  if (mp === 'trendyol')
    return /\/orders$/.test(r.path) && r.method === 'GET' ? { page: q('page'), size: q('size') } : undefined;
  if (mp === 'hepsiburada')
    return /^\/orders\/merchantid\//.test(r.path) && r.method === 'GET'
      ? { page: q('offset') / q('limit'), size: q('limit') }
      : undefined;
  // N11 (SOAP): OrderListRequest › pagingData in the envelope's body
  const paging = (
    r.body as {
      Envelope?: { Body?: { OrderListRequest?: { pagingData?: { currentPage?: string; pageSize?: string } } } };
    } | null
  )?.Envelope?.Body?.OrderListRequest?.pagingData;
  return paging ? { page: Number(paging.currentPage), size: Number(paging.pageSize) } : undefined;
}

test.describe('order import: paging', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}.get_orders asks for every page of orders once and none past the last`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(mp, `${mp}.get_orders`, 'side effects');
        const api = await apiAs('admin');
        const before = await simulatorState(control, mp);
        await api.call(`${mp}.get_orders`);
        const after = await simulatorState(control, mp);
        const pages = after.requests
          .filter((r) => r.seq > Math.max(0, ...before.requests.map((b) => b.seq)))
          .map((r) => orderPage(mp, r))
          .filter((p) => p !== undefined);
        expect(pages.length, `${mp} was asked for its orders`).toBeGreaterThan(0);
        const size = pages[0]!.size;
        expect(Number.isInteger(size) && size > 0, `${mp}: a page size in the request (${size})`).toBe(true);
        const expected = Math.max(1, Math.ceil(after.orders.length / size));
        expect(
          pages.map((p) => p.page),
          `${mp} holds ${after.orders.length} orders, ${size} a page`,
        ).toEqual(Array.from({ length: expected }, (_, i) => i));
      },
    );
  }
});
