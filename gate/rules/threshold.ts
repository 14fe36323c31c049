/**
 * The judgement every numeric rule shares: no pass without the minimum evidence, a missing
 * metric is a failure that says so, else `actual <comparator> threshold`.
 */
import type { Comparator, Condition } from '../spec-types.ts';
import type { RuleVerdict } from './types.ts';

export function compare(actual: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
    case '>':
      return actual > threshold;
    case '>=':
      return actual >= threshold;
    case '==':
      return actual === threshold;
  }
}

export const formatNumber = (n: number | null, unit = ''): string =>
  n === null ? 'n/a' : `${Number.isInteger(n) ? n : n.toFixed(2)}${unit ? ` ${unit}` : ''}`;

/**
 * Judges `c` on `metrics` (where both its metric and its evidence metric live). `detail`, when
 * given, is added to a failure's message (e.g. the names of the failed tests).
 */
export function judgeThreshold(
  c: Condition,
  metrics: Readonly<Record<string, number>>,
  from: string,
  detail?: () => string,
): RuleVerdict {
  const evidence = metrics[c.evidence.metric] ?? 0;
  const actual = metrics[c.metric];
  if (evidence < c.evidence.min) {
    return {
      status: 'failed',
      actual: actual ?? null,
      evidence,
      message: `missing evidence: ${evidence} ${c.evidence.label}, at least ${c.evidence.min} needed — a condition never passes without evidence`,
    };
  }
  if (actual === undefined || !Number.isFinite(actual)) {
    return { status: 'failed', actual: null, evidence, message: `metric ${c.metric} is missing from ${from}` };
  }
  const ok = compare(actual, c.comparator, c.threshold);
  const extra = ok || !detail ? '' : detail();
  return {
    status: ok ? 'passed' : 'failed',
    actual,
    evidence,
    message: `${formatNumber(actual, c.unit)} ${ok ? 'meets' : 'breaks'} ${c.comparator} ${formatNumber(c.threshold, c.unit)} (${evidence} ${c.evidence.label})${extra ? `: ${extra}` : ''}`,
  };
}
