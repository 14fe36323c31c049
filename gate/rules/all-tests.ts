/**
 * `source: 'tests'`: the `tests.*` counts over every test the test runner (Playwright) ran in
 * this run, whatever its suite — pass rate and flaky tests. Not run when no Playwright suite
 * was; could not evaluate when one of them could not be read.
 */
import { PLAYWRIGHT_PROJECTS } from '../../runner/suites.ts';
import { testMetrics } from '../model.ts';
import { failedTestNames } from './failed-tests.ts';
import { judgeThreshold } from './threshold.ts';
import type { GateRule } from './types.ts';

export const allTestsRule: GateRule = {
  source: 'tests',
  reads: 'every test Playwright ran, across suites',
  evaluate(c, ctx) {
    const testSuites = ctx.ran.filter((s) => PLAYWRIGHT_PROJECTS[s]);
    if (testSuites.length === 0) return { status: 'not-run', message: 'no suite run by Playwright was run' };
    const unreadable = testSuites.find((s) => ctx.unreadable.has(s));
    if (unreadable) return { status: 'error', message: `results unreadable: ${ctx.unreadable.get(unreadable)}` };
    const tests = ctx.results.filter((r) => r.tool === 'playwright').flatMap((r) => r.tests);
    return judgeThreshold(c, testMetrics(tests), 'the Playwright results', () => failedTestNames(tests));
  },
};
