/**
 * Sharding: two Playwright shards run as separate processes, then merged, give the same verdict
 * and the same counts as one unsharded run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGate, runQaProcess } from '../helpers/run-qa.ts';
import type { GateResult } from '../../gate/engine.ts';

// a slice of the API suite keeps the canary quick; sharding does not care which tests
const SLICE = ['--', '--grep', 'contract'];

const counts = (g: GateResult) =>
  Object.fromEntries(
    Object.entries(g.suites).map(([s, v]) => [
      s,
      ['tests.executed', 'tests.passed', 'tests.failed', 'tests.flaky', 'tests.skipped'].map((m) => v.metrics[m] ?? 0),
    ]),
  );
const statuses = (g: GateResult) =>
  Object.fromEntries(g.conditions.filter((c) => !c.id.startsWith('regression.')).map((c) => [c.id, c.status]));

test('two shards merged give the same verdict and counts as one unsharded run', async () => {
  const whole = await runQaProcess(['--suite', 'api', ...SLICE]);
  assert.equal(whole.code, 0, whole.out.slice(-3000));
  const [one, two] = await Promise.all(
    [1, 2].map((i) => runQaProcess(['--suite', 'api', '--shard', `${i}/2`, ...SLICE])),
  );
  for (const s of [one!, two!]) {
    assert.equal(s.code, 0, s.out.slice(-3000));
    assert.match(s.out, /blob report in/);
  }
  const merged = await runQaProcess(['--suite', 'api', '--merge', `${one!.reportsDir},${two!.reportsDir}`], {
    reportsDir: mkdtempSync(join(tmpdir(), 'merge-')),
  });
  assert.equal(merged.code, whole.code, merged.out.slice(-3000));
  const a = readGate(whole.reportsDir);
  const b = readGate(merged.reportsDir);
  assert.equal(b.status, a.status);
  assert.deepEqual(counts(b), counts(a));
  assert.deepEqual(statuses(b), statuses(a));
  assert.ok((a.suites.api?.metrics['tests.executed'] ?? 0) > 10, 'the slice ran real tests');
});
