/**
 * A marketplace that fails mid-batch: the sync ends with nothing lost and nothing duplicated.
 *  - 5xx for a while: retried (same Idempotency-Key), every product listed exactly once (one write each).
 *  - 429 with Retry-After: the retry waits at least Retry-After, then the job completes.
 *  - 5xx that does not stop: the job ends failed with every product accounted for (succeeded +
 *    failed = total, the failed ones marked as errors), and a later sync delivers exactly the
 *    missing ones — none twice.
 */
import {
  test,
  expect,
  group,
  metrics,
  MARKETPLACES,
  simulatorState,
  statusOf,
  waitForJob,
} from '../../fixtures/index.ts';
import type { AdminClient, Marketplace, SimListing, TargetControl } from '../../fixtures/index.ts';

const LIMIT = 60; // products the seed lists on no marketplace yet, pushed in more than one batch on Trendyol (50 per batch)

async function pushNew(api: AdminClient, mp: Marketplace, limit: number) {
  const r = await api.call<{ job_id: number; total: number }>(`${mp}.sync_products`, { limit });
  return { total: r.body.total, job: await waitForJob(api, r.body.job_id, 30_000) };
}

const created = (products: SimListing[]): SimListing[] => products.filter((p) => p.source === 'api');

async function expectDeliveredOnce(control: TargetControl, mp: Marketplace, count: number): Promise<void> {
  const sim = await simulatorState(control, mp);
  const mine = created(sim.products);
  expect(mine, `${mp}: every new product listed`).toHaveLength(count);
  expect(new Set(mine.map((p) => p.barcode)).size, `${mp}: no product listed twice`).toBe(count);
  expect(
    mine.filter((p) => p.writes !== 1).map((p) => `${p.sku} written ${p.writes}×`),
    `${mp}: each new product written once (retries replayed, not re-applied)`,
  ).toEqual([]);
}

test.describe('resilience: marketplace failures mid-batch', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}: 5xx mid-batch is retried; every product arrives once`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(mp, `${mp}.sync_products`, 'resilience');
        const api = await apiAs('admin');
        const before = statusOf(await metrics(api), mp);
        await control.setSimulatorFaults(mp, { serverErrors: { count: 2, afterRequests: 1 } });
        const { total, job } = await pushNew(api, mp, LIMIT);
        expect(total).toBe(LIMIT);
        expect(job, job.error ?? '').toMatchObject({ status: 'done', processed: LIMIT, succeeded: LIMIT, failed: 0 });
        expect(job.attempts, 'a request needed retries').toBeGreaterThan(1);
        expect((await simulatorState(control, mp)).faults.injected.serverErrors).toBe(2);
        await expectDeliveredOnce(control, mp, LIMIT);
        expect(statusOf(await metrics(api), mp).synced_products).toBe(before.synced_products + LIMIT);
      },
    );

    test(
      `${mp}: 429 mid-batch waits for Retry-After; every product arrives once`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(mp, `${mp}.sync_products`, 'resilience');
        const api = await apiAs('admin');
        await control.setSimulatorFaults(mp, { rateLimit: { count: 1, afterRequests: 2, retryAfterSeconds: 1 } });
        const { job } = await pushNew(api, mp, LIMIT);
        expect(job, job.error ?? '').toMatchObject({ status: 'done', succeeded: LIMIT, failed: 0 });
        const sim = await simulatorState(control, mp);
        const limited = sim.requests.findIndex((r) => r.status === 429);
        expect(limited, 'the simulator answered 429 once').toBeGreaterThanOrEqual(0);
        const refused = sim.requests[limited];
        const retry = sim.requests
          .slice(limited + 1)
          .find((r) => r.method === refused?.method && r.path === refused?.path);
        expect(retry, 'the refused request was sent again').toBeDefined();
        const waited = Date.parse(retry?.at ?? '') - Date.parse(refused?.at ?? '');
        expect(waited, 'the retry came after Retry-After (1 s)').toBeGreaterThanOrEqual(990);
        if (refused?.idempotencyKey)
          expect(retry?.idempotencyKey, 'the retry carries the same Idempotency-Key').toBe(refused.idempotencyKey);
        await expectDeliveredOnce(control, mp, LIMIT);
      },
    );
  }

  test(
    'trendyol: 5xx that does not stop fails the job with every product accounted for; a later sync delivers the rest once',
    { tag: ['@writes', '@reference-only'] },
    async ({ apiAs, control }) => {
      await group('trendyol', 'trendyol.sync_products', 'resilience');
      const mp = 'trendyol';
      const api = await apiAs('admin');
      const before = statusOf(await metrics(api), mp);
      const unlisted = 220; // products 301-520: every product the seed does not list on Trendyol
      await control.setSimulatorFaults(mp, {
        serverErrors: { count: 10_000, afterRequests: 1, method: 'POST', pathIncludes: '/v2/products' },
      });
      const first = await pushNew(api, mp, unlisted);
      expect(first.job.status).toBe('failed');
      expect(first.job.processed, 'every product got a verdict').toBe(unlisted);
      expect(first.job.succeeded + first.job.failed).toBe(unlisted);
      expect(first.job.succeeded, 'the first batch went through').toBe(50);
      const mid = statusOf(await metrics(api), mp);
      expect(mid.synced_products - before.synced_products, 'mappings: the delivered ones synced').toBe(
        first.job.succeeded,
      );
      expect(mid.error_products - before.error_products, 'mappings: the undelivered ones marked error').toBe(
        first.job.failed,
      );
      expect(created((await simulatorState(control, mp)).products)).toHaveLength(first.job.succeeded);

      await control.setSimulatorFaults(mp, {});
      const retry = await pushNew(api, mp, mid.error_products + mid.pending_products);
      expect(retry.job, retry.job.error ?? '').toMatchObject({ status: 'done', failed: 0 });
      await expectDeliveredOnce(control, mp, unlisted);
      const end = statusOf(await metrics(api), mp);
      expect(end.error_products + end.pending_products, 'nothing left undelivered').toBe(0);
    },
  );
});
