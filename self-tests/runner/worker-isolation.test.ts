/**
 * Two Playwright workers writing at once cannot see each other's writes: the old race, reproduced
 * on purpose. A writer test saves the hub settings over and over while a reader test, in the other
 * worker at the same moment (a file barrier makes them overlap), asserts that each of its reads
 * leaves the store unchanged (`guard.unchanged`, table digests). Neither names a lock fixture.
 *
 * - With own reference targets (QA_BASE_URL empty, the default) both pass, and the writer's next
 *   test starts on the seed again (fixtures/clean-store.ts).
 * - Against one shared target with two workers — what every run did before — the reader sees the
 *   writer's rows: proof that this test can fail, and that the race was real.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import { launchTarget } from '../helpers/target.ts';

const FIXTURES = resolve(PROJECT_ROOT, 'fixtures/index.ts');

const CONFIG = `
import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '.', workers: 2, fullyParallel: false, retries: 0, timeout: 60_000,
  reporter: [['json', { outputFile: 'results.json' }]] });
`;

// both tests wait until the other is running, so their windows overlap on any machine, however busy
const BARRIER = `
import { existsSync, writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
export async function meet(me: string, other: string): Promise<void> {
  writeFileSync(\`\${import.meta.dirname}/\${me}.ready\`, '');
  await expect.poll(() => existsSync(\`\${import.meta.dirname}/\${other}.ready\`), { timeout: 30_000, message: \`\${other} to start\` }).toBe(true);
}
export const writerDone = () => existsSync(\`\${import.meta.dirname}/writer.done\`);
export const markWriterDone = () => writeFileSync(\`\${import.meta.dirname}/writer.done\`, '');
`;

const WRITER = `
import { test, expect } from '${FIXTURES}';
import { meet, markWriterDone } from './barrier.ts';
test('writer: saves the hub settings again and again', async ({ apiAs }) => {
  const admin = await apiAs('admin');
  await meet('writer', 'reader');
  for (let i = 0; i < 25; i++) {
    const r = await admin.post('extension/module/meschain_sync/save', { status: '1', sync_interval: String(20 + i) });
    expect(r.status).toBe(200);
  }
  markWriterDone();
});
test('the next test of the writer\\'s worker starts on the seed', async ({ apiAs }) => {
  const html = (await (await apiAs('admin')).page('extension/module/meschain_sync')).text;
  expect(html, 'the seeded sync interval (15) on the hub settings form').toMatch(/name="sync_interval"[^>]*value="15"/);
});
`;

const READER = `
import { test, expect } from '${FIXTURES}';
import { meet, writerDone } from './barrier.ts';
test('reader: every read leaves the store unchanged', async ({ apiAs, guard }) => {
  const admin = await apiAs('admin');
  await meet('reader', 'writer');
  let reads = 0;
  do {
    await guard.unchanged('reading the metrics', () => admin.get('extension/module/meschain_sync/metrics'));
    reads++;
  } while (!writerDone() || reads < 3);
});
`;

interface Outcome {
  title: string;
  status: string;
  error: string;
}

async function runPair(env: Record<string, string>): Promise<Outcome[]> {
  mkdirSync(resolve(PROJECT_ROOT, 'reports'), { recursive: true });
  const dir = mkdtempSync(join(PROJECT_ROOT, 'reports', '.isolation-'));
  writeFileSync(join(dir, 'playwright.config.ts'), CONFIG);
  writeFileSync(join(dir, 'barrier.ts'), BARRIER);
  writeFileSync(join(dir, 'writer.spec.ts'), WRITER);
  writeFileSync(join(dir, 'reader.spec.ts'), READER);
  const cli = resolve(PROJECT_ROOT, 'node_modules/@playwright/test/cli.js');
  const out = await new Promise<string>((done) => {
    const child = spawn(process.execPath, [cli, 'test', '-c', join(dir, 'playwright.config.ts')], {
      cwd: dir,
      env: {
        ...process.env,
        QA_REPORTS_DIR: join(dir, 'reports'),
        QA_TARGET_KIND: 'reference',
        MESCHAIN_FAULTS: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.on('exit', () => done(buf));
  });
  let report: {
    suites: { specs: { title: string; tests: { results: { status: string; error?: { message?: string } }[] }[] }[] }[];
  };
  try {
    report = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as typeof report;
  } catch {
    throw new Error(`Playwright wrote no JSON report; its output:\n${out.slice(-3000)}`);
  } finally {
    // the inline project lives under reports/ (its imports resolve from the project); nothing of it is kept
    rmSync(dir, { recursive: true, force: true });
  }
  return report.suites
    .flatMap((s) => s.specs)
    .map((spec) => {
      const r = spec.tests[0]?.results.at(-1);
      return { title: spec.title, status: r?.status ?? 'not run', error: r?.error?.message ?? '' };
    });
}

const byTitle = (outcomes: Outcome[], start: string): Outcome => {
  const o = outcomes.find((x) => x.title.startsWith(start));
  assert.ok(o, `no test "${start}…" in ${JSON.stringify(outcomes)}`);
  return o;
};

test("own reference targets: a writer and a reader at the same moment never see each other, and the writer's worker is back on the seed", async () => {
  const outcomes = await runPair({ QA_BASE_URL: '' });
  for (const o of outcomes) assert.equal(o.status, 'passed', `${o.title}: ${o.error}`);
  assert.equal(outcomes.length, 3);
});

test("one shared target with two workers (the old way): the reader sees the writer's rows — the race this design removes", async () => {
  const { target, settings } = await launchTarget();
  try {
    const outcomes = await runPair({ QA_BASE_URL: settings.baseUrl });
    assert.equal(byTitle(outcomes, 'writer').status, 'passed', byTitle(outcomes, 'writer').error);
    const reader = byTitle(outcomes, 'reader');
    assert.equal(reader.status, 'failed', "the reader should have seen the other worker's writes");
    // the reader sees the writer's save (oc_setting), or on a slow machine the writer's reset back to the seed too
    assert.match(reader.error, /expected the store data unchanged; found writes to [^\n]*oc_setting/);
  } finally {
    await target.close();
  }
});
