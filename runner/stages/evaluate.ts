/**
 * Stage 5 — the verdict: waivers and quarantine applied, the gate spec evaluated against the
 * adapted results and the run's own metrics, and the gate's files written atomically —
 * gate.json, one line of history, and the regression baselines (only after a green run).
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../gate/atomic-write.ts';
import { evaluate, type GateResult } from '../../gate/engine.ts';
import { GATES } from '../../gate/gates.ts';
import type { Suite } from '../../gate/model.ts';
import { applyPolicies, PolicyError } from '../../gate/policy.ts';
import { QUARANTINE } from '../../gate/quarantine.ts';
import { appendHistory, readBaselines, readHistory } from '../../gate/regression.ts';
import type { ProfileName } from '../../gate/spec-types.ts';
import { WAIVERS } from '../../gate/waivers.ts';
import type { Preflight } from '../../fixtures/opencart/preflight.ts';
import { CouldNotEvaluate } from '../say.ts';
import type { Adapted } from './adapt.ts';

export interface Judged {
  reportsDir: string;
  profile: ProfileName;
  suites: Suite[];
  adapted: Adapted;
  runMetrics: Record<string, number>;
  targetKind: 'reference' | 'opencart';
  blocked: { suite: Suite; reason: string }[];
  preflight?: Preflight;
  now?: Date;
}

export function judge(j: Judged): GateResult {
  const now = j.now ?? new Date();
  let policy;
  try {
    policy = applyPolicies(j.adapted.results, WAIVERS, QUARANTINE, now);
  } catch (err) {
    if (err instanceof PolicyError) throw new CouldNotEvaluate(err.message);
    throw err;
  }
  const historyPath = resolve(j.reportsDir, 'gate-history.jsonl');
  const baselinesPath = resolve(j.reportsDir, 'gate-baselines.json');
  const gate = evaluate({
    spec: GATES,
    profile: j.profile,
    ran: j.suites,
    results: j.adapted.results,
    unreadable: j.adapted.unreadable,
    policy,
    waivers: WAIVERS,
    now,
    history: readHistory(historyPath),
    baselines: readBaselines(baselinesPath),
    runMetrics: j.runMetrics,
    targetKind: j.targetKind,
    blocked: j.blocked,
  });
  writeFileAtomic(
    resolve(j.reportsDir, 'gate.json'),
    `${JSON.stringify({ ...gate, ...(j.preflight ? { preflight: j.preflight } : {}) }, null, 2)}\n`,
  );
  appendHistory(historyPath, {
    at: gate.generatedAt,
    profile: gate.profile,
    status: gate.status,
    metrics: Object.fromEntries(Object.entries(gate.suites).map(([s, v]) => [s, v.metrics])),
  });
  // the baselines file records what the last green run was judged against (for the report)
  if (gate.status === 'passed') writeFileAtomic(baselinesPath, `${JSON.stringify(gate.baselines, null, 2)}\n`);
  return gate;
}
