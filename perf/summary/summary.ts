/**
 * What handleSummary() writes: k6's own summary data (metrics with their thresholds, checks,
 * state) minus `setup_data` (it holds the user_token and session id), plus a `meschain` block
 * naming the profile, its bounds and, for stress, the step at which the target broke. Plain
 * code: Node tests it, k6 runs it.
 */
import { planBounds, stressStepRps, type ProfilePlan } from '../config/profiles.ts';
import { ERROR_METRIC } from '../config/options.ts';

export interface K6Metric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface K6SummaryData {
  root_group?: unknown;
  options?: unknown;
  state?: { testRunDurationMs: number; isStdOutTTY?: boolean; isStdErrTTY?: boolean };
  metrics: Record<string, K6Metric>;
  setup_data?: unknown;
}

export interface StressStep {
  step: number;
  targetRps: number;
  samples: number;
  avgMs: number;
  p95Ms: number;
  errorRatePct: number;
  ok: boolean;
}
export interface StressOutcome {
  broken: boolean;
  /** the first step whose average or error rate crossed the gate's threshold */
  brokeAtStep: number | null;
  brokeAtTargetRps: number | null;
  /** the highest step that held */
  heldTargetRps: number;
  steps: StressStep[];
}

export interface MeschainBlock {
  profile: string;
  gateProfile: string;
  description: string;
  baseUrl: string;
  thresholdsFrom: 'gate/gates.ts';
  bounds: { seconds: number; requests: number };
  scenarios: string[];
  stress?: StressOutcome;
}

export type SummaryFile = Omit<K6SummaryData, 'setup_data'> & { meschain: MeschainBlock };

const thresholdsOk = (m: K6Metric | undefined): boolean => Object.values(m?.thresholds ?? {}).every((t) => t.ok);

export function stressOutcome(plan: ProfilePlan, metrics: Record<string, K6Metric>): StressOutcome | undefined {
  if (!plan.stress) return undefined;
  const stress = plan.stress;
  const steps: StressStep[] = stress.steps
    .map((_, i) => {
      const d = metrics[`http_req_duration{stage:${i}}`];
      const e = metrics[`${ERROR_METRIC}{stage:${i}}`];
      return {
        step: i,
        targetRps: stressStepRps(stress, i),
        samples: d?.values.count ?? 0,
        avgMs: d?.values.avg ?? 0,
        p95Ms: d?.values['p(95)'] ?? 0,
        errorRatePct: (e?.values.rate ?? 0) * 100,
        ok: thresholdsOk(d) && thresholdsOk(e),
      };
    })
    .filter((s) => s.samples > 0);
  const broken = steps.find((s) => !s.ok);
  const held = steps.filter((s) => s.ok && (!broken || s.step < broken.step)).at(-1);
  return {
    broken: broken !== undefined,
    brokeAtStep: broken?.step ?? null,
    brokeAtTargetRps: broken?.targetRps ?? null,
    heldTargetRps: held?.targetRps ?? 0,
    steps,
  };
}

export function buildSummary(
  data: K6SummaryData,
  plan: ProfilePlan,
  gateProfile: string,
  baseUrl: string,
): SummaryFile {
  const { setup_data: _secret, ...rest } = data;
  return {
    ...rest,
    meschain: {
      profile: plan.profile,
      gateProfile,
      description: plan.description,
      baseUrl,
      thresholdsFrom: 'gate/gates.ts',
      bounds: planBounds(plan),
      scenarios: Object.keys(plan.scenarios),
      ...(plan.stress ? { stress: stressOutcome(plan, data.metrics) } : {}),
    },
  };
}

const n = (x: number | undefined, digits = 1): string => (x === undefined ? '-' : x.toFixed(digits));

/** A few lines for the console (k6's own end-of-test summary is replaced by handleSummary). */
export function textSummary(s: SummaryFile): string {
  const m = s.metrics;
  const d = m.http_req_duration?.values;
  const reqs = m.http_reqs?.values;
  const checks = m.checks?.values;
  const checkTotal = (checks?.passes ?? 0) + (checks?.fails ?? 0);
  const lines = [
    `load profile ${s.meschain.profile} (gate profile ${s.meschain.gateProfile}) against ${s.meschain.baseUrl}`,
    `  ${reqs?.count ?? 0} requests, ${n(reqs?.rate)} req/s, avg ${n(d?.avg)} ms, p95 ${n(d?.['p(95)'])} ms, ` +
      `errors ${n((m[ERROR_METRIC]?.values.rate ?? 0) * 100, 2)} %, checks ${checkTotal ? n(((checks?.passes ?? 0) / checkTotal) * 100, 2) : '-'} % of ${checkTotal}`,
  ];
  for (const name of s.meschain.scenarios) {
    const sd = m[`http_req_duration{scenario:${name}}`]?.values;
    const se = m[`${ERROR_METRIC}{scenario:${name}}`]?.values;
    lines.push(
      `  ${name}: ${sd?.count ?? 0} requests, avg ${n(sd?.avg)} ms, p95 ${n(sd?.['p(95)'])} ms, errors ${n((se?.rate ?? 0) * 100, 2)} %`,
    );
  }
  const crossed = Object.entries(m).flatMap(([name, metric]) =>
    Object.entries(metric.thresholds ?? {})
      .filter(([, t]) => !t.ok)
      .map(([expr]) => `${name} ${expr}`),
  );
  const total = Object.values(m).reduce((k, metric) => k + Object.keys(metric.thresholds ?? {}).length, 0);
  if (!reqs?.count)
    lines.push(
      '  no HTTP request was made: thresholds over no samples prove nothing, the gate fails this run on missing evidence',
    );
  else
    lines.push(
      `  thresholds: ${total - crossed.length} of ${total} held${crossed.length ? `; crossed: ${crossed.join(', ')}` : ''}`,
    );
  const st = s.meschain.stress;
  if (st) {
    lines.push(
      st.broken
        ? `  stress: broke at step ${st.brokeAtStep} (${st.brokeAtTargetRps} req/s offered); held ${st.heldTargetRps} req/s`
        : `  stress: held every step up to ${st.heldTargetRps} req/s offered`,
    );
  }
  return `${lines.join('\n')}\n`;
}
