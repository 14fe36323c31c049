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
  suites: Record<string, { tool: string; sources: string[]; metrics: Record<string, number>; notes: string[]; tests: number; findings: number }>;
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

export function compare(actual: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '<': return actual < threshold;
    case '<=': return actual <= threshold;
    case '>': return actual > threshold;
    case '>=': return actual >= threshold;
    case '==': return actual === threshold;
  }
}

/** The spec's conditions with the profile's overrides applied. */
export function effectiveConditions(spec: GateSpec, profile: ProfileName): Condition[] {
  const p = spec.profiles[profile];
  if (!p) throw new Error(`gate profile: expected one of ${Object.keys(spec.profiles).join(', ')}; found ${JSON.stringify(profile)}.`);
  for (const id of Object.keys(p.overrides)) {
    if (!spec.conditions.some((c) => c.id === id)) throw new Error(`gate profile ${profile}: override for unknown condition ${id}. Fix gate/gates.ts.`);
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
    if (!prev) { out.set(r.suite, { ...r, sources: [...r.sources], tests: [...r.tests], findings: [...r.findings], artifacts: [...r.artifacts], notes: [...r.notes] }); continue; }
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

const fmt = (n: number | null, unit = ''): string => (n === null ? 'n/a' : `${Number.isInteger(n) ? n : n.toFixed(2)}${unit ? ` ${unit}` : ''}`);

export function evaluate(input: EvaluateInput): GateResult {
  const merged = mergeBySuite(input.results);
  // the Playwright-based suites get their tests.* metrics after waivers and quarantine applied
  for (const r of merged.values()) if (r.tool.includes('playwright')) withTestMetrics(r);
  // `tests.*` over every test the test runner ran (k6 thresholds and axe findings have their own conditions)
  const playwrightTests = input.results.filter((r) => r.tool === 'playwright').flatMap((r) => r.tests);
  const all = withTestMetrics({ suite: 'api', tool: 'all', sources: [], metrics: {}, tests: playwrightTests, findings: [], artifacts: [], notes: [] });
  all.metrics['waivers.read'] = input.policy.waivers.read;
  all.metrics['waivers.expired'] = input.policy.waivers.expired.length;
  all.metrics['quarantine.read'] = input.policy.quarantine.read;
  all.metrics['quarantine.expired'] = input.policy.quarantine.expired.length;
  Object.assign(all.metrics, input.runMetrics ?? {});
  const unreadable = new Map(input.unreadable.map((u) => [u.suite, u.message]));
  const ranTestSuites = input.ran.filter((s) => ['core', 'api', 'security', 'oracle', 'ui', 'pwa', 'a11y'].includes(s));

  const conditions = effectiveConditions(input.spec, input.profile).map((c): ConditionResult => {
    const base = {
      id: c.id, title: c.title, suite: c.suite, severity: c.severity, metric: c.metric, comparator: c.comparator,
      threshold: c.threshold, unit: c.unit ?? '', help: c.help,
    };
    const applies = (!c.appliesTo?.profiles || c.appliesTo.profiles.includes(input.profile))
      && (!c.appliesTo?.targetKinds || c.appliesTo.targetKinds.includes(input.targetKind ?? 'reference'));
    if (!applies) {
      return { ...base, status: 'not-run', actual: null, evidence: { ...c.evidence, actual: 0 },
        message: `applies only to ${[c.appliesTo?.profiles?.join('/'), c.appliesTo?.targetKinds?.map((k) => `${k} target`).join('/')].filter(Boolean).join(' runs against the ')}` };
    }
    const blocked = input.blocked?.find((b) => b.suite === c.suite);
    if (blocked) {
      return { ...base, status: 'error', actual: null, evidence: { ...c.evidence, actual: 0 }, message: `could not evaluate: ${blocked.reason}` };
    }
    // preflight metrics exist only when the preflight judged modules (a partly or fully installed extension)
    const ran = c.metric.startsWith('preflight.') ? c.metric in (input.runMetrics ?? {})
      : c.suite === 'all' ? ranTestSuites.length > 0 || c.metric.startsWith('waivers') || c.metric.startsWith('quarantine') || c.metric.startsWith('data.') : input.ran.includes(c.suite);
    if (!ran) {
      return { ...base, status: 'not-run', actual: null, evidence: { ...c.evidence, actual: 0 },
        message: c.metric.startsWith('preflight.') ? 'no module was judged: the extension is not installed, or no preflight ran (--merge of runs without one)' : `suite ${c.suite} was not run` };
    }
    const why = c.suite === 'all' ? [...unreadable.values()][0] : unreadable.get(c.suite);
    if (why && !(c.suite === 'all' && (c.metric.startsWith('waivers') || c.metric.startsWith('quarantine')))) {
      return { ...base, status: 'error', actual: null, evidence: { ...c.evidence, actual: 0 }, message: `results unreadable: ${why}` };
    }
    const r = c.suite === 'all' ? all : merged.get(c.suite);
    const evidence = r?.metrics[c.evidence.metric] ?? 0;
    const actual = r?.metrics[c.metric];
    const failStatus = c.severity === 'warn' ? 'warn' : 'failed';
    const waiver = conditionWaiver(input.waivers, c.id, input.now);
    const withWaiver = (res: ConditionResult): ConditionResult =>
      res.status === 'failed' && waiver ? { ...res, status: 'waived', waivedBy: `${waiver.owner}: ${waiver.reason} (until ${waiver.expires})` } : res;
    if (evidence < c.evidence.min) {
      return withWaiver({ ...base, status: failStatus, actual: actual ?? null, evidence: { ...c.evidence, actual: evidence },
        message: `missing evidence: ${evidence} ${c.evidence.label}, at least ${c.evidence.min} needed — a condition never passes without evidence` });
    }
    if (actual === undefined || !Number.isFinite(actual)) {
      return withWaiver({ ...base, status: failStatus, actual: null, evidence: { ...c.evidence, actual: evidence },
        message: `metric ${c.metric} is missing from the ${c.suite} results (${r?.tool ?? 'no tool'})` });
    }
    const ok = compare(actual, c.comparator, c.threshold);
    return withWaiver({ ...base, status: ok ? 'passed' : failStatus, actual, evidence: { ...c.evidence, actual: evidence },
      message: `${fmt(actual, c.unit)} ${ok ? 'meets' : 'breaks'} ${c.comparator} ${fmt(c.threshold, c.unit)} (${evidence} ${c.evidence.label})` });
  });

  const suiteMetrics = Object.fromEntries([...merged.entries()].map(([s, r]) => [s, r.metrics]));
  const regressions = evaluateRegressions(input.spec.regressions, {
    profile: input.profile, ran: input.ran.filter((s) => !unreadable.has(s)), metrics: suiteMetrics,
    history: input.history ?? [], baselines: input.baselines ?? {},
  });
  conditions.push(...regressions.conditions);

  const errors = [...(input.blocked ?? []).map((b) => `${b.suite}: not run — ${b.reason}`), ...input.unreadable.map((u) => `${u.suite}: ${u.message}`)];
  const status: GateStatus = conditions.some((c) => c.status === 'error') ? 'error'
    : conditions.some((c) => c.status === 'failed') ? 'failed' : 'passed';
  const count = (s: ConditionStatus) => conditions.filter((c) => c.status === s).length;
  const evaluated = conditions.length - count('not-run');
  return {
    status, exitCode: status === 'passed' ? 0 : status === 'failed' ? 1 : 2,
    profile: input.profile, generatedAt: input.now.toISOString(),
    summary: `${count('passed')}/${evaluated} conditions passed, ${count('failed')} failed, ${count('warn')} warn, ${count('waived')} waived, ${count('error')} could not be evaluated, ${count('not-run')} not run`,
    conditions,
    suites: Object.fromEntries([...merged.entries()].filter(([s]) => SUITES.includes(s)).map(([s, r]) => [s, {
      tool: r.tool, sources: r.sources, metrics: r.metrics, notes: r.notes, tests: r.tests.length, findings: r.findings.length,
    }])),
    errors,
    policy: {
      waiversApplied: input.policy.waivers.applied.length,
      waiversExpired: input.policy.waivers.expired.map((w) => `${JSON.stringify(w.match)} (${w.owner}, expired ${w.expires})`),
      quarantined: input.policy.quarantine.applied.length,
      quarantineExpired: input.policy.quarantine.expired.map((q) => `${q.test} (${q.owner}, expired ${q.expires})`),
    },
    baselines: regressions.baselines,
  };
}
