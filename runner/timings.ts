/**
 * Where a run spends its time: each stage of the pipeline (target start, Playwright, k6,
 * Lighthouse, adapters, gate, masking, Allure) and, inside Playwright, each project (its wall
 * time from first test start to last test end, and its tests' time summed over the workers).
 * Written to `<reports>/timings.json` and summed up in one line at the end of `npm run qa`;
 * `npm run bench:stages` prints it as a table. Figures, never assertions.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface StageTime {
  stage: string;
  ms: number;
  /** part of another stage's time, summed over that stage's parallel workers: counted as the framework's own */
  within?: string;
  /** how many workers ran it in parallel (its wall-time share is ms / workers) */
  workers?: number;
}
export interface ProjectTime {
  project: string;
  tests: number;
  wallMs: number;
  busyMs: number;
}

export interface TimeBudget {
  totalMs: number;
  stages: StageTime[];
  playwrightProjects: ProjectTime[];
  /** time the tools spent testing (Playwright, k6, Lighthouse) */
  toolsMs: number;
  /** everything else: target start, adapters, gate, masking, Allure — the framework's own cost */
  overheadMs: number;
  overheadShare: number;
}

export const TOOL_STAGES: readonly string[] = ['Playwright', 'k6', 'scaling check', 'Lighthouse'];

export class Timings {
  readonly stages: StageTime[] = [];

  add(stage: string, ms: number): void {
    const known = this.stages.find((s) => s.stage === stage);
    if (known) known.ms += ms;
    else this.stages.push({ stage, ms });
  }

  /** Framework work done inside a tool's stage (e.g. the workers' own target starts inside Playwright). */
  inside(tool: string, stage: string, summedMs: number, workers: number): void {
    this.stages.push({ stage, ms: summedMs, within: tool, workers: Math.max(1, workers) });
  }

  async time<T>(stage: string, work: Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work;
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  budget(startedAt: number, playwrightJson?: string, now = Date.now()): TimeBudget {
    const totalMs = now - startedAt;
    // framework work inside a tool's stage ran on parallel workers: its share of wall time is charged
    const inside = this.stages.filter((s) => s.within).reduce((a, s) => a + s.ms / (s.workers ?? 1), 0);
    const toolsMs = this.stages.filter((s) => TOOL_STAGES.includes(s.stage)).reduce((a, s) => a + s.ms, 0) - inside;
    const overheadMs = Math.max(0, totalMs - toolsMs);
    return {
      totalMs: Math.round(totalMs),
      stages: this.stages.map((s) => ({ ...s, ms: Math.round(s.ms) })),
      playwrightProjects: playwrightJson ? projectTimes(playwrightJson) : [],
      toolsMs: Math.round(toolsMs),
      overheadMs: Math.round(overheadMs),
      overheadShare: totalMs > 0 ? Math.round((overheadMs / totalMs) * 1000) / 1000 : 0,
    };
  }
}

interface JsonResult {
  startTime?: string;
  duration?: number;
}
interface JsonTest {
  projectName?: string;
  results?: JsonResult[];
}
interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { tests?: JsonTest[] }[];
}

/** Per Playwright project: tests, wall time (first start → last end) and summed test time, from the JSON report. */
export function projectTimes(path: string): ProjectTime[] {
  if (!existsSync(path)) return [];
  let report: { suites?: JsonSuite[] };
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as { suites?: JsonSuite[] };
  } catch {
    return [];
  }
  const by = new Map<string, { tests: number; start: number; end: number; busy: number }>();
  const visit = (suite: JsonSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const p = by.get(t.projectName ?? '') ?? { tests: 0, start: Infinity, end: 0, busy: 0 };
        p.tests++;
        for (const r of t.results ?? []) {
          const start = Date.parse(r.startTime ?? '');
          if (!Number.isFinite(start)) continue;
          const d = r.duration ?? 0;
          p.start = Math.min(p.start, start);
          p.end = Math.max(p.end, start + d);
          p.busy += d;
        }
        by.set(t.projectName ?? '', p);
      }
    }
    for (const s of suite.suites ?? []) visit(s);
  };
  for (const s of report.suites ?? []) visit(s);
  return [...by].map(([project, p]) => ({
    project,
    tests: p.tests,
    wallMs: p.end > p.start ? Math.round(p.end - p.start) : 0,
    busyMs: Math.round(p.busy),
  }));
}

const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function formatBudgetLine(b: TimeBudget): string {
  const stages = b.stages.map((s) => `${s.stage} ${sec(s.ms)}${s.within ? ` (inside ${s.within})` : ''}`).join(', ');
  return `${sec(b.totalMs)} in all — ${stages}; framework overhead ${sec(b.overheadMs)} (${(b.overheadShare * 100).toFixed(1)} %)`;
}

export function formatBudgetTable(b: TimeBudget): string {
  const rows = [
    ...b.stages.map((s) => [
      s.within ? `  ${s.stage}, inside ${s.within}` : s.stage,
      sec(s.ms),
      s.within ? '(summed)' : `${((s.ms / b.totalMs) * 100).toFixed(1)} %`,
    ]),
    ...b.playwrightProjects.map((p) => [
      `  Playwright project ${p.project} (${p.tests} tests; summed over workers ${sec(p.busyMs)})`,
      sec(p.wallMs),
      `${((p.wallMs / b.totalMs) * 100).toFixed(1)} %`,
    ]),
    [
      "framework overhead (all but the tools' own testing time)",
      sec(b.overheadMs),
      `${(b.overheadShare * 100).toFixed(1)} %`,
    ],
    ['total', sec(b.totalMs), '100 %'],
  ];
  return ['| stage | time | share |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
