/**
 * Applies the waiver registry and the quarantine list to every suite's results, and validates
 * both lists (owner, reason, a real expiry date) with errors that say what to fix.
 */
import type { QuarantineEntry, Waiver } from './policy-types.ts';
import type { SuiteResult } from './model.ts';

export interface PolicyOutcome {
  waivers: { read: number; expired: Waiver[]; applied: { waiver: Waiver; to: string }[] };
  quarantine: { read: number; expired: QuarantineEntry[]; applied: { entry: QuarantineEntry; to: string }[] };
}

export class PolicyError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkEntry(kind: string, i: number, e: { owner?: string; reason?: string; expires?: string }): void {
  const where = `${kind}[${i}]`;
  if (!e.owner?.trim())
    throw new PolicyError(`${where}: expected an owner (team or person); found none. Add owner: '…'.`);
  if (!e.reason?.trim())
    throw new PolicyError(`${where}: expected a reason (ticket, why it is acceptable); found none.`);
  if (!e.expires || !DAY.test(e.expires) || Number.isNaN(Date.parse(`${e.expires}T00:00:00Z`))) {
    throw new PolicyError(
      `${where}: expected expires as YYYY-MM-DD; found ${JSON.stringify(e.expires)}. Every accepted failure needs an end date.`,
    );
  }
}

export function validatePolicies(waivers: Waiver[], quarantine: QuarantineEntry[]): void {
  waivers.forEach((w, i) => {
    checkEntry('gate/waivers.ts WAIVERS', i, w);
    const m = w.match ?? {};
    if (!m.condition && !m.test && !m.fingerprint) {
      throw new PolicyError(
        `gate/waivers.ts WAIVERS[${i}]: expected match.condition, match.test or match.fingerprint; found none.`,
      );
    }
  });
  quarantine.forEach((q, i) => {
    checkEntry('gate/quarantine.ts QUARANTINE', i, q);
    if (!q.test?.trim())
      throw new PolicyError(
        `gate/quarantine.ts QUARANTINE[${i}]: expected test (a test id or part of it); found none.`,
      );
  });
}

/** An entry applies through the end of its `expires` day (UTC). */
export const isExpired = (expires: string, now: Date): boolean =>
  Date.parse(`${expires}T23:59:59.999Z`) < now.getTime();

export function applyPolicies(
  results: SuiteResult[],
  waivers: Waiver[],
  quarantine: QuarantineEntry[],
  now: Date,
): PolicyOutcome {
  validatePolicies(waivers, quarantine);
  const liveWaivers = waivers.filter((w) => !isExpired(w.expires, now));
  const liveQuarantine = quarantine.filter((q) => !isExpired(q.expires, now));
  const out: PolicyOutcome = {
    waivers: { read: 1, expired: waivers.filter((w) => isExpired(w.expires, now)), applied: [] },
    quarantine: { read: 1, expired: quarantine.filter((q) => isExpired(q.expires, now)), applied: [] },
  };
  for (const r of results) {
    for (const t of r.tests) {
      const q = liveQuarantine.find((e) => t.id.includes(e.test));
      if (q && (t.status === 'failed' || t.status === 'flaky')) {
        t.quarantinedBy = `${q.owner}: ${q.reason} (until ${q.expires})`;
        out.quarantine.applied.push({ entry: q, to: t.id });
      }
      const w = liveWaivers.find((x) => x.match.test && t.id.includes(x.match.test));
      if (w && t.status === 'failed') {
        t.waivedBy = `${w.owner}: ${w.reason} (until ${w.expires})`;
        out.waivers.applied.push({ waiver: w, to: t.id });
      }
    }
    for (const f of r.findings) {
      const w = liveWaivers.find((x) => x.match.fingerprint === f.fingerprint);
      if (w) {
        f.waivedBy = `${w.owner}: ${w.reason} (until ${w.expires})`;
        out.waivers.applied.push({ waiver: w, to: f.fingerprint });
      }
    }
  }
  return out;
}

/** A live waiver for a gate condition id, if any. */
export function conditionWaiver(waivers: Waiver[], id: string, now: Date): Waiver | undefined {
  return waivers.find((w) => w.match.condition === id && !isExpired(w.expires, now));
}
