/**
 * `source: 'suite'` (the default): a metric of the condition's own suite — its tests' counts,
 * k6 latencies, axe violations, Lighthouse scores, contract coverage. Not run when the suite was
 * not run; could not evaluate when its results could not be read.
 */
import type { Suite } from '../model.ts';
import { failedTestNames } from './failed-tests.ts';
import { judgeThreshold } from './threshold.ts';
import type { GateRule } from './types.ts';

export const suiteMetricRule: GateRule = {
  source: 'suite',
  reads: "the metrics of the condition's own suite",
  evaluate(c, ctx) {
    if (c.suite === 'all') {
      return {
        status: 'error',
        message: `condition ${c.id} reads a suite's metric but names no suite ("all"): give it a suite, or a source of 'tests', 'policy' or 'run' in gate/gates.ts`,
      };
    }
    const suite: Suite = c.suite;
    if (!ctx.ran.includes(suite)) return { status: 'not-run', message: `suite ${suite} was not run` };
    const why = ctx.unreadable.get(suite);
    if (why) return { status: 'error', message: `results unreadable: ${why}` };
    const r = ctx.suites.get(suite);
    return judgeThreshold(c, r?.metrics ?? {}, `the ${suite} results (${r?.tool ?? 'no tool'})`, () =>
      failedTestNames(r?.tests ?? []),
    );
  },
};
