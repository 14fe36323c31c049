/**
 * Accepted known failures: one registry, applied to every suite's results. Each entry needs an
 * owner, a reason and an expiry; an expired waiver stops applying and fails `waivers.expired`.
 *
 * Example:
 *   { match: { test: 'tests/api/webhook.spec.ts › replay' }, owner: 'backend@team', reason: 'MSYNC-123, fix in 2.4', expires: '2026-12-31' }
 */
import type { Waiver } from './policy-types.ts';

export const WAIVERS: Waiver[] = [];
