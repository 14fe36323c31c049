/**
 * What became of each mutant, the mutation score (overall and per suite) and the lines the
 * benchmark prints. Stryker's terms: a mutant is detected when a test failed on it (killed) or
 * the run hung (timeout); survived when every test it faced passed; no coverage when no test
 * reached its code (a survivor too: nothing would notice it). Mutants whose run could not be
 * evaluated (error) are left out of the score and listed.
 */
import type { Suite } from '../../gate/model.ts';
import { oneLine, type MutantInfo } from './instrument.ts';

export type MutantStatus = 'killed' | 'timeout' | 'survived' | 'no-coverage' | 'error';

export interface MutantResult extends MutantInfo {
  status: MutantStatus;
  /** `tests`: the tests that reached it · `all`: reached while the target started, so every test · `none`. Either way to the first failure. */
  plan: 'tests' | 'all' | 'none';
  testsSelected: number;
  /** suites of the tests it faced */
  suitesRun: Suite[];
  /** suites whose verdict is known: one of their tests failed, or all of them ran (a run stops at its first failure) */
  suitesJudged: Suite[];
  /** suites with a test that failed on it */
  killedBy: Suite[];
  failedTests: string[];
  error?: string;
  durationMs: number;
}

export interface Score {
  detected: number;
  valid: number;
  percent: number;
}

const percent = (detected: number, valid: number): number => (valid ? Math.round((detected / valid) * 1000) / 10 : 0);

export const isDetected = (r: Pick<MutantResult, 'status'>): boolean => r.status === 'killed' || r.status === 'timeout';

export function overallScore(results: readonly MutantResult[]): Score {
  const valid = results.filter((r) => r.status !== 'error');
  const detected = valid.filter(isDetected).length;
  return { detected, valid: valid.length, percent: percent(detected, valid.length) };
}

/**
 * Per suite: of the mutants its tests reached and judged, how many it killed. A run stops at its
 * first failure, so a suite whose tests were cut short by another suite's failure has no verdict
 * on that mutant and it is left out of that suite's count (never counted for or against it).
 */
export function suiteScores(results: readonly MutantResult[]): Map<Suite, Score> {
  const out = new Map<Suite, Score>();
  for (const r of results.filter((x) => x.status !== 'error')) {
    for (const s of r.suitesJudged) {
      const cur = out.get(s) ?? { detected: 0, valid: 0, percent: 0 };
      cur.valid++;
      if (r.killedBy.includes(s)) cur.detected++;
      cur.percent = percent(cur.detected, cur.valid);
      out.set(s, cur);
    }
  }
  return new Map([...out].sort((a, b) => a[0].localeCompare(b[0])));
}

export const mutantWhere = (m: Pick<MutantInfo, 'file' | 'line'>): string => `${m.file}:${m.line}`;

/** `file:line  original → mutant  (suites run)`: the to-do list line of a survivor. */
export function survivorLine(r: MutantResult): string {
  const suites = r.plan === 'none' ? 'no test reached it' : `${r.suitesRun.join(', ')}; ${r.testsSelected} test(s)`;
  return `${mutantWhere(r)}  ${oneLine(r.original)} → ${oneLine(r.replacement)}  (${suites}; mutant ${r.id})`;
}

export function progressLine(r: MutantResult, index: number, total: number): string {
  const n = `[${String(index).padStart(String(total).length)}/${total}]`;
  const what =
    r.status === 'killed'
      ? `killed by ${r.killedBy.join(', ')}`
      : r.status === 'error'
        ? `error: ${r.error}`
        : r.status;
  const tests = r.plan === 'all' ? `all ${r.testsSelected} tests: reached at start-up` : `${r.testsSelected} test(s)`;
  return (
    `${n} #${r.id.padEnd(5)} ${what.padEnd(24)} ${mutantWhere(r)}  ${oneLine(r.original, 50)} → ${oneLine(r.replacement, 30)}  ` +
    `(${r.plan === 'none' ? 'no test reaches it' : tests}, ${(r.durationMs / 1000).toFixed(0)} s)`
  );
}

export function scoreTable(results: readonly MutantResult[]): string {
  const rows = [...suiteScores(results)].map(
    ([s, sc]) =>
      `  ${s.padEnd(10)} ${String(sc.percent).padStart(5)} %  ${sc.detected} of ${sc.valid} mutants its tests reach and judged`,
  );
  const o = overallScore(results);
  return [
    ...rows,
    `  ${'overall'.padEnd(10)} ${String(o.percent).padStart(5)} %  ${o.detected} of ${o.valid} mutants`,
  ].join('\n');
}
