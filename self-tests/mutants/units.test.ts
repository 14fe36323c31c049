/**
 * The mutation benchmark's pieces, without running a suite: Stryker builds mutant schemata of
 * the target's code, the sample is deterministic, coverage lines merge, the score leaves out
 * only what could not be evaluated, and survivors are printed as the issue asks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instrument, mutatedFiles, oneLine, type MutantInfo } from '../../scripts/mutants/instrument.ts';
import { sampleMutants } from '../../scripts/mutants/sample.ts';
import { readCoverage } from '../../scripts/mutants/coverage.ts';
import { equivalentOf, EQUIVALENT_MUTANTS } from '../../scripts/mutants/equivalent.ts';
import {
  overallScore,
  progressLine,
  suiteScores,
  survivorLine,
  type MutantResult,
} from '../../scripts/mutants/score.ts';
import { judgedSuites, runLimitMs, testTimeoutMs } from '../../scripts/mutants/run-mutants.ts';
import { axeBlockers, runEnv } from '../../scripts/mutants/playwright-run.ts';
import { testListLine } from '../../fixtures/mutant-coverage.ts';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import { BASELINE_AT_RECORDING } from '../gate/recorded/axe/baseline-at-recording.ts';

const mutant = (id: number, over: Partial<MutantInfo> = {}): MutantInfo => ({
  id: String(id),
  file: 'reference-target/pages/hub.ts',
  line: id + 1,
  mutator: 'StringLiteral',
  original: `'a${id}'`,
  replacement: '""',
  ...over,
});

const result = (id: number, over: Partial<MutantResult>): MutantResult => ({
  ...mutant(id),
  status: 'survived',
  plan: 'tests',
  testsSelected: 3,
  suitesRun: ['api'],
  suitesJudged: over.suitesJudged ?? over.suitesRun ?? ['api'],
  killedBy: [],
  failedTests: [],
  durationMs: 1000,
  ...over,
});

test('the mutated code is the extension, its pages and the OpenCart twin — not seed data or simulators', () => {
  const files = mutatedFiles();
  assert.ok(files.length >= 30, `expected the target's server code; found ${files.length} files`);
  assert.ok(
    files.every((f) => /^reference-target\/(extension|pages|opencart)\//.test(f)),
    files.find((f) => !/^reference-target\/(extension|pages|opencart)\//.test(f)),
  );
  assert.ok(files.includes('reference-target/extension/models/reporting.ts'));
});

test('Stryker instruments a file into mutant schemata: every mutant switched by __STRYKER_ACTIVE_MUTANT__, with its original code and line', async () => {
  const { files, mutants } = await instrument(['reference-target/extension/models/reporting.ts']);
  const code = files.get('reference-target/extension/models/reporting.ts')!;
  assert.match(code, /__STRYKER_ACTIVE_MUTANT__/);
  assert.match(code, /stryMutAct_9fa48\("0"\)/);
  const avg = mutants.find((m) => m.original === 'revenue / Number(t.n)' && m.replacement === 'revenue * Number(t.n)');
  assert.ok(avg, 'expected the arithmetic mutant of the average order value');
  assert.equal(avg.mutator, 'ArithmeticOperator');
  assert.match(
    code.split('\n').find((l) => l.includes(`stryMutAct_9fa48("${avg.id}")`)) ?? '',
    /revenue \* Number\(t\.n\)/,
  );
});

test('every fault switch in the mutated code is left out by a // Stryker disable comment with its reason, nothing else is; every listed equivalent still exists', async () => {
  const { mutants } = await instrument(mutatedFiles());
  // a mutant of the switch itself (one line), not of a function that contains one
  const unmarked = mutants.filter(
    (m) => !m.original.includes('\n') && /faults\.(has|includes)\(/.test(m.original) && !m.disabledBecause,
  );
  assert.deepEqual(
    unmarked.map((m) => `${m.file}:${m.line} ${m.original}`),
    [],
    'a fault switch without // Stryker disable: its mutants would count as survivors no store can have',
  );
  const reasons = new Set(mutants.map((m) => m.disabledBecause).filter(Boolean));
  assert.deepEqual(
    [...reasons].map((r) => r!.slice(0, 13)),
    ['fault switch:'],
    'only fault switches are left out by comments',
  );
  // a listed equivalent that no longer matches a mutant is stale: the code moved on
  const stale = EQUIVALENT_MUTANTS.filter(
    (e) => !mutants.some((m) => m.file === e.file && m.original === e.original && m.replacement === e.replacement),
  );
  assert.deepEqual(
    stale.map((e) => `${e.file}: ${e.original} → ${e.replacement}`),
    [],
    'scripts/mutants/equivalent.ts lists a mutant the code no longer has',
  );
  const disabled = mutants.filter((m) => m.disabledBecause).length;
  assert.ok(
    disabled > 0 && disabled < mutants.length * 0.05,
    `expected a few fault-switch mutants left out; found ${disabled} of ${mutants.length}`,
  );
});

test('the sample is deterministic per seed, without repeats, in id order, and never larger than the pool', () => {
  const pool = Array.from({ length: 200 }, (_, i) => mutant(i));
  const a = sampleMutants(pool, 20, 7);
  assert.deepEqual(a, sampleMutants(pool, 20, 7));
  assert.notDeepEqual(
    a.map((m) => m.id),
    sampleMutants(pool, 20, 8).map((m) => m.id),
  );
  assert.equal(new Set(a.map((m) => m.id)).size, 20);
  assert.deepEqual(
    a.map((m) => Number(m.id)),
    a.map((m) => Number(m.id)).sort((x, y) => x - y),
  );
  assert.equal(sampleMutants(pool.slice(0, 5), 20, 1).length, 5);
  // spread over the pool, not its first ids
  assert.ok(Math.max(...a.map((m) => Number(m.id))) > 100);
});

test('equivalent mutants are matched by file, original and replacement; every listed one says why', () => {
  const list = [
    { file: 'reference-target/pages/hub.ts', original: "'a1'", replacement: '""', reason: 'the text is never shown' },
  ];
  assert.equal(equivalentOf(mutant(1), list)?.reason, 'the text is never shown');
  assert.equal(equivalentOf(mutant(2), list), undefined);
  assert.equal(equivalentOf(mutant(1, { file: 'reference-target/pages/core.ts' }), list), undefined);
  assert.deepEqual(equivalentOf(mutant(3, { disabledBecause: 'fault switch: off' }), list), {
    reason: 'fault switch: off',
    where: 'comment',
  });
  for (const e of EQUIVALENT_MUTANTS)
    assert.ok(
      e.reason.length > 20,
      `equivalent mutant ${e.file} ${e.original} → ${e.replacement}: give the reason it cannot be detected`,
    );
});

test('coverage lines: a retried test counts once with all it reached; start-up mutants apart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutant-cov-'));
  const line = (listLine: string, mutants: string[], durationMs = 100) =>
    JSON.stringify({ listLine, title: listLine, project: 'api', tags: [], mutants, durationMs });
  writeFileSync(
    join(dir, 'tests-1.jsonl'),
    `${line('[api] › a.spec.ts › t1', ['1', '2'])}\n${line('[api] › a.spec.ts › t2', ['2'])}\n`,
  );
  writeFileSync(join(dir, 'tests-2.jsonl'), `${line('[api] › a.spec.ts › t1', ['3'], 400)}\n`);
  writeFileSync(join(dir, 'static-1.jsonl'), `${JSON.stringify({ mutants: ['9'] })}\n`);
  const cov = readCoverage(dir);
  assert.equal(cov.tests.length, 2);
  assert.deepEqual(cov.tests[0], {
    listLine: '[api] › a.spec.ts › t1',
    title: '[api] › a.spec.ts › t1',
    project: 'api',
    tags: [],
    mutants: ['1', '2', '3'],
    durationMs: 400,
  });
  assert.deepEqual(cov.byMutant.get('2'), [0, 1]);
  assert.deepEqual(cov.byMutant.get('3'), [0]);
  assert.deepEqual([...cov.static], ['9']);
});

test('score: killed and timed-out mutants are detected; no-coverage ones are survivors; errors are left out and listed', () => {
  const rs = [
    result(1, { status: 'killed', killedBy: ['oracle'], suitesRun: ['api', 'oracle'] }),
    result(2, { status: 'timeout', suitesRun: ['api'], suitesJudged: [] }),
    result(3, { status: 'survived', suitesRun: ['api', 'oracle'] }),
    result(4, { status: 'no-coverage', plan: 'none', testsSelected: 0, suitesRun: [] }),
    result(5, { status: 'error', error: 'playwright exited 3' }),
    // the run stopped at the ui failure before the api tests finished: api has no verdict on it
    result(6, { status: 'killed', plan: 'all', killedBy: ['ui'], suitesRun: ['api', 'ui'], suitesJudged: ['ui'] }),
  ];
  assert.deepEqual(overallScore(rs), { detected: 3, valid: 5, percent: 60 });
  const suites = suiteScores(rs);
  assert.deepEqual(suites.get('api'), { detected: 0, valid: 2, percent: 0 });
  assert.deepEqual(suites.get('oracle'), { detected: 1, valid: 2, percent: 50 });
  assert.deepEqual(suites.get('ui'), { detected: 1, valid: 1, percent: 100 });
});

test('a survivor is printed as `file:line  original → mutant  (suites run)`, whitespace folded', () => {
  const r = result(12, {
    file: 'reference-target/extension/models/reporting.ts',
    line: 70,
    original: 'revenue /\n    Number(t.n)',
    replacement: 'revenue * Number(t.n)',
    suitesRun: ['api', 'oracle'],
    testsSelected: 4,
  });
  assert.equal(
    survivorLine(r),
    'reference-target/extension/models/reporting.ts:70  revenue / Number(t.n) → revenue * Number(t.n)  (api, oracle; 4 test(s); mutant 12)',
  );
  assert.match(survivorLine(result(4, { status: 'no-coverage', plan: 'none' })), /\(no test reached it; mutant 4\)$/);
  assert.match(
    progressLine(result(1, { status: 'killed', killedBy: ['oracle'] }), 1, 100),
    /^\[ {2}1\/100\] #1 +killed by oracle +reference-target\/pages\/hub\.ts:2 /,
  );
  assert.ok(oneLine('x'.repeat(100), 20).length <= 20);
});

test("a mutant run: its own targets (never the user's store), no retries on mutants, time limits that end a hang", () => {
  const env = runEnv(
    {
      PATH: '/bin',
      QA_BASE_URL: 'http://shop.example',
      MESCHAIN_FAULTS: 'x',
      TARGET_PORT: '9',
      __STRYKER_ACTIVE_MUTANT__: '1',
    },
    { mutant: '42', reportsDir: '/tmp/r', retries: 0 },
  );
  assert.equal(env.QA_BASE_URL, '');
  assert.equal(env.MESCHAIN_FAULTS, undefined);
  assert.equal(env.TARGET_PORT, undefined);
  assert.equal(env.__STRYKER_ACTIVE_MUTANT__, '42');
  assert.equal(env.QA_RETRIES, '0');
  assert.equal(env.PATH, '/bin');
  assert.equal(testTimeoutMs(100), 10_000);
  assert.equal(testTimeoutMs(5_000), 20_000);
  assert.equal(testTimeoutMs(60_000), 30_000);
  assert.equal(runLimitMs(20_000, 10_000), 60_000 + 30_000 + 20_000);
});

test('a suite has a verdict on a mutant when one of its tests failed or all of its selected tests ran', () => {
  const sel = [
    { project: 'api', tags: [] },
    { project: 'api', tags: [] },
    { project: 'api', tags: ['@oracle'] },
    { project: 'ui-desktop', tags: [] },
  ];
  assert.deepEqual(
    judgedSuites(sel, {
      failed: new Map([['oracle', ['t']]]),
      ran: new Map([
        ['oracle', 1],
        ['api', 1],
      ]),
    }),
    ['oracle'],
  );
  assert.deepEqual(
    judgedSuites(sel, {
      failed: new Map(),
      ran: new Map([
        ['oracle', 1],
        ['api', 2],
        ['ui', 1],
      ]),
    }),
    ['api', 'oracle', 'ui'],
  );
});

test("axe findings kill a mutant only where the gate's blocking a11y conditions would go red (recorded real audits)", () => {
  const recorded = (set: string) => join(import.meta.dirname, '..', 'gate', 'recorded', 'axe', set);
  const now = new Date('2026-11-24T12:00:00Z');
  assert.deepEqual(axeBlockers(recorded('clean'), now, BASELINE_AT_RECORDING), []);
  assert.ok(
    axeBlockers(recorded('regression'), now, BASELINE_AT_RECORDING).some((l) =>
      /^axe: a11y\.(critical|serious) /.test(l),
    ),
    "the a11y-regression fault's audits",
  );
  assert.ok(
    axeBlockers(recorded('login'), now, BASELINE_AT_RECORDING).some((l) =>
      l.startsWith('axe: a11y.audited_intended_page'),
    ),
    'an audit that landed on the login page',
  );
  assert.deepEqual(axeBlockers(join(tmpdir(), 'no-such-axe-dir'), now), []);
});

test('a test list line names a test; one whose title holds › cannot be listed (Playwright would split it there)', () => {
  const info = (...titles: string[]) =>
    ({
      project: { name: 'ui-desktop' },
      file: '/p/tests/ui/a.spec.ts',
      config: { rootDir: '/p/tests' },
      titlePath: ['ui/a.spec.ts', ...titles],
    }) as never;
  assert.equal(
    testListLine(info('breadcrumbs', 'every page')),
    '[ui-desktop] › ui/a.spec.ts › breadcrumbs › every page',
  );
  assert.equal(testListLine(info('a > b')), '[ui-desktop] › ui/a.spec.ts › a > b');
  assert.equal(testListLine(info('breadcrumbs', 'Home › Extensions › the page')), undefined);
});

test('no test title written in the suites holds ›, which would keep that test out of every mutant run', () => {
  const files = globSync('{tests/**/*.spec.ts,a11y/**/*.a11y.ts}', { cwd: PROJECT_ROOT });
  assert.ok(files.length > 30, `expected the suites' spec files; found ${files.length}`);
  const titled = files
    .flatMap((f) =>
      readFileSync(join(PROJECT_ROOT, f), 'utf8')
        .split('\n')
        .map((l, i) => ({ where: `${f}:${i + 1}`, l })),
    )
    .filter(({ l }) => /\b(test|describe)(\.\w+)?\(\s*(['"`])[^'"`]*›/.test(l))
    .map(({ where }) => where);
  assert.deepEqual(titled, []);
});
