/**
 * Benchmarks' view of one `npm run qa` run: runs `node scripts/qa.ts` as a child process against
 * the clean reference target (own targets per worker, no fault switched on) in a given reports
 * folder, and reads back what a person would look at: exit code, red conditions, flaky tests,
 * duration, the time budget.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import type { GateResult } from '../../gate/engine.ts';
import type { TimeBudget } from '../../runner/timings.ts';

export interface QaOutcome {
  exitCode: number | null;
  durationMs: number;
  /** conditions that failed or could not be evaluated */
  red: string[];
  /** tests that passed only on retry */
  flaky: string[];
  /** tests that failed even on retry */
  failed: string[];
  budget?: TimeBudget;
  /** the last lines the run printed (for a red run) */
  tail: string;
}

interface JsonTest {
  projectName?: string;
  status?: string;
}
interface JsonSpec {
  title: string;
  file?: string;
  tests?: JsonTest[];
}
interface JsonSuite {
  suites?: JsonSuite[];
  specs?: JsonSpec[];
}

/** Titles of the tests with a given Playwright outcome ("flaky", "unexpected") in a JSON report. */
export function testsWithStatus(resultsJson: string, status: 'flaky' | 'unexpected'): string[] {
  if (!existsSync(resultsJson)) return [];
  const out: string[] = [];
  const visit = (s: JsonSuite): void => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests ?? [])
        if (t.status === status) out.push(`[${t.projectName}] ${spec.file ?? ''} › ${spec.title}`);
    }
    for (const x of s.suites ?? []) visit(x);
  };
  try {
    for (const s of (JSON.parse(readFileSync(resultsJson, 'utf8')) as { suites?: JsonSuite[] }).suites ?? []) visit(s);
  } catch {
    return [];
  }
  return out;
}

export async function runQaOnce(
  reportsDir: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<QaOutcome> {
  const started = performance.now();
  const { code, out } = await new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, [resolve(PROJECT_ROOT, 'scripts/qa.ts'), ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        QA_BASE_URL: '',
        QA_TARGET_KIND: 'reference',
        MESCHAIN_FAULTS: '',
        QA_REPORTS_DIR: reportsDir,
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.on('exit', (c) => done({ code: c, out: buf }));
  });
  const durationMs = performance.now() - started;
  const gatePath = resolve(reportsDir, 'gate.json');
  const gate = existsSync(gatePath) ? (JSON.parse(readFileSync(gatePath, 'utf8')) as GateResult) : undefined;
  const timingsPath = resolve(reportsDir, 'timings.json');
  const results = resolve(reportsDir, 'playwright', 'results.json');
  return {
    exitCode: code,
    durationMs,
    red: gate
      ? gate.conditions.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => c.id)
      : ['(no gate.json)'],
    flaky: testsWithStatus(results, 'flaky'),
    failed: testsWithStatus(results, 'unexpected'),
    ...(existsSync(timingsPath) ? { budget: JSON.parse(readFileSync(timingsPath, 'utf8')) as TimeBudget } : {}),
    tail: out.split('\n').slice(-40).join('\n'),
  };
}
