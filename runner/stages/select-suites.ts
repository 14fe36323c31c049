/**
 * Stage 1a — which suites this run tests: every available one, the ones asked for, or the ones a
 * change needs (`--changed`). Refuses a suite this checkout cannot run, before anything starts.
 */
import type { Suite } from '../../gate/model.ts';
import { changedFiles, suitesForFiles } from '../changed.ts';
import type { QaOptions } from '../options.ts';
import { CouldNotEvaluate, say } from '../say.ts';
import { availableSuites, playwrightProjects } from '../suites.ts';

/** `undefined` when a --changed run has nothing to test. */
export function selectSuites(opts: QaOptions, available: Suite[] = availableSuites()): Suite[] | undefined {
  let suites = opts.suites === 'all' ? available : opts.suites;
  if (opts.changed) {
    let files: string[];
    try {
      files = changedFiles(opts.changed);
    } catch (err) {
      throw new CouldNotEvaluate((err as Error).message);
    }
    const sel = suitesForFiles(files);
    for (const f of files) say(`changed: ${f} → ${sel.reasons[f]!.join(', ')}`);
    suites = sel.suites.filter((s) => available.includes(s));
    if (!suites.length) {
      say(
        `nothing to test for ${files.length ? 'this change (no file is in a zone; see zones.ts)' : `no change since ${opts.changed}`}.`,
      );
      return undefined;
    }
    say(`suites for this change: ${suites.join(', ')}`);
  }
  const missing = suites.filter((s) => !available.includes(s));
  if (missing.length)
    throw new CouldNotEvaluate(
      `suite ${missing.join(', ')} has no tests or runner in this checkout; available: ${available.join(', ')}.`,
    );
  if (opts.profile === 'production' && opts.loadProfile !== 'smoke') {
    throw new CouldNotEvaluate(`--env production runs the k6 smoke profile at most; found --load ${opts.loadProfile}.`);
  }
  // a shard runs Playwright only: the other tools run once, in a job of their own
  return opts.shard ? suites.filter((s) => playwrightProjects([s]).length > 0) : suites;
}
