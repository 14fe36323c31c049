/**
 * `source: 'run'`: a metric of the run itself rather than of a suite — the store-data digests
 * (did a read-only run write?) and the preflight's module table. A condition may say what a
 * missing metric means (`whenAbsent`: not run, with that reason); without it, a missing metric
 * is missing evidence and never passes.
 */
import { judgeThreshold } from './threshold.ts';
import type { GateRule } from './types.ts';

export const runMetricRule: GateRule = {
  source: 'run',
  reads: 'metrics of the run itself (data digests, the preflight)',
  evaluate(c, { runMetrics }) {
    if (c.whenAbsent && !(c.metric in runMetrics)) return { status: 'not-run', message: c.whenAbsent };
    return judgeThreshold(c, runMetrics, "the run's own metrics");
  },
};
