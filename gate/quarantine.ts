/**
 * Known-flaky tests that may run without blocking the gate: their failures and retries are
 * reported but not counted. Each entry needs an owner, a reason and an expiry; an expired entry
 * stops applying and fails `tests.quarantine.expired`.
 *
 * Example:
 *   { test: 'ui-phone › tests/ui/sync.spec.ts › Sync now', owner: 'frontend@team', reason: 'MSYNC-88 job poll race', expires: '2026-12-15' }
 */
import type { QuarantineEntry } from './policy-types.ts';

export const QUARANTINE: QuarantineEntry[] = [];
