/**
 * `npm run bench:mutants` end to end, on three mutants of the reports model whose fate is known,
 * against the oracle tests (the API project, @oracle): a wrong average order value is killed by
 * the oracle, a commission table emptied at start-up is killed in a run of every test, and the
 * CSV export, which no oracle test reaches, survives as "no coverage" — listed, never counted as
 * detected. A mutant in a fault switch's code is refused: it is left out as equivalent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import { instrument } from '../../scripts/mutants/instrument.ts';
import type { MutantResult } from '../../scripts/mutants/score.ts';

const FILE = 'reference-target/extension/models/reporting.ts';

test('three known mutants: killed by the oracle, killed at start-up, no coverage; the score and the survivor line say so', async () => {
  const { mutants } = await instrument([FILE]);
  const pick = (what: string, f: (m: (typeof mutants)[number]) => boolean) => {
    const m = mutants.find(f);
    assert.ok(m, `expected ${what} among the mutants of ${FILE}`);
    return m;
  };
  const average = pick(
    'the average order value as revenue × orders',
    (m) => m.original === 'revenue / Number(t.n)' && m.replacement === 'revenue * Number(t.n)',
  );
  const commission = pick(
    'the commission rates emptied',
    (m) => m.original.startsWith('{ trendyol: 0.18') && m.replacement === '{}',
  );
  // the CSV export: no @oracle test reaches it
  const csv = pick(
    'the CSV cell quoting emptied',
    (m) => m.mutator === 'BlockStatement' && m.original.startsWith("{\n  if (typeof value === 'number')"),
  );
  const json = join(mkdtempSync(join(tmpdir(), 'bench-mutants-')), 'out.json');
  const r = spawnSync(
    process.execPath,
    [
      'scripts/bench-mutants.ts',
      '--projects',
      'api',
      '--grep',
      '@oracle',
      '--file',
      FILE,
      '--mutants',
      [average.id, commission.id, csv.id].join(','),
      '--json',
      json,
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 600_000 },
  );
  const out = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, out);
  const results = (JSON.parse(readFileSync(json, 'utf8')) as { mutants: MutantResult[] }).mutants;
  const fate = (id: string) => results.find((x) => x.id === id)!;
  assert.equal(fate(average.id).status, 'killed', out);
  assert.equal(fate(average.id).plan, 'tests');
  assert.deepEqual(fate(average.id).killedBy, ['oracle']);
  assert.equal(fate(commission.id).plan, 'all', 'a module-level table is reached while the target starts');
  assert.equal(fate(commission.id).status, 'killed', out);
  assert.equal(fate(csv.id).status, 'no-coverage');
  assert.match(out, /mutation score \(3 chosen of \d+ mutants;/);
  assert.match(out, /oracle\s+100 %\s+2 of 2 mutants its tests reach and judged/);
  assert.match(out, /mutants: 66\.7 % detected \(2 of 3\), 1 survived/);
  assert.match(
    out,
    new RegExp(
      `surviving mutants \\(1\\):\\n  ${FILE.replace(/[.]/g, '\\.')}:${csv.line}  \\{ if \\(typeof value .* → \\{\\}  \\(no test reached it; mutant ${csv.id}\\)`,
    ),
  );
});

test('a mutant left out as equivalent (a fault switch) cannot be run by id: it is never switched on', async () => {
  const { mutants } = await instrument([FILE]);
  const fault = mutants.find((m) => m.disabledBecause && m.original.includes('let units = 0'));
  assert.ok(fault, "expected the report-quadratic fault's work to be left out by its // Stryker disable comment");
  const r = spawnSync(
    process.execPath,
    ['scripts/bench-mutants.ts', '--projects', 'api', '--file', FILE, '--mutants', fault.id],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 2, r.stderr);
  assert.match(
    r.stderr,
    new RegExp(
      `mutant ${fault.id} \\(${FILE.replace(/[.]/g, '\\.')}:\\d+\\) is left out as equivalent: fault switch: off in every run`,
    ),
  );
});

test('bad options stop it before any run, with what was expected', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/bench-mutants.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  for (const [args, expected] of [
    [['--sample', '0'], /--sample: expected a whole number of mutants from 1 to 10000; found "0"/],
    [
      ['--projects', 'api,nope'],
      /--projects: expected Playwright projects among api, ui-desktop, ui-phone, a11y, pwa; found "nope"/,
    ],
    [
      ['--file', 'reference-target/db/seed.ts'],
      /--file: expected files of the mutated code .*found "reference-target\/db\/seed\.ts"/,
    ],
    [['--mutants', 'x'], /--mutants: expected mutant ids/],
    [['--grep', '('], /--grep: expected a regular expression/],
  ] as const) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, expected);
    assert.match(r.stderr, /usage: npm run bench:mutants/);
  }
});
