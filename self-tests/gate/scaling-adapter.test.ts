/**
 * The scaling check's summary → the `perf.scaling.*` conditions: a clean check passes, a report
 * whose cost grows ~60× on 10× the data fails with its ratio, no summary fails on missing
 * evidence, and a summary of another shape is unreadable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScalingSummary } from '../../gate/adapters/scaling.ts';
import { evaluate } from '../../gate/engine.ts';
import { GATES } from '../../gate/gates.ts';
import { applyPolicies } from '../../gate/policy.ts';
import { QUARANTINE } from '../../gate/quarantine.ts';
import { WAIVERS } from '../../gate/waivers.ts';
import { ResultsUnreadable } from '../../gate/model.ts';

const dir = mkdtempSync(join(tmpdir(), 'scaling-adapter-'));
function summary(name: string, body: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(body));
  return path;
}
const op = (id: string, baseMs: number, grownMs: number) => ({
  id,
  title: id,
  samples: 5,
  baseMs,
  grownMs,
  ratio: Math.round((grownMs / baseMs) * 100) / 100,
});

function scalingConditions(path: string) {
  const result = readScalingSummary(path);
  const now = new Date();
  const gate = evaluate({
    spec: GATES,
    profile: 'local',
    ran: ['scaling'],
    results: [result],
    unreadable: [],
    policy: applyPolicies([result], WAIVERS, QUARANTINE, now),
    waivers: WAIVERS,
    now,
  });
  return new Map(gate.conditions.filter((c) => c.id.startsWith('perf.scaling.')).map((c) => [c.id, c]));
}

test('a clean scaling check (report ×2, push ×0.8 on 10× the data) passes both conditions', () => {
  const c = scalingConditions(
    summary('clean', {
      generatedBy: 'meschain-qa',
      factor: 10,
      ops: [op('report', 15.9, 32.4), op('push', 48.4, 40.4)],
    }),
  );
  assert.equal(c.size, 2);
  for (const [id, v] of c) assert.equal(v.status, 'passed', `${id}: ${v.message}`);
});

test('a report costing ×62 on 10× the data fails perf.scaling.report with its ratio; the push still passes', () => {
  const c = scalingConditions(
    summary('quadratic', {
      generatedBy: 'meschain-qa',
      factor: 10,
      ops: [op('report', 13.5, 831.3), op('push', 64.2, 54.5)],
    }),
  );
  assert.equal(c.get('perf.scaling.report')?.status, 'failed');
  assert.equal(c.get('perf.scaling.report')?.actual, 61.58);
  assert.equal(c.get('perf.scaling.push')?.status, 'passed');
});

test('no scaling summary: both conditions fail on missing evidence, never pass', () => {
  const c = scalingConditions(join(dir, 'absent.json'));
  for (const [id, v] of c) {
    assert.equal(v.status, 'failed', id);
    assert.match(v.message, /missing evidence: 0/, id);
  }
});

test('a summary of another shape is unreadable, with what was expected', () => {
  assert.throws(
    () => readScalingSummary(summary('bad', { ops: 'no' })),
    (e: unknown) => e instanceof ResultsUnreadable && /expected the scaling summary/.test(e.message),
  );
});
