/**
 * k6 `options` from a profile plan, with thresholds taken from the gate spec (gate/gates.ts,
 * `loadThresholds`): one source of truth for the numbers k6 and the gate judge by.
 */
import { loadThresholds } from '../../gate/gates.ts';
import type { ProfileName } from '../../gate/spec-types.ts';
import { GRACEFUL_STOP_S, SETUP_TIMEOUT_S, type ExecutorPlan, type Journey, type ProfilePlan } from './profiles.ts';

/**
 * Rate of failed requests as the gate means it: transport errors, unexpected statuses, and the
 * OpenCart login page (or any non-JSON) where a JSON route should answer. k6's own
 * `http_req_failed` only sees the status.
 */
export const ERROR_METRIC = 'meschain_errors';
export const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];

export type Threshold = string | { threshold: string; abortOnFail: boolean; delayAbortEval: string };

/** 0.1 (%) → 0.001, without floating-point tails in the expression. */
const ratio = (pct: number): number => Number((pct / 100).toPrecision(10));

export function k6Thresholds(plan: ProfilePlan, gateProfile: ProfileName): Record<string, Threshold[]> {
  const t = loadThresholds(gateProfile);
  const avg = `avg<${t.avgMs}`;
  const errors = `rate<${ratio(t.errorRatePct)}`;
  const out: Record<string, Threshold[]> = {
    http_req_duration: [avg],
    [ERROR_METRIC]: [errors],
    checks: [`rate>=${ratio(t.checksPct)}`],
  };
  for (const journey of Object.keys(plan.scenarios) as Journey[]) {
    out[`http_req_duration{scenario:${journey}}`] =
      journey === 'dashboard' ? [avg, `p(95)<${t.dashboardP95Ms}`] : [avg];
    out[`${ERROR_METRIC}{scenario:${journey}}`] = [errors];
  }
  // stress: each step is judged on its own samples; the first step to break stops the run
  for (const [i] of (plan.stress?.steps ?? []).entries()) {
    const abort = (threshold: string) => ({ threshold, abortOnFail: true, delayAbortEval: '5s' });
    out[`http_req_duration{stage:${i}}`] = [abort(avg)];
    out[`${ERROR_METRIC}{stage:${i}}`] = [abort(errors)];
  }
  return out;
}

const s = (seconds: number): string => `${seconds}s`;

function k6Scenario(journey: Journey, e: ExecutorPlan): Record<string, unknown> {
  const common = { exec: journey, gracefulStop: s(GRACEFUL_STOP_S) };
  switch (e.executor) {
    case 'per-vu-iterations':
    case 'shared-iterations':
      return { ...common, executor: e.executor, vus: e.vus, iterations: e.iterations, maxDuration: s(e.maxDurationS) };
    case 'constant-arrival-rate':
      return {
        ...common,
        executor: e.executor,
        rate: e.rate,
        timeUnit: s(e.timeUnitS),
        duration: s(e.durationS),
        preAllocatedVUs: e.preAllocatedVUs,
        maxVUs: e.maxVUs,
      };
    case 'ramping-arrival-rate':
      return {
        ...common,
        executor: e.executor,
        startRate: e.startRate,
        timeUnit: s(e.timeUnitS),
        preAllocatedVUs: e.preAllocatedVUs,
        maxVUs: e.maxVUs,
        stages: e.stages.map((st) => ({ target: st.target, duration: s(st.durationS) })),
      };
  }
}

export function k6Options(plan: ProfilePlan, gateProfile: ProfileName): Record<string, unknown> {
  return {
    scenarios: Object.fromEntries(
      (Object.entries(plan.scenarios) as [Journey, ExecutorPlan][]).map(([j, e]) => [j, k6Scenario(j, e)]),
    ),
    thresholds: k6Thresholds(plan, gateProfile),
    summaryTrendStats: TREND_STATS,
    setupTimeout: s(SETUP_TIMEOUT_S),
    teardownTimeout: '10s',
    userAgent: 'MesChain-Sync-QA k6 load suite',
  };
}
