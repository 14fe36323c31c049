/**
 * Canary harness, in the spirit of Playwright's `runInlineTest`: runs the real pipeline
 * (`node scripts/qa.ts`) as a separate process against a fresh reference target with fault
 * switches on, in a throwaway reports folder, and returns its exit code and reports/gate.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import type { FaultName } from '../../reference-target/faults.ts';
import type { Suite } from '../../gate/model.ts';
import type { ConditionResult, GateResult } from '../../gate/engine.ts';

export interface QaRun {
  exitCode: number | null;
  gate: GateResult;
  stdout: string;
  reportsDir: string;
  /** the condition with this id; throws when the gate has none, so a typo cannot pass */
  condition(id: string): ConditionResult;
  /** ids of the conditions with this status */
  ids(status: ConditionResult['status']): string[];
}

/** Runs `node scripts/qa.ts <args>` with a fresh reports folder; no expectations about what it writes. */
export async function runQaProcess(
  args: string[],
  opts: { faults?: FaultName[]; env?: Record<string, string>; reportsDir?: string } = {},
): Promise<{ code: number | null; out: string; reportsDir: string }> {
  const reportsDir = opts.reportsDir ?? mkdtempSync(join(tmpdir(), 'meschain-canary-'));
  const env = {
    ...process.env,
    QA_BASE_URL: '',
    QA_TARGET_KIND: 'reference',
    QA_REPORTS_DIR: reportsDir,
    QA_TARGET_PORT: '0',
    MESCHAIN_FAULTS: (opts.faults ?? []).join(','),
    FORCE_COLOR: '0',
    ...opts.env,
  };
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(PROJECT_ROOT, 'scripts/qa.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.on('exit', (c) => done({ code: c, out: buf, reportsDir }));
  });
}

export function readGate(reportsDir: string): GateResult {
  return JSON.parse(readFileSync(resolve(reportsDir, 'gate.json'), 'utf8')) as GateResult;
}

/**
 * Runs the pipeline on `suites` with `faults` switched on. Canaries judge gate.json, so the Allure
 * HTML report is skipped (`--no-report`) unless `report: true`.
 */
export async function runQa(opts: {
  faults?: FaultName[];
  suites: Suite[];
  env?: Record<string, string>;
  args?: string[];
  report?: boolean;
}): Promise<QaRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'meschain-canary-'));
  const extra = opts.args ?? [];
  const split = extra.indexOf('--');
  const own = split < 0 ? extra : extra.slice(0, split);
  const playwright = split < 0 ? [] : extra.slice(split);
  const args = [
    resolve(PROJECT_ROOT, 'scripts/qa.ts'),
    '--suite',
    opts.suites.join(','),
    ...own,
    ...(opts.report ? [] : ['--no-report']),
    ...playwright,
  ];
  const env = {
    ...process.env,
    QA_BASE_URL: '',
    QA_TARGET_KIND: 'reference',
    QA_REPORTS_DIR: reportsDir,
    QA_TARGET_PORT: '0',
    MESCHAIN_FAULTS: (opts.faults ?? []).join(','),
    FORCE_COLOR: '0',
    ...opts.env,
  };
  const { code, out } = await new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      buf += d.toString();
    });
    child.on('exit', (c) => done({ code: c, out: buf }));
  });
  const gatePath = resolve(reportsDir, 'gate.json');
  if (!existsSync(gatePath)) {
    throw new Error(`the pipeline wrote no gate.json (exit ${code}); its output:\n${out.slice(-4000)}`);
  }
  const gate = JSON.parse(readFileSync(gatePath, 'utf8')) as GateResult;
  return {
    exitCode: code,
    gate,
    stdout: out,
    reportsDir,
    condition(id: string) {
      const c = gate.conditions.find((x) => x.id === id);
      if (!c)
        throw new Error(`gate.json has no condition ${id}; it has ${gate.conditions.map((x) => x.id).join(', ')}`);
      return c;
    },
    ids: (status) => gate.conditions.filter((c) => c.status === status).map((c) => c.id),
  };
}

/**
 * What the Allure report shows red (failed or broken), read from the run's allure-results: one
 * result per test (its last attempt: retries share a historyId). The gate's "one truth" says this
 * equals the conditions the gate failed or could not evaluate, plus the verdict when it is not a
 * pass, plus the tests the gate counted as failed.
 */
export function redAllureResults(reportsDir: string): string[] {
  const dir = resolve(reportsDir, 'allure-results');
  const last = new Map<string, { stop: number; status: string; name: string }>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('-result.json'))) {
    const r = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as {
      historyId?: string;
      uuid: string;
      stop?: number;
      status: string;
      name: string;
    };
    const key = r.historyId ?? r.uuid;
    const prev = last.get(key);
    if (!prev || (r.stop ?? 0) >= prev.stop) last.set(key, { stop: r.stop ?? 0, status: r.status, name: r.name });
  }
  return [...last.values()]
    .filter((r) => r.status === 'failed' || r.status === 'broken')
    .map((r) => r.name)
    .sort();
}

/** The red results the gate accounts for (see redAllureResults). */
export function redByGate(gate: GateResult): number {
  const conditions = gate.conditions.filter((c) => c.status === 'failed' || c.status === 'error').length;
  const tests = Object.values(gate.suites).reduce((n, s) => n + (s.metrics['tests.failed'] ?? 0), 0);
  return conditions + (gate.status === 'passed' ? 0 : 1) + tests;
}
