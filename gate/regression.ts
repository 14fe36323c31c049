/**
 * Regression baselines: each run's numeric metrics go into a capped history (one JSON line per
 * run, rewritten atomically); a rule's baseline is the median of its last green runs. A run has
 * regressed when its metric is worse than the baseline by more than the rule's tolerance, more
 * than the run-to-run noise those green runs show (3 robust standard deviations) *and* more than
 * the rule's minimum change in its own unit (10 → 14 ms is 40 % and still noise). One
 * regressed run warns; the rule fails only when the run before regressed too — a regression
 * is a trend, and one slow run on a shared machine is noise (`npm run bench:stability` found
 * exactly that false red with a single-run, ratcheted baseline).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RegressionRule, ProfileName } from './spec-types.ts';
import type { ConditionResult, GateResult } from './engine.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const HISTORY_CAP = 50;

export interface HistoryEntry {
  at: string;
  profile: ProfileName;
  status: GateResult['status'];
  metrics: Record<string, Record<string, number>>;
}

export type Baselines = Record<string, { value: number; runs: number; updatedAt: string }>;

export function readHistory(path: string): HistoryEntry[] {
  if (!existsSync(path)) return [];
  const out: HistoryEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as HistoryEntry);
    } catch {
      /* a torn line from an old crash: skip it */
    }
  }
  return out;
}

export function appendHistory(path: string, entry: HistoryEntry): void {
  const lines = [...readHistory(path), entry].slice(-HISTORY_CAP).map((e) => JSON.stringify(e));
  writeFileAtomic(path, `${lines.join('\n')}\n`);
}

export function readBaselines(path: string): Baselines {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Baselines;
  } catch {
    return {};
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The rule's metric in the last `window` green runs of this profile. */
export function greenValues(rule: RegressionRule, history: HistoryEntry[], profile: ProfileName): number[] {
  return history
    .filter((h) => h.status === 'passed' && h.profile === profile)
    .map((h) => h.metrics[rule.suite]?.[rule.metric])
    .filter((v): v is number => Number.isFinite(v))
    .slice(-rule.window);
}

/** Run-to-run noise of green values, in % of their median: 3 robust standard deviations (1.4826 × MAD). */
export function noisePct(values: number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  if (m === 0) return 0;
  return ((3 * 1.4826 * median(values.map((v) => Math.abs(v - m)))) / Math.abs(m)) * 100;
}

/** The rule's baseline from green history: the median of its window (no ratchet: luck is not a standard). */
export function baselineFor(
  rule: RegressionRule,
  history: HistoryEntry[],
  profile: ProfileName,
): { value: number; runs: number; noisePct: number } | undefined {
  const values = greenValues(rule, history, profile);
  if (values.length < rule.minRuns) return undefined;
  return { value: median(values), runs: values.length, noisePct: noisePct(values) };
}

interface Judged {
  value: number;
  baseline: { value: number; runs: number; noisePct: number };
  worsePct: number;
  allowedPct: number;
  regressed: boolean;
}

/** `value` of one run against the green runs before it. */
function judgeRun(
  rule: RegressionRule,
  value: number,
  before: HistoryEntry[],
  profile: ProfileName,
): Judged | undefined {
  const baseline = baselineFor(rule, before, profile);
  if (!baseline) return undefined;
  const b = baseline.value;
  const worsePct =
    b === 0 ? (value === 0 ? 0 : 100) : ((rule.better === 'lower' ? value - b : b - value) / Math.abs(b)) * 100;
  const allowedPct = Math.max(rule.tolerancePct, baseline.noisePct);
  const worseBy = rule.better === 'lower' ? value - b : b - value;
  return { value, baseline, worsePct, allowedPct, regressed: worsePct > allowedPct && worseBy > rule.minDelta };
}

/** Did the previous run of this profile regress too (judged against the history before it)? */
function previousRegressed(rule: RegressionRule, history: HistoryEntry[], profile: ProfileName): boolean {
  const i = history.findLastIndex((h) => h.profile === profile);
  const value = i >= 0 ? history[i]!.metrics[rule.suite]?.[rule.metric] : undefined;
  if (value === undefined || !Number.isFinite(value)) return false;
  return judgeRun(rule, value, history.slice(0, i), profile)?.regressed ?? false;
}

export function evaluateRegressions(
  rules: RegressionRule[],
  input: {
    profile: ProfileName;
    ran: string[];
    metrics: Record<string, Record<string, number>>;
    history: HistoryEntry[];
    baselines: Baselines;
  },
): { conditions: ConditionResult[]; baselines: Baselines } {
  const next: Baselines = { ...input.baselines };
  const conditions = rules.map((rule): ConditionResult => {
    const base = {
      id: rule.id,
      title: rule.title,
      suite: rule.suite,
      severity: rule.severity,
      metric: rule.metric,
      comparator: (rule.better === 'lower' ? '<=' : '>=') as ConditionResult['comparator'],
      unit: '%',
      help: rule.help,
    };
    const actual = input.metrics[rule.suite]?.[rule.metric];
    if (!input.ran.includes(rule.suite)) {
      return {
        ...base,
        threshold: rule.tolerancePct,
        status: 'not-run',
        actual: null,
        evidence: { metric: 'history.green_runs', label: 'green runs in history', min: rule.minRuns, actual: 0 },
        message: `suite ${rule.suite} was not run`,
      };
    }
    const evidence = {
      metric: 'history.green_runs',
      label: 'green runs in history',
      min: rule.minRuns,
      actual: greenValues(rule, input.history, input.profile).length,
    };
    if (actual === undefined || !Number.isFinite(actual)) {
      return {
        ...base,
        threshold: rule.tolerancePct,
        status: 'warn',
        actual: null,
        evidence,
        message: `metric ${rule.metric} missing from this run's ${rule.suite} results`,
      };
    }
    const j = judgeRun(rule, actual, input.history, input.profile);
    if (!j) {
      return {
        ...base,
        threshold: rule.tolerancePct,
        status: 'warn',
        actual,
        evidence,
        message: `no baseline yet: ${evidence.actual} of ${rule.minRuns} green ${input.profile} runs in history; ${rule.metric} = ${Math.round(actual * 100) / 100}`,
      };
    }
    next[rule.id] = { value: j.baseline.value, runs: j.baseline.runs, updatedAt: new Date().toISOString() };
    const r = (n: number) => Math.round(n * 10) / 10;
    const against = `${r(actual)} vs baseline ${r(j.baseline.value)} (median of ${j.baseline.runs} green runs)`;
    const allowed = `allowed ${r(j.allowedPct)} % and ${rule.minDelta} (tolerance ${rule.tolerancePct} %, noise of those runs ${r(j.baseline.noisePct)} %)`;
    if (!j.regressed) {
      return {
        ...base,
        threshold: rule.tolerancePct,
        status: 'passed',
        actual: r(j.worsePct),
        evidence,
        message:
          j.worsePct > 0
            ? `${rule.metric} within what is allowed: ${against} — worse by ${r(j.worsePct)} %, ${allowed}`
            : `${rule.metric} ${r(actual)} is ${r(-j.worsePct)} % better than baseline ${r(j.baseline.value)} (median of ${j.baseline.runs} green runs)`,
      };
    }
    const confirmed = previousRegressed(rule, input.history, input.profile);
    return {
      ...base,
      threshold: rule.tolerancePct,
      actual: r(j.worsePct),
      evidence,
      status: confirmed && rule.severity === 'blocker' ? 'failed' : 'warn',
      message: confirmed
        ? `${rule.metric} regressed in two runs in a row: ${against} — worse by ${r(j.worsePct)} %, ${allowed}`
        : `${rule.metric} regressed in this run only: ${against} — worse by ${r(j.worsePct)} %, ${allowed}. One slow run is noise on a shared machine; it blocks if the next run regresses too`,
    };
  });
  return { conditions, baselines: next };
}
