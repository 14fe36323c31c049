/**
 * The scaling check (`<reports>/scaling/summary.json`, written by perf/scaling/run-scaling.ts) →
 * metrics of the `scaling` suite: `scaling.<op>.ratio` (median time on `factor`× the data ÷ median on
 * the seed), `scaling.<op>.base_ms`, `scaling.<op>.grown_ms`, and `scaling.ops` (operations
 * measured, the evidence). No file: no scaling metrics (the check did not run; its conditions say
 * so). An unreadable file is ResultsUnreadable.
 */
import { existsSync } from 'node:fs';
import { emptySuite, ResultsUnreadable, type SuiteResult } from '../model.ts';
import { isObject, readJsonFile } from './read-json.ts';

export function readScalingSummary(path: string): SuiteResult {
  const r = emptySuite('scaling', 'scaling', [path]);
  if (!existsSync(path)) return r;
  const data = readJsonFile(path, 'the scaling summary');
  if (
    !isObject(data) ||
    data.generatedBy !== 'meschain-qa' ||
    !Array.isArray(data.ops) ||
    typeof data.factor !== 'number'
  ) {
    throw new ResultsUnreadable(
      path,
      'expected the scaling summary of perf/scaling/run-scaling.ts ({generatedBy, factor, ops[]}); found another shape.',
    );
  }
  let ops = 0;
  for (const op of data.ops as unknown[]) {
    if (
      !isObject(op) ||
      typeof op.id !== 'string' ||
      typeof op.ratio !== 'number' ||
      typeof op.baseMs !== 'number' ||
      typeof op.grownMs !== 'number'
    ) {
      throw new ResultsUnreadable(
        path,
        `expected each operation as {id, ratio, baseMs, grownMs}; found ${JSON.stringify(op).slice(0, 120)}.`,
      );
    }
    r.metrics[`scaling.${op.id}.ratio`] = op.ratio;
    r.metrics[`scaling.${op.id}.base_ms`] = op.baseMs;
    r.metrics[`scaling.${op.id}.grown_ms`] = op.grownMs;
    r.notes.push(
      `scaling ${op.id} (${String(op.title ?? '')}): ${op.baseMs} ms on the seed, ${op.grownMs} ms on ${data.factor}× the data — ×${op.ratio}`,
    );
    ops++;
  }
  r.metrics['scaling.ops'] = ops;
  r.metrics['scaling.factor'] = data.factor;
  return r;
}
