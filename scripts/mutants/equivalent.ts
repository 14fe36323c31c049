/**
 * Mutants that cannot be told apart from the original by any test, because they behave the
 * same (equivalent mutants). They are left out of the sample only by being listed here, each
 * with its reason; `npm run bench:mutants` prints how many the list removed. Matched by file,
 * the original code and the replacement (Stryker's ids change whenever the code does).
 */
import type { MutantInfo } from './instrument.ts';

export interface EquivalentMutant {
  file: string;
  original: string;
  replacement: string;
  reason: string;
}

export const EQUIVALENT_MUTANTS: EquivalentMutant[] = [];

export function equivalentOf(m: MutantInfo, list: readonly EquivalentMutant[] = EQUIVALENT_MUTANTS): EquivalentMutant | undefined {
  return list.find((e) => e.file === m.file && e.original === m.original && e.replacement === m.replacement);
}
