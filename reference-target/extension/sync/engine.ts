/**
 * The extension's sync engine: a background queue over `meschain_sync_job` (one job at a time,
 * woken by `enqueue`, no timers while idle), plus the direct marketplace calls the admin needs
 * (connection test, order pull, category pull). Endpoints and credentials come from `oc_setting`
 * (secrets decrypted here, never logged).
 */
import { randomUUID } from 'node:crypto';
import type { TargetConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { MarketplaceOrder } from '../../marketplaces/order-book.ts';
import { marketplaceCredentials } from '../models/settings.ts';
import { isMarketplace, MARKETPLACE_SETTINGS, type Marketplace } from '../modules.ts';
import { createClient, mergeSettings, secretValues } from './clients.ts';
import { redact } from './http-client.ts';
import {
  claimNextJob,
  failInterruptedJobs,
  finishJob,
  getJob,
  hasQueuedJob,
  insertJob,
  type JobHandle,
  type SyncJobRow,
} from './job-store.ts';
import { runJob } from './job-runner.ts';
import { SYNC_JOB_TYPES, type MarketplaceCategory, type MarketplaceClient, type SyncJobType } from './types.ts';

export type { SyncJobRow } from './job-store.ts';
export type { MarketplaceCategory, SyncJobType } from './types.ts';

export interface SyncEngineOptions {
  db: Database;
  config: TargetConfig;
  now: () => Date;
}
export interface SyncJobRequest {
  marketplace: Marketplace;
  type: SyncJobType;
  productIds: number[];
}
export interface ConnectionResult {
  ok: boolean;
  message: string;
  latency_ms: number;
}

/** The most product ids one job takes. */
export const MAX_JOB_PRODUCTS = 10_000;

/** A job request the engine refuses; the message names the field, what was expected and what was found. */
export class SyncJobInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncJobInputError';
  }
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class SyncEngine {
  readonly db: Database;
  readonly config: TargetConfig;
  readonly now: () => Date;
  #started = false;
  #abort = new AbortController();
  #worker: Promise<void> | null = null;

  constructor(opts: SyncEngineOptions) {
    this.db = opts.db;
    this.config = opts.config;
    this.now = opts.now;
  }

  /** Queues a job and wakes the worker; answers the job id. Duplicate product ids are sent once. */
  enqueue(job: SyncJobRequest, userId: number | null): number {
    if (!isMarketplace(job.marketplace)) {
      throw new SyncJobInputError(
        `marketplace: expected one of ${Object.keys(MARKETPLACE_SETTINGS).join(', ')}; found ${JSON.stringify(job.marketplace)}`,
      );
    }
    if (!SYNC_JOB_TYPES.includes(job.type))
      throw new SyncJobInputError(
        `type: expected one of ${SYNC_JOB_TYPES.join(', ')}; found ${JSON.stringify(job.type)}`,
      );
    const ids = Array.isArray(job.productIds) ? job.productIds : [];
    const bad = ids.find((id) => !Number.isInteger(id) || id < 1);
    if (ids.length === 0 || ids.length > MAX_JOB_PRODUCTS || bad !== undefined) {
      throw new SyncJobInputError(
        `productIds: expected 1-${MAX_JOB_PRODUCTS} positive integer product ids; found ${
          bad !== undefined ? `the value ${JSON.stringify(bad)}` : `${ids.length} ids`
        }`,
      );
    }
    const jobId = insertJob(this.db, {
      marketplace: job.marketplace,
      type: job.type,
      userId,
      at: this.now(),
      payload: { productIds: [...new Set(ids)], nonce: randomUUID() },
    });
    this.#wake();
    return jobId;
  }

  job(jobId: number): SyncJobRow | undefined {
    return getJob(this.db, jobId);
  }

  /** Starts working through queued jobs; jobs a previous worker left running end failed. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#abort = new AbortController();
    try {
      failInterruptedJobs(this.db, this.now());
    } catch {
      /* database not ready: the worker reports on its first job */
    }
    this.#wake();
  }

  /** Stops the worker: the running job is aborted (its unsent items marked error) and the call waits for that. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#abort.abort();
    while (this.#worker) await this.#worker;
  }

  /** Resolves when the worker has no job left to run (at once when it is stopped). */
  async idle(): Promise<void> {
    while (this.#worker) await this.#worker;
  }

  #wake(): void {
    if (!this.#started || this.#worker) return;
    this.#worker = this.#drain().finally(() => {
      this.#worker = null;
      let more = false;
      try {
        more = hasQueuedJob(this.db);
      } catch {
        /* database gone: nothing to do */
      }
      if (more) this.#wake();
    });
  }

  async #drain(): Promise<void> {
    while (this.#started) {
      let next: ReturnType<typeof claimNextJob>;
      try {
        next = claimNextJob(this.db, this.now());
      } catch {
        return;
      }
      if (!next) return;
      if ('invalid' in next) {
        this.#failQuietly(next, `not started: ${next.invalid}`);
        continue;
      }
      try {
        await runJob({ db: this.db, config: this.config, now: this.now, signal: this.#abort.signal }, next);
      } catch (err) {
        // a database failure mid-job (e.g. a reset or close under it): the job ends failed, the worker lives on
        this.#failQuietly(next, `failed: ${describe(err)}`);
      }
    }
  }

  #failQuietly(job: Pick<JobHandle, 'jobId'> & { payload?: string }, error: string): void {
    try {
      finishJob(this.db, job, 'failed', error, null, this.now());
    } catch {
      /* nothing left to record it in */
    }
  }

  #client(mp: Marketplace, settings: Record<string, string>, maxAttempts?: number): MarketplaceClient {
    const policy = maxAttempts === undefined ? this.config.sync : { ...this.config.sync, maxAttempts };
    return createClient(mp, settings, { policy, batchPollMs: this.config.sync.batchPollMs });
  }

  #settings(mp: Marketplace, given?: Record<string, string>): Record<string, string> {
    return mergeSettings(marketplaceCredentials(this.db, mp, this.config.encryptionKey), given);
  }

  /** One authenticated call, one attempt; `creds` (e.g. from an unsaved form) overlay the stored settings. */
  async testConnection(marketplace: Marketplace, creds?: Record<string, string>): Promise<ConnectionResult> {
    const started = performance.now();
    let secrets = secretValues(marketplace, creds ?? {});
    try {
      const settings = this.#settings(marketplace, creds);
      secrets = [...secrets, ...secretValues(marketplace, settings)];
      const message = await this.#client(marketplace, settings, 1).checkConnection();
      return { ok: true, message, latency_ms: Math.round(performance.now() - started) };
    } catch (err) {
      return {
        ok: false,
        message: redact(`${MARKETPLACE_SETTINGS[marketplace].title} connection failed: ${describe(err)}`, secrets),
        latency_ms: Math.round(performance.now() - started),
      };
    }
  }

  /** Every order of every page; line product ids (and missing barcodes) resolved from oc_product by SKU, 0 when unknown. */
  async fetchOrders(marketplace: Marketplace): Promise<MarketplaceOrder[]> {
    const settings = this.#settings(marketplace);
    const orders = await this.#guarded(marketplace, settings, (c) => c.fetchOrders());
    for (const o of orders) {
      for (const l of o.lines) {
        const p = this.db.get<{ product_id: number; ean: string }>(
          'SELECT product_id, ean FROM oc_product WHERE sku = $sku',
          { sku: l.sku },
        );
        l.productId = p?.product_id ?? 0;
        if (l.ean === '' && p) l.ean = p.ean;
      }
    }
    return orders;
  }

  async fetchCategories(marketplace: Marketplace): Promise<MarketplaceCategory[]> {
    return this.#guarded(marketplace, this.#settings(marketplace), (c) => c.fetchCategories());
  }

  /** Runs a client call; its error message is stripped of the marketplace's secrets. */
  async #guarded<T>(
    mp: Marketplace,
    settings: Record<string, string>,
    call: (c: MarketplaceClient) => Promise<T>,
  ): Promise<T> {
    try {
      return await call(this.#client(mp, settings));
    } catch (err) {
      throw new Error(redact(describe(err), secretValues(mp, settings)), { cause: err });
    }
  }
}
