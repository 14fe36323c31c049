/** The time budget: stages add up, work inside a tool is charged as the framework's, Playwright projects from its JSON report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBudgetLine, formatBudgetTable, projectTimes, Timings } from '../../runner/timings.ts';

test('overhead is the total minus the tools, plus the framework work done inside them (per worker)', () => {
  const t = new Timings();
  t.add('target start', 500);
  t.add('Playwright', 60_000);
  t.inside('Playwright', '4 worker target starts', 4_000, 2);
  t.add('Lighthouse', 30_000);
  t.add('Allure report', 1_500);
  const b = t.budget(0, undefined, 100_000);
  assert.equal(b.totalMs, 100_000);
  assert.equal(b.toolsMs, 60_000 + 30_000 - 2_000);
  assert.equal(b.overheadMs, 12_000);
  assert.equal(b.overheadShare, 0.12);
  assert.match(formatBudgetLine(b), /framework overhead 12\.0 s \(12\.0 %\)/);
  assert.match(formatBudgetTable(b), /\|\s+4 worker target starts, inside Playwright \| 4\.0 s \| \(summed\) \|/);
});

test('Playwright projects: tests, wall time from first start to last end, time summed over workers', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'timings-')), 'results.json');
  const result = (start: string, duration: number) => ({ startTime: start, duration });
  writeFileSync(
    file,
    JSON.stringify({
      suites: [
        {
          specs: [
            {
              tests: [
                { projectName: 'api', results: [result('2026-01-01T00:00:00.000Z', 1000)] },
                { projectName: 'ui', results: [result('2026-01-01T00:00:05.000Z', 2000)] },
              ],
            },
          ],
          suites: [
            {
              specs: [
                {
                  tests: [
                    {
                      projectName: 'api',
                      results: [result('2026-01-01T00:00:00.500Z', 1500), result('2026-01-01T00:00:02.000Z', 500)],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }),
  );
  assert.deepEqual(projectTimes(file), [
    { project: 'api', tests: 2, wallMs: 2500, busyMs: 3000 },
    { project: 'ui', tests: 1, wallMs: 2000, busyMs: 2000 },
  ]);
  assert.deepEqual(projectTimes(join(tmpdir(), 'no-such-results.json')), []);
});
