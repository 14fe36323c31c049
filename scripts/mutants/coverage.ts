/**
 * The coverage run's findings, read back: which tests reach each mutant, and which mutants are
 * reached outside any test (the target starting up), which every selected test must face.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaticCoverage, TestCoverage } from '../../fixtures/mutant-coverage.ts';

export interface CoverageMap {
  tests: TestCoverage[];
  /** mutant id → indexes into `tests` */
  byMutant: Map<string, number[]>;
  static: Set<string>;
}

function jsonLines<T>(dir: string, prefix: string): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as T),
    );
}

export function readCoverage(dir: string): CoverageMap {
  // a retried test writes a line per attempt: keep one, with everything any attempt reached
  const byLine = new Map<string, TestCoverage>();
  for (const t of jsonLines<TestCoverage>(dir, 'tests-')) {
    const seen = byLine.get(t.title);
    byLine.set(
      t.title,
      seen
        ? {
            ...seen,
            mutants: [...new Set([...seen.mutants, ...t.mutants])],
            durationMs: Math.max(seen.durationMs, t.durationMs),
          }
        : t,
    );
  }
  const tests = [...byLine.values()].sort((a, b) => a.title.localeCompare(b.title));
  const byMutant = new Map<string, number[]>();
  tests.forEach((t, i) => {
    for (const m of t.mutants) byMutant.set(m, [...(byMutant.get(m) ?? []), i]);
  });
  const statics = new Set(jsonLines<StaticCoverage>(dir, 'static-').flatMap((s) => s.mutants));
  return { tests, byMutant, static: statics };
}
