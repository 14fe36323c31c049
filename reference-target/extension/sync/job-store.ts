/**
 * The `meschain_sync_job` table: the engine's queue. A job is identified by its id *and* its
 * payload (which holds a random nonce), so a job that outlives a database reset never writes
 * over a new job that got the same id.
 */
import type { Database } from '../../db/database.ts';
import { sqlDate } from '../../db/seed.ts';
import type { Marketplace } from '../modules.ts';
import type { SyncJobType } from './types.ts';

export type SyncJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job as callers see it (the shape of `App['sync'].job()`). */
export interface SyncJobRow {
  job_id: number;
  marketplace: string;
  type: string;
  status: SyncJobStatus;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  /** the most attempts any single marketplace request of this job needed (1 = no retries) */
  attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobPayload {
  productIds: number[];
  nonce: string;
}

/** A claimed job: what the runner needs, plus the guard for every later write. */
export interface JobHandle {
  jobId: number;
  payload: string;
  nonce: string;
  marketplace: Marketplace;
  type: SyncJobType;
  productIds: number[];
}

export interface JobCounts {
  processed: number;
  succeeded: number;
  failed: number;
  attempts: number;
}

const COLUMNS =
  'job_id, marketplace, type, status, total, processed, succeeded, failed, attempts, error, created_at, updated_at';

export function insertJob(
  db: Database,
  job: { marketplace: Marketplace; type: SyncJobType; payload: JobPayload; userId: number | null; at: Date },
): number {
  const at = sqlDate(job.at);
  return db.run(
    `INSERT INTO meschain_sync_job (marketplace, type, payload, status, total, created_by, created_at, updated_at)
                 VALUES ($mp, $type, $payload, 'queued', $total, $user, $at, $at)`,
    {
      mp: job.marketplace,
      type: job.type,
      payload: JSON.stringify(job.payload),
      total: job.payload.productIds.length,
      user: job.userId,
      at,
    },
  ).lastInsertRowid;
}

export function getJob(db: Database, jobId: number): SyncJobRow | undefined {
  return db.get<SyncJobRow>(`SELECT ${COLUMNS} FROM meschain_sync_job WHERE job_id = $id`, { id: jobId });
}

export function hasQueuedJob(db: Database): boolean {
  return db.get("SELECT 1 FROM meschain_sync_job WHERE status = 'queued' LIMIT 1") !== undefined;
}

/** Takes the oldest queued job and marks it running; undefined when the queue is empty. */
export function claimNextJob(db: Database, at: Date): JobHandle | { jobId: number; invalid: string } | undefined {
  const row = db.get<{ job_id: number; marketplace: Marketplace; type: SyncJobType; payload: string }>(
    "SELECT job_id, marketplace, type, payload FROM meschain_sync_job WHERE status = 'queued' ORDER BY job_id LIMIT 1",
  );
  if (!row) return undefined;
  db.run("UPDATE meschain_sync_job SET status = 'running', updated_at = $at WHERE job_id = $id", {
    id: row.job_id,
    at: sqlDate(at),
  });
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return { jobId: row.job_id, invalid: 'expected a JSON payload {productIds, nonce}; found unreadable JSON' };
  }
  const { productIds: ids, nonce } = (payload ?? {}) as Partial<JobPayload>;
  if (
    !Array.isArray(ids) ||
    !ids.every((id) => Number.isInteger(id) && id > 0) ||
    typeof nonce !== 'string' ||
    nonce === ''
  ) {
    return {
      jobId: row.job_id,
      invalid: 'expected payload {productIds: [product ids], nonce: "<text>"}; found something else',
    };
  }
  return {
    jobId: row.job_id,
    payload: row.payload,
    nonce,
    marketplace: row.marketplace,
    type: row.type,
    productIds: ids,
  };
}

/** Writes progress; false when the job no longer exists (the database was reset under it). */
export function saveProgress(db: Database, job: JobHandle, counts: JobCounts, at: Date): boolean {
  return (
    db.run(
      `UPDATE meschain_sync_job SET processed = $processed, succeeded = $succeeded, failed = $failed, attempts = $attempts, updated_at = $at
                 WHERE job_id = $id AND payload = $payload`,
      { ...counts, id: job.jobId, payload: job.payload, at: sqlDate(at) },
    ).changes > 0
  );
}

export function finishJob(
  db: Database,
  job: Pick<JobHandle, 'jobId'> & { payload?: string },
  status: 'done' | 'failed',
  error: string | null,
  counts: JobCounts | null,
  at: Date,
): boolean {
  const guard = job.payload === undefined ? '' : ' AND payload = $payload';
  const set = counts ? ', processed = $processed, succeeded = $succeeded, failed = $failed, attempts = $attempts' : '';
  return (
    db.run(
      `UPDATE meschain_sync_job SET status = $status, error = $error, updated_at = $at${set} WHERE job_id = $id${guard}`,
      {
        status,
        error,
        at: sqlDate(at),
        id: job.jobId,
        ...(job.payload === undefined ? {} : { payload: job.payload }),
        ...(counts ?? {}),
      },
    ).changes > 0
  );
}

/** Jobs left `running` by a worker that is gone: they end failed, not silently stuck. */
export function failInterruptedJobs(db: Database, at: Date): number {
  return db.run(
    `UPDATE meschain_sync_job SET status = 'failed', updated_at = $at,
                 error = 'interrupted: the sync worker stopped while this job was running; items without a result were not synced'
                 WHERE status = 'running'`,
    { at: sqlDate(at) },
  ).changes;
}
