/**
 * Types of the declarative gate spec (gate/gates.ts). No runtime code here, so k6 scripts can
 * import the spec too (k6 strips the types).
 */
export type SuiteId =
  'core' | 'api' | 'security' | 'oracle' | 'ui' | 'pwa' | 'load' | 'scaling' | 'a11y' | 'lighthouse' | 'all';
export type Comparator = '<' | '<=' | '>' | '>=' | '==';
export type Severity = 'blocker' | 'warn';
export type ProfileName = 'local' | 'staging' | 'production';

export interface Evidence {
  /** metric of the same suite that counts the evidence, e.g. `tests.executed`, `http.requests`, `pages.audited` */
  metric: string;
  min: number;
  /** what the evidence is, for messages: "tests executed", "samples", "pages audited" */
  label: string;
}

export interface Condition {
  /** stable id: canaries, waivers and CI logs refer to it */
  id: string;
  title: string;
  suite: SuiteId;
  /** metric name in the suite's result (see gate/model.ts) */
  metric: string;
  /** the condition passes when `actual <comparator> threshold` */
  comparator: Comparator;
  threshold: number;
  unit?: string;
  severity: Severity;
  /** minimum evidence; when it is missing the condition fails with its own message, never passes */
  evidence: Evidence;
  /** what to do when it fails */
  help: string;
  /**
   * where the metric is read, and so which rule judges it (gate/rules/): `suite` (default) the
   * condition's own suite; `tests` every test Playwright ran; `policy` the waiver and quarantine
   * registries; `run` the run's own metrics (data digests, the preflight)
   */
  source?: 'suite' | 'tests' | 'policy' | 'run';
  /** `run` metrics only: the metric may be absent, and then the condition is not run, with this reason */
  whenAbsent?: string;
  /** evaluate only in these profiles / against these kinds of target (else `not-run`, with why) */
  appliesTo?: { profiles?: ProfileName[]; targetKinds?: ('reference' | 'opencart')[] };
}

export type ConditionOverride = Partial<Pick<Condition, 'threshold' | 'severity' | 'comparator'>> & {
  evidence?: Partial<Evidence>;
};

/**
 * A numeric metric compared with its own recent past: the baseline is the median of the last
 * `window` green runs (same profile); a run regressed when it is worse by more than
 * `tolerancePct` and more than the noise of those runs; a blocker fails on two regressed runs in
 * a row (one warns). See gate/regression.ts.
 */
export interface RegressionRule {
  id: string;
  title: string;
  suite: Exclude<SuiteId, 'all'>;
  metric: string;
  better: 'lower' | 'higher';
  /** allowed worsening against the baseline, in % */
  tolerancePct: number;
  /** and in the metric's own unit: a smaller change is never a regression (10 → 14 ms is noise, not a trend) */
  minDelta: number;
  window: number;
  /** green runs needed before the rule can judge; fewer = warn "no baseline yet" */
  minRuns: number;
  severity: Severity;
  help: string;
}

export interface GateSpec {
  version: 1;
  conditions: Condition[];
  regressions: RegressionRule[];
  profiles: Record<ProfileName, { description: string; overrides: Record<string, ConditionOverride> }>;
}
