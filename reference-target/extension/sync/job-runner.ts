/**
 * Runs one sync job: batches of 50 products, each sent once (with an Idempotency-Key, retried
 * by the HTTP client) and every item's verdict written to the product mapping, one sync log row
 * per batch, progress after each batch. When a batch cannot be delivered, its items and every
 * item not yet sent are marked error and the job ends failed: nothing is silently dropped.
 */
import type { TargetConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { sqlDate } from '../../db/seed.ts';
import { writeSyncLog } from '../models/logs.ts';
import { marketplaceCredentials, marketplaceEnabled } from '../models/settings.ts';
import { MARKETPLACE_SETTINGS, type Marketplace } from '../modules.ts';
import { createClient, secretValues } from './clients.ts';
import { redact } from './http-client.ts';
import { finishJob, saveProgress, type JobCounts, type JobHandle } from './job-store.ts';
import { loadSyncProducts, recordOutcome } from './sync-data.ts';
import {
  PartialBatchError,
  type ItemOutcome,
  type MarketplaceClient,
  type SyncJobType,
  type SyncProduct,
} from './types.ts';

export const BATCH_SIZE = 50;
export const SYNC_OPERATION: Record<SyncJobType, 'product_sync' | 'stock_update' | 'price_update'> = {
  products: 'product_sync',
  stock: 'stock_update',
  prices: 'price_update',
};
const NOUN: Record<SyncJobType, string> = { products: 'products', stock: 'stock levels', prices: 'prices' };

export interface RunnerContext {
  db: Database;
  config: TargetConfig;
  now: () => Date;
  signal: AbortSignal;
}

/**
 * The `push-scan` fault: for each pushed item, re-reads the sales of every item of its batch by
 * scanning all order lines (no index: `+ 0`; four passes over them per read, so the rows and not
 * the statement's own overhead are the cost) — batch² × order lines per batch: fast on the seed,
 * several times slower on 10× the data. With one pass per read the push cost 3.2–3.7× on 10× the
 * data against the condition's 3×: too close for its canary on a busy machine; now 5.5–8.8×.
 */
// Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
export function pushScanWork(db: Database, ids: readonly number[]): number {
  let seen = 0;
  for (let i = 0; i < ids.length; i++) {
    for (const other of ids) {
      seen += Number(
        db.get<{ n: number }>(
          `SELECT COUNT(*) n FROM oc_order_product a, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)
           WHERE a.product_id + 0 = $id AND length(a.name) >= 0`,
          { id: other },
        )?.n ?? 0,
      );
    }
  }
  return seen;
}
// Stryker restore all

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

class JobRun {
  readonly ctx: RunnerContext;
  readonly job: JobHandle;
  readonly title: string;
  readonly counts: JobCounts = { processed: 0, succeeded: 0, failed: 0, attempts: 0 };
  secrets: string[] = [];

  constructor(ctx: RunnerContext, job: JobHandle) {
    this.ctx = ctx;
    this.job = job;
    this.title = MARKETPLACE_SETTINGS[job.marketplace].title;
  }

  get mp(): Marketplace {
    return this.job.marketplace;
  }

  log(status: 'success' | 'warning' | 'error', message: string, items: number, startedMs: number): void {
    writeSyncLog(this.ctx.db, {
      marketplace: this.mp,
      operation: SYNC_OPERATION[this.job.type],
      status,
      message: redact(message, this.secrets),
      items,
      duration_ms: Math.round(performance.now() - startedMs),
      job_id: this.job.jobId,
      at: sqlDate(this.ctx.now()),
    });
  }

  /** Writes the verdicts of one group of items; false when the job vanished (database reset). */
  record(outcomes: ItemOutcome[], products: Map<number, SyncProduct> | null): boolean {
    const at = this.ctx.now();
    if (products) {
      this.ctx.db.transaction(() => {
        for (const o of outcomes) {
          const p = products.get(o.productId);
          if (p) recordOutcome(this.ctx.db, this.mp, this.job.type, p, o, at);
        }
      });
    }
    this.counts.processed += outcomes.length;
    this.counts.succeeded += outcomes.filter((o) => o.ok).length;
    this.counts.failed += outcomes.filter((o) => !o.ok).length;
    return saveProgress(this.ctx.db, this.job, this.counts, at);
  }

  /**
   * Every id gets the same error verdict; used when the job cannot go on. `mappings: false` leaves
   * the product mappings alone (a job that never reached the marketplace says nothing about a product).
   */
  failItems(ids: readonly number[], reason: string, startedMs: number, mappings = true): boolean {
    if (ids.length === 0) return true;
    const products = mappings ? loadSyncProducts(this.ctx.db, this.mp, ids) : null;
    const ok = this.record(
      ids.map((id) => ({ productId: id, ok: false, marketplaceProductId: null, error: reason })),
      products,
    );
    if (ok)
      this.log(
        'error',
        `${ids.length} ${NOUN[this.job.type]} not synced to ${this.title}: ${reason}`,
        ids.length,
        startedMs,
      );
    return ok;
  }

  finish(error: string | null): void {
    finishJob(
      this.ctx.db,
      this.job,
      error === null ? 'done' : 'failed',
      error === null ? null : redact(error, this.secrets),
      this.counts,
      this.ctx.now(),
    );
  }

  /** The items of one batch that can be sent, and the verdicts of those that cannot. */
  sortBatch(
    ids: readonly number[],
    products: Map<number, SyncProduct>,
  ): { send: SyncProduct[]; refused: ItemOutcome[] } {
    const send: SyncProduct[] = [];
    const refused: ItemOutcome[] = [];
    for (const id of ids) {
      const p = products.get(id);
      if (!p)
        refused.push({
          productId: id,
          ok: false,
          marketplaceProductId: null,
          error: `product ${id} does not exist in oc_product`,
        });
      else if (this.job.type !== 'products' && p.marketplaceProductId === null) {
        refused.push({
          productId: id,
          ok: false,
          marketplaceProductId: null,
          error: `product ${id} is not listed on ${this.title} yet; push the product first`,
        });
      } else send.push(p);
    }
    return { send, refused };
  }

  async push(client: MarketplaceClient, batch: SyncProduct[], key: string): Promise<ItemOutcome[]> {
    switch (this.job.type) {
      case 'products':
        return client.pushProducts(batch, key);
      case 'stock':
        return client.pushStock(batch, key);
      case 'prices':
        return client.pushPrices(batch, key);
    }
  }
}

/** Runs `job` to its end; throws only on database failures (the caller marks the job failed). */
export async function runJob(ctx: RunnerContext, job: JobHandle): Promise<void> {
  const run = new JobRun(ctx, job);
  const started = performance.now();
  const ids = [...job.productIds];

  let client: MarketplaceClient;
  try {
    if (!marketplaceEnabled(ctx.db, job.marketplace)) {
      throw new Error(
        `${run.title} is disabled (module_${job.marketplace}_status is not 1); enable it in the hub before syncing`,
      );
    }
    const settings = marketplaceCredentials(ctx.db, job.marketplace, ctx.config.encryptionKey);
    run.secrets = secretValues(job.marketplace, settings);
    client = createClient(job.marketplace, settings, {
      policy: ctx.config.sync,
      batchPollMs: ctx.config.sync.batchPollMs,
      signal: ctx.signal,
      onAttempts: (n) => {
        run.counts.attempts = Math.max(run.counts.attempts, n);
      },
    });
  } catch (err) {
    const reason = `not started: ${describe(err)}`;
    if (run.failItems(ids, reason, started, false)) run.finish(reason);
    return;
  }

  const batches = chunk(ids, BATCH_SIZE);
  for (const [b, batchIds] of batches.entries()) {
    const batchStarted = performance.now();
    const label = `batch ${b + 1} of ${batches.length}`;
    if (ctx.signal.aborted) {
      const reason = `stopped: the sync engine was stopped before ${label}`;
      if (run.failItems(ids.slice(b * BATCH_SIZE), reason, batchStarted)) run.finish(reason);
      return;
    }
    const products = loadSyncProducts(ctx.db, job.marketplace, batchIds);
    // Stryker disable next-line all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
    if (job.type === 'products' && ctx.config.faults.includes('push-scan')) pushScanWork(ctx.db, batchIds);
    const { send, refused } = run.sortBatch(batchIds, products);
    const outcomes = new Map<number, ItemOutcome>(refused.map((o) => [o.productId, o]));
    let batchError: string | null = null;
    if (send.length > 0) {
      try {
        for (const o of await run.push(client, send, `meschain-${job.nonce}-${b + 1}`)) outcomes.set(o.productId, o);
      } catch (err) {
        if (err instanceof PartialBatchError) for (const o of err.completed) outcomes.set(o.productId, o);
        batchError = redact(describe(err), run.secrets);
        for (const p of send) {
          if (!outcomes.has(p.productId))
            outcomes.set(p.productId, {
              productId: p.productId,
              ok: false,
              marketplaceProductId: null,
              error: `not synced: ${batchError}`,
            });
        }
      }
    }
    const verdicts = batchIds.map(
      (id) =>
        outcomes.get(id) ?? {
          productId: id,
          ok: false,
          marketplaceProductId: null,
          error: `${run.title} gave no result for product ${id}`,
        },
    );
    if (!run.record(verdicts, products)) return; // the job row is gone: the database was reset under it

    const ok = verdicts.filter((v) => v.ok).length;
    const firstProblem = verdicts.find((v) => !v.ok)?.error;
    if (batchError !== null) {
      run.log(
        'error',
        `${label}: ${batchIds.length - ok} ${NOUN[job.type]} not synced to ${run.title} (${ok} succeeded): ${batchError}`,
        batchIds.length,
        batchStarted,
      );
      const rest = ids.slice((b + 1) * BATCH_SIZE);
      const reason = `${label} failed (${batchError}); ${run.counts.failed + rest.length} of ${ids.length} ${NOUN[job.type]} not synced`;
      if (run.failItems(rest, `not sent: the job stopped after ${label} failed`, batchStarted)) run.finish(reason);
      return;
    }
    run.log(
      ok === batchIds.length ? 'success' : 'warning',
      `${label}: ${batchIds.length} ${NOUN[job.type]} sent to ${run.title}, ${ok} succeeded${ok < batchIds.length ? `, ${batchIds.length - ok} rejected (first: ${firstProblem})` : ''}`,
      batchIds.length,
      batchStarted,
    );
  }
  run.finish(null);
}
