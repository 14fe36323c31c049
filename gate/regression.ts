/**
 * Regression baselines: each run's numeric metrics go into a capped history (one JSON line per
 * run, rewritten atomically); a rule's baseline is the median of its last green runs, ratcheted
 * so it only moves when things improve; the rule fails when the metric got worse than the
 * baseline by more than its tolerance ("regressed by X % vs baseline").
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
    try { out.push(JSON.parse(line) as HistoryEntry); } catch { /* a torn line from an old crash: skip it */ }
  }
  return out;
}

export function appendHistory(path: string, entry: HistoryEntry): void {
  const lines = [...readHistory(path), entry].slice(-HISTORY_CAP).map((e) => JSON.stringify(e));
  writeFileAtomic(path, `${lines.join('\n')}\n`);
}

export function readBaselines(path: string): Baselines {
  if (!existsSync(path)) return {};
  try { return JSON.parse(readFileSync(path, 'utf8')) as Baselines; } catch { return {}; }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const better = (rule: RegressionRule, a: number, b: number): number => (rule.better === 'lower' ? Math.min(a, b) : Math.max(a, b));

/** The rule's metric in the last `window` green runs of this profile. */
export function greenValues(rule: RegressionRule, history: HistoryEntry[], profile: ProfileName): number[] {
  return history.filter((h) => h.status === 'passed' && h.profile === profile)
    .map((h) => h.metrics[rule.suite]?.[rule.metric]).filter((v): v is number => Number.isFinite(v)).slice(-rule.window);
}

/** The rule's baseline from green history, ratcheted against the stored one. */
export function baselineFor(rule: RegressionRule, history: HistoryEntry[], profile: ProfileName, stored?: Baselines[string]): { value: number; runs: number } | undefined {
  const values = greenValues(rule, history, profile);
  if (values.length < rule.minRuns) return undefined;
  const m = median(values);
  return { value: stored ? better(rule, stored.value, m) : m, runs: values.length };
}

export function evaluateRegressions(rules: RegressionRule[], input: {
  profile: ProfileName; ran: string[]; metrics: Record<string, Record<string, number>>; history: HistoryEntry[]; baselines: Baselines;
}): { conditions: ConditionResult[]; baselines: Baselines } {
  const next: Baselines = { ...input.baselines };
  const conditions = rules.map((rule): ConditionResult => {
    const base = {
      id: rule.id, title: rule.title, suite: rule.suite, severity: rule.severity, metric: rule.metric,
      comparator: (rule.better === 'lower' ? '<=' : '>=') as ConditionResult['comparator'], unit: '%', help: rule.help,
    };
    const actual = input.metrics[rule.suite]?.[rule.metric];
    if (!input.ran.includes(rule.suite)) {
      return { ...base, threshold: rule.tolerancePct, status: 'not-run', actual: null, evidence: { metric: 'history.green_runs', label: 'green runs in history', min: rule.minRuns, actual: 0 }, message: `suite ${rule.suite} was not run` };
    }
    const b = baselineFor(rule, input.history, input.profile, input.baselines[rule.id]);
    const evidence = { metric: 'history.green_runs', label: 'green runs in history', min: rule.minRuns, actual: greenValues(rule, input.history, input.profile).length };
    if (actual === undefined || !Number.isFinite(actual)) {
      return { ...base, threshold: rule.tolerancePct, status: 'warn', actual: null, evidence, message: `metric ${rule.metric} missing from this run's ${rule.suite} results` };
    }
    if (!b) {
      return { ...base, threshold: rule.tolerancePct, status: 'warn', actual, evidence,
        message: `no baseline yet: ${evidence.actual} of ${rule.minRuns} green ${input.profile} runs in history; ${rule.metric} = ${Math.round(actual * 100) / 100}` };
    }
    next[rule.id] = { value: b.value, runs: b.runs, updatedAt: new Date().toISOString() };
    const worsePct = b.value === 0 ? (actual === 0 ? 0 : 100) : ((rule.better === 'lower' ? actual - b.value : b.value - actual) / Math.abs(b.value)) * 100;
    const ok = worsePct <= rule.tolerancePct;
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      ...base, threshold: rule.tolerancePct, status: ok ? 'passed' : rule.severity === 'warn' ? 'warn' : 'failed', actual: r(worsePct), evidence,
      message: worsePct > 0
        ? `${rule.metric} ${ok ? 'within tolerance' : 'regressed'}: ${r(actual)} vs baseline ${r(b.value)} (median of ${b.runs} green runs) — worse by ${r(worsePct)} %, tolerance ${rule.tolerancePct} %`
        : `${rule.metric} ${r(actual)} is ${r(-worsePct)} % better than baseline ${r(b.value)} (median of ${b.runs} green runs)`,
    };
  });
  return { conditions, baselines: next };
}
