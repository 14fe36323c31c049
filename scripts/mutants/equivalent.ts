/**
 * Mutants that cannot be told apart from the original by any test, because they behave the
 * same (equivalent mutants). They are left out of the sample only by being listed, each with its
 * reason, in one of two places; `npm run bench:mutants` prints how many each removed:
 *
 * - here, one by one, matched by file, the original code and the replacement (Stryker's ids
 *   change whenever the code does);
 * - in the target's code, by Stryker's own `// Stryker disable … : <reason>` comments, for code
 *   whole regions of which cannot matter: the fault switches (off in every run the suites make;
 *   each one switched on is proven red by its canary in self-tests/canaries).
 */
import type { MutantInfo } from './instrument.ts';

export interface EquivalentMutant {
  file: string;
  original: string;
  replacement: string;
  reason: string;
}

export const EQUIVALENT_MUTANTS: EquivalentMutant[] = [
  {
    file: 'reference-target/extension/credentials.ts',
    original: "'enc:v1:'",
    replacement: '""',
    reason:
      'the prefix only labels the stored format of a secret: encryption and decryption still pair up, no interface ever shows the stored value, and the design fixes no storage format',
  },
  {
    file: 'reference-target/extension/controllers/marketplace.ts',
    original: 'e.ok && id !== undefined && value !== undefined',
    replacement: 'true',
    reason:
      'an item with an error also puts that error on the whole request, which is refused before its items are used: pushing the bad item changes nothing',
  },
  {
    file: 'reference-target/extension/sync/clients.ts',
    original: "url.protocol !== 'http:' && url.protocol !== 'https:'",
    replacement: 'false',
    reason:
      'every endpoint setting is saved only through its pattern ^https?://\\S+$, so a stored endpoint that parses as a URL is always http or https: the check cannot refuse one',
  },
  {
    file: 'reference-target/extension/webhook.ts',
    original: "!v || typeof v !== 'object' || Array.isArray(v)",
    replacement: "(!v || typeof v !== 'object') && Array.isArray(v)",
    reason:
      'a delivery that is not a JSON object (a list, a number, text) has no text eventId: the next check refuses it with the same 400, and nothing is stored either way',
  },
];

/** Why a mutant is left out, or undefined when it is not. */
export function equivalentOf(
  m: MutantInfo,
  list: readonly EquivalentMutant[] = EQUIVALENT_MUTANTS,
): { reason: string; where: 'list' | 'comment' } | undefined {
  if (m.disabledBecause) return { reason: m.disabledBecause, where: 'comment' };
  const e = list.find((x) => x.file === m.file && x.original === m.original && x.replacement === m.replacement);
  return e ? { reason: e.reason, where: 'list' } : undefined;
}
