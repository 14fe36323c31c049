/**
 * The mutation benchmark's steps: instrument the target's code, build the sandbox, run the
 * suites once with every mutant switched off (coverage: which tests reach which mutant), then run
 * each sampled mutant against the tests that reach it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteOf } from '../../gate/adapters/playwright.ts';
import type { Suite } from '../../gate/model.ts';
import { readCoverage, type CoverageMap } from './coverage.ts';
import { equivalentOf } from './equivalent.ts';
import { instrument, mutatedFiles, type MutantInfo } from './instrument.ts';
import { runPlaywright, type RunOutcome } from './playwright-run.ts';
import { createSandbox } from './sandbox.ts';
import { sampleMutants } from './sample.ts';
import type { MutantResult } from './score.ts';

export interface MutantsOptions {
  sample: number;
  seed: number;
  projects: string[];
  /** only mutants of these project-relative files (default: every mutated file) */
  files?: string[];
  /** these mutants (Stryker ids of this file set) instead of a sample: re-check a survivor after writing its oracle */
  mutantIds?: string[];
  /** only tests whose title or tags match (Playwright's --grep), e.g. @oracle */
  grep?: string;
  workDir: string;
  keepSandbox: boolean;
  say: (line: string) => void;
  onResult: (r: MutantResult, index: number, total: number) => void;
}

export interface MutantsRun {
  totalMutants: number;
  equivalentListed: number;
  coverageRun: { tests: number; durationMs: number };
  results: MutantResult[];
  sandbox: string;
}

export class MutantsAborted extends Error {}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Wall-clock limit of one mutant's run: a mutant that hangs the target must not hang the benchmark. */
export function runLimitMs(selectedMs: number, testTimeoutMs: number, workers = 2): number {
  return 60_000 + 3 * (selectedMs / workers) + 2 * testTimeoutMs;
}

/**
 * Per-test timeout on a mutant: four times the slowest selected test took without mutants, from
 * 10 s to the config's 30 s. A test a mutant makes wait (a sync job that never ends) fails in
 * seconds, not after Playwright's full timeout.
 */
export function testTimeoutMs(slowestMs: number): number {
  return Math.min(30_000, Math.max(10_000, 4 * slowestMs));
}

/** Suites whose verdict on a mutant is known: one of their tests failed, or all the selected ones ran. */
export function judgedSuites(
  selected: readonly { project: string; tags: string[] }[],
  out: Pick<RunOutcome, 'failed' | 'ran'>,
): Suite[] {
  const want = new Map<Suite, number>();
  for (const t of selected) {
    const s = suiteOf(t.project, t.tags);
    if (s) want.set(s, (want.get(s) ?? 0) + 1);
  }
  return [...want].filter(([s, n]) => out.failed.has(s) || (out.ran.get(s) ?? 0) >= n).map(([s]) => s);
}

async function runOne(m: MutantInfo, cov: CoverageMap, opts: MutantsOptions, sandbox: string): Promise<MutantResult> {
  const base = { ...m, killedBy: [] as Suite[], failedTests: [] as string[] };
  const isStatic = cov.static.has(m.id);
  // reached while the target starts (module-level code): every test may see it
  const selected = isStatic ? cov.tests : (cov.byMutant.get(m.id) ?? []).map((i) => cov.tests[i]!);
  if (selected.length === 0) {
    return {
      ...base,
      status: 'no-coverage',
      plan: 'none',
      testsSelected: 0,
      suitesRun: [],
      suitesJudged: [],
      durationMs: 0,
    };
  }
  const reportsDir = join(opts.workDir, 'run');
  let testList: string | undefined;
  if (!isStatic) {
    testList = join(opts.workDir, 'test-list.txt');
    writeFileSync(testList, `${selected.map((t) => t.listLine).join('\n')}\n`);
  }
  const timeout = testTimeoutMs(Math.max(...selected.map((t) => t.durationMs)));
  // the first failure decides: the mutant is killed, the run stops (Stryker's bail)
  const out = await runPlaywright({
    sandbox,
    projects: isStatic ? opts.projects : unique(selected.map((t) => t.project)),
    testList,
    grep: isStatic ? opts.grep : undefined,
    mutant: m.id,
    reportsDir,
    retries: 0,
    testTimeoutMs: timeout,
    extraArgs: ['--max-failures=1'],
    timeoutMs: runLimitMs(
      selected.reduce((sum, t) => sum + t.durationMs, 0),
      timeout,
    ),
  });
  const killedBy = [...out.failed.keys()];
  // a survivor must have faced every selected test: one that did not run (a test list that no longer matches) proves nothing
  const missed =
    !out.error && !out.timedOut && !killedBy.length && out.testsRun < selected.length
      ? `only ${out.testsRun} of the ${selected.length} selected tests ran`
      : undefined;
  const error = out.error ?? missed;
  return {
    ...base,
    plan: isStatic ? 'all' : 'tests',
    testsSelected: selected.length,
    suitesRun: unique(selected.map((t) => suiteOf(t.project, t.tags)).filter((s): s is Suite => !!s)),
    suitesJudged: out.timedOut || error ? [] : judgedSuites(selected, out),
    killedBy,
    failedTests: [...out.failed.values()].flat(),
    durationMs: out.durationMs,
    status: error ? 'error' : out.timedOut ? 'timeout' : killedBy.length ? 'killed' : 'survived',
    ...(error ? { error } : {}),
  };
}

export async function runMutants(opts: MutantsOptions): Promise<MutantsRun> {
  const files = opts.files ?? mutatedFiles();
  opts.say(`instrumenting ${files.length} file(s) of the reference target with Stryker's mutant schemata`);
  const inst = await instrument(files);
  const candidates = inst.mutants.filter((m) => !equivalentOf(m));
  const byComment = inst.mutants.filter((m) => equivalentOf(m)?.where === 'comment').length;
  let sampled: MutantInfo[];
  if (opts.mutantIds) {
    const unknown = opts.mutantIds.filter((id) => !inst.mutants.some((m) => m.id === id));
    if (unknown.length)
      throw new MutantsAborted(
        `--mutants: expected ids from 0 to ${inst.mutants.length - 1} (of ${files.length === mutatedFiles().length ? 'every mutated file' : files.join(', ')}); found ${unknown.join(', ')}`,
      );
    sampled = inst.mutants.filter((m) => opts.mutantIds!.includes(m.id));
    const left = sampled.filter((m) => equivalentOf(m));
    if (left.length)
      throw new MutantsAborted(
        `--mutants: ${left.map((m) => `mutant ${m.id} (${m.file}:${m.line}) is left out as equivalent: ${equivalentOf(m)!.reason}`).join('; ')}`,
      );
  } else {
    sampled = sampleMutants(candidates, opts.sample, opts.seed);
  }
  opts.say(
    `${inst.mutants.length} mutants; left out as equivalent: ${inst.mutants.length - candidates.length - byComment} listed in scripts/mutants/equivalent.ts, ` +
      `${byComment} by // Stryker disable comments in the target (fault switches); ` +
      `${opts.mutantIds ? `mutants ${opts.mutantIds.join(', ')}` : `sample of ${sampled.length}, seed ${opts.seed}`}`,
  );
  const sandbox = createSandbox(inst.files);
  try {
    opts.say(
      `coverage run: ${opts.projects.join(', ')}${opts.grep ? ` (tests matching ${opts.grep})` : ''} with every mutant switched off (sandbox ${sandbox.dir})`,
    );
    const covDir = join(opts.workDir, 'coverage');
    const covRun = await runPlaywright({
      sandbox: sandbox.dir,
      projects: opts.projects,
      grep: opts.grep,
      coverageDir: covDir,
      timeoutMs: 30 * 60_000,
      reportsDir: join(opts.workDir, 'coverage-run'),
      retries: 1,
    });
    if (covRun.error || covRun.timedOut)
      throw new MutantsAborted(`the coverage run did not finish: ${covRun.error ?? 'timed out after 30 min'}`);
    const failed = [...covRun.failed.values()].flat();
    if (failed.length) {
      throw new MutantsAborted(
        `${failed.length} test(s) fail with every mutant switched off, so a failure would prove nothing about a mutant. Fix them first:\n  - ${failed.slice(0, 10).join('\n  - ')}`,
      );
    }
    const cov = readCoverage(covDir);
    if (!cov.tests.length)
      throw new MutantsAborted(
        `the coverage run wrote no coverage to ${covDir}: is fixtures/mutant-coverage.ts still an automatic fixture of fixtures/index.ts?`,
      );
    const unlisted = cov.tests.filter((t) => !t.listLine);
    if (unlisted.length) {
      throw new MutantsAborted(
        `${unlisted.length} test(s) have titles Playwright's --test-list cannot name (they hold ›), so no mutant could be run against them. Rename them:\n  - ${unlisted
          .slice(0, 10)
          .map((t) => t.title)
          .join('\n  - ')}`,
      );
    }
    opts.say(
      `coverage run: ${cov.tests.length} tests in ${(covRun.durationMs / 1000).toFixed(0)} s; ${cov.byMutant.size} mutants reached by tests, ${cov.static.size} while the target starts`,
    );
    const results: MutantResult[] = [];
    for (const [i, m] of sampled.entries()) {
      const r = await runOne(m, cov, opts, sandbox.dir);
      results.push(r);
      opts.onResult(r, i + 1, sampled.length);
    }
    return {
      totalMutants: inst.mutants.length,
      equivalentListed: inst.mutants.length - candidates.length,
      coverageRun: { tests: cov.tests.length, durationMs: covRun.durationMs },
      results,
      sandbox: sandbox.dir,
    };
  } finally {
    if (!opts.keepSandbox) sandbox.remove();
  }
}
