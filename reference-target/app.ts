/**
 * What every part of the running reference target shares: configuration, database, live
 * fault switches, the URLs it listens on, the view renderer and the sync engine.
 */
import type { TargetConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { FaultSet } from './faults.ts';
import type { Marketplace } from './extension/modules.ts';
import type { Req } from './http/types.ts';
import type { MarketplaceOrder } from './marketplaces/order-book.ts';

export type SimulatorUrls = Record<Marketplace, string>;

export interface App {
  config: TargetConfig;
  db: Database;
  faults: FaultSet;
  /** Store base URL, e.g. http://127.0.0.1:8790 (admin lives under /admin/). */
  storeUrl: string;
  simulators: SimulatorUrls;
  render(template: string, data: Record<string, unknown>): string;
  sync: SyncService;
  now(): Date;
}

export interface SyncJob {
  job_id: number;
  marketplace: string;
  type: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** What the extension's controllers need from the sync engine (extension/sync/). */
export interface SyncService {
  enqueue(
    job: { marketplace: Marketplace; type: 'products' | 'stock' | 'prices'; productIds: number[] },
    userId: number | null,
  ): number;
  job(jobId: number): SyncJob | undefined;
  testConnection(
    marketplace: Marketplace,
    creds?: Record<string, string>,
  ): Promise<{ ok: boolean; message: string; latency_ms: number }>;
  fetchOrders(marketplace: Marketplace): Promise<MarketplaceOrder[]>;
  fetchCategories(marketplace: Marketplace): Promise<{ id: string; name: string; parent_id: string | null }[]>;
}

/** The logged-in admin user, with the permission lists of their user group. */
export interface AdminUser {
  userId: number;
  username: string;
  userGroupId: number;
  access: string[];
  modify: string[];
}

export interface SessionData {
  user_id?: number;
  user_token?: string;
  /** counts hub dashboard renders in this session (used by the flaky-ui fault) */
  dashboard_renders?: number;
  [key: string]: unknown;
}

/** An admin request after session, login and permission start-up ran (OpenCart's startup/*). */
export interface AdminReq extends Req {
  route: string;
  sessionId: string;
  session: SessionData;
  user: AdminUser;
  token: string;
}
