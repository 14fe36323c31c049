/**
 * Evaluates the gate spec on the suites' results: one entry per condition (passed, failed,
 * warn, waived, not-run, error) and an overall status. Missing evidence fails a condition with
 * its own message — it never passes. A suite that was run but whose results could not be read
 * makes its conditions `error`, and the overall verdict "could not evaluate".
 */
import type { Comparator, Condition, GateSpec, ProfileName } from './spec-types.ts';
import { SUITES, type Suite, type SuiteResult } from './model.ts';
import type { PolicyOutcome } from './policy.ts';
import type { Waiver } from './policy-types.ts';
import { conditionWaiver } from './policy.ts';
import { withTestMetrics } from './adapters/playwright.ts';
import { evaluateRegressions, type Baselines, type HistoryEntry } from './regression.ts';
import { ruleFor, type RuleContext } from './rules/index.ts';

export type ConditionStatus = 'passed' | 'failed' | 'warn' | 'waived' | 'not-run' | 'error';
export type GateStatus = 'passed' | 'failed' | 'error';

export interface ConditionResult {
  id: string;
  title: string;
  suite: string;
  status: ConditionStatus;
  severity: Condition['severity'];
  metric: string;
  comparator: Comparator;
  threshold: number;
  unit: string;
  actual: number | null;
  evidence: { metric: string; label: string; min: number; actual: number };
  message: string;
  help: string;
  waivedBy?: string;
}

export interface GateResult {
  status: GateStatus;
  exitCode: 0 | 1 | 2;
  profile: ProfileName;
  generatedAt: string;
  summary: string;
  conditions: ConditionResult[];
  suites: Record<
    string,
    {
      tool: string;
      sources: string[];
      metrics: Record<string, number>;
      notes: string[];
      tests: number;
      findings: number;
    }
  >;
  errors: string[];
  policy: { waiversApplied: number; waiversExpired: string[]; quarantined: number; quarantineExpired: string[] };
  /** regression baselines after this run (persisted only when the run is green) */
  baselines: Baselines;
}

export interface EvaluateInput {
  spec: GateSpec;
  profile: ProfileName;
  /** suites that were run (their conditions are evaluated; others are `not-run`) */
  ran: Suite[];
  results: SuiteResult[];
  /** suites whose results could not be read, with the reason */
  unreadable: { suite: Suite; message: string }[];
  policy: PolicyOutcome;
  waivers: Waiver[];
  now: Date;
  /** earlier runs' metrics and the stored regression baselines (none: regression rules warn "no baseline yet") */
  history?: HistoryEntry[];
  baselines?: Baselines;
  /** what the store under test is (conditions may apply to one kind only) */
  targetKind?: 'reference' | 'opencart';
  /** metrics of the run itself (e.g. the data digest comparison), read by `all` conditions */
  runMetrics?: Record<string, number>;
  /**
   * suites the preflight found nothing to run against (e.g. MesChain-Sync not installed), with
   * that one reason: their conditions are `error` — "could not evaluate", never a pass
   */
  blocked?: { suite: Suite; reason: string }[];
}

export { compare } from './rules/threshold.ts';

/** The spec's conditions with the profile's overrides applied. */
export function effectiveConditions(spec: GateSpec, profile: ProfileName): Condition[] {
  const p = spec.profiles[profile];
  if (!p)
    throw new Error(
      `gate profile: expected one of ${Object.keys(spec.profiles).join(', ')}; found ${JSON.stringify(profile)}.`,
    );
  for (const id of Object.keys(p.overrides)) {
    if (!spec.conditions.some((c) => c.id === id))
      throw new Error(`gate profile ${profile}: override for unknown condition ${id}. Fix gate/gates.ts.`);
  }
  return spec.conditions.map((c) => {
    const o = p.overrides[c.id];
    return o ? { ...c, ...o, evidence: { ...c.evidence, ...(o.evidence ?? {}) } } : c;
  });
}

/** Merges results of one suite coming from several tools (e.g. axe findings + Playwright a11y tests). */
export function mergeBySuite(results: SuiteResult[]): Map<Suite, SuiteResult> {
  const out = new Map<Suite, SuiteResult>();
  for (const r of results) {
    const prev = out.get(r.suite);
    if (!prev) {
      out.set(r.suite, {
        ...r,
        sources: [...r.sources],
        tests: [...r.tests],
        findings: [...r.findings],
        artifacts: [...r.artifacts],
        notes: [...r.notes],
      });
      continue;
    }
    prev.tool = prev.tool === r.tool ? prev.tool : `${prev.tool} + ${r.tool}`;
    prev.sources.push(...r.sources);
    prev.tests.push(...r.tests);
    prev.findings.push(...r.findings);
    prev.artifacts.push(...r.artifacts);
    prev.notes.push(...r.notes);
    prev.metrics = { ...r.metrics, ...prev.metrics };
  }
  return out;
}

export function evaluate(input: EvaluateInput): GateResult {
  const merged = mergeBySuite(input.results);
  // the Playwright-based suites get their tests.* metrics after waivers and quarantine applied
  for (const r of merged.values()) if (r.tool.includes('playwright')) withTestMetrics(r);
  const unreadable = new Map(input.unreadable.map((u) => [u.suite, u.message]));
  const ctx: RuleContext = {
    profile: input.profile,
    ran: input.ran,
    suites: merged,
    results: input.results,
    unreadable,
    policy: input.policy,
    runMetrics: input.runMetrics ?? {},
  };

  const conditions = effectiveConditions(input.spec, input.profile).map((c): ConditionResult => {
    const base = {
      id: c.id,
      title: c.title,
      suite: c.suite,
      severity: c.severity,
      metric: c.metric,
      comparator: c.comparator,
      threshold: c.threshold,
      unit: c.unit ?? '',
      help: c.help,
    };
    const notJudged = (status: 'not-run' | 'error', message: string): ConditionResult => ({
      ...base,
      status,
      actual: null,
      evidence: { ...c.evidence, actual: 0 },
      message,
    });
    const applies =
      (!c.appliesTo?.profiles || c.appliesTo.profiles.includes(input.profile)) &&
      (!c.appliesTo?.targetKinds || c.appliesTo.targetKinds.includes(input.targetKind ?? 'reference'));
    if (!applies) {
      return notJudged(
        'not-run',
        `applies only to ${[c.appliesTo?.profiles?.join('/'), c.appliesTo?.targetKinds?.map((k) => `${k} target`).join('/')].filter(Boolean).join(' runs against the ')}`,
      );
    }
    const blocked = input.blocked?.find((b) => b.suite === c.suite);
    if (blocked) return notJudged('error', `could not evaluate: ${blocked.reason}`);

    const verdict = ruleFor(c).evaluate(c, ctx);
    if (!('evidence' in verdict)) return notJudged(verdict.status, verdict.message);
    const result: ConditionResult = {
      ...base,
      status: verdict.status === 'passed' ? 'passed' : c.severity === 'warn' ? 'warn' : 'failed',
      actual: verdict.actual,
      evidence: { ...c.evidence, actual: verdict.evidence },
      message: verdict.message,
    };
    const waiver = result.status === 'failed' ? conditionWaiver(input.waivers, c.id, input.now) : undefined;
    return waiver
      ? { ...result, status: 'waived', waivedBy: `${waiver.owner}: ${waiver.reason} (until ${waiver.expires})` }
      : result;
  });

  const suiteMetrics = Object.fromEntries([...merged.entries()].map(([s, r]) => [s, r.metrics]));
  const regressions = evaluateRegressions(input.spec.regressions, {
    profile: input.profile,
    ran: input.ran.filter((s) => !unreadable.has(s)),
    metrics: suiteMetrics,
    history: input.history ?? [],
    baselines: input.baselines ?? {},
  });
  conditions.push(...regressions.conditions);

  const errors = [
    ...(input.blocked ?? []).map((b) => `${b.suite}: not run — ${b.reason}`),
    ...input.unreadable.map((u) => `${u.suite}: ${u.message}`),
  ];
  const status: GateStatus = conditions.some((c) => c.status === 'error')
    ? 'error'
    : conditions.some((c) => c.status === 'failed')
      ? 'failed'
      : 'passed';
  const count = (s: ConditionStatus) => conditions.filter((c) => c.status === s).length;
  const evaluated = conditions.length - count('not-run');
  return {
    status,
    exitCode: status === 'passed' ? 0 : status === 'failed' ? 1 : 2,
    profile: input.profile,
    generatedAt: input.now.toISOString(),
    summary: `${count('passed')}/${evaluated} conditions passed, ${count('failed')} failed, ${count('warn')} warn, ${count('waived')} waived, ${count('error')} could not be evaluated, ${count('not-run')} not run`,
    conditions,
    suites: Object.fromEntries(
      [...merged.entries()]
        .filter(([s]) => SUITES.includes(s))
        .map(([s, r]) => [
          s,
          {
            tool: r.tool,
            sources: r.sources,
            metrics: r.metrics,
            notes: r.notes,
            tests: r.tests.length,
            findings: r.findings.length,
          },
        ]),
    ),
    errors,
    policy: {
      waiversApplied: input.policy.waivers.applied.length,
      waiversExpired: input.policy.waivers.expired.map(
        (w) => `${JSON.stringify(w.match)} (${w.owner}, expired ${w.expires})`,
      ),
      quarantined: input.policy.quarantine.applied.length,
      quarantineExpired: input.policy.quarantine.expired.map((q) => `${q.test} (${q.owner}, expired ${q.expires})`),
    },
    baselines: regressions.baselines,
  };
}
