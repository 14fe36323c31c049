/**
 * k6 → SuiteResult (suite `load`): reads the summary that perf/meschain.k6.ts's handleSummary
 * writes (`reports/k6/summary.json`: k6's summary data plus a `meschain` block) and turns it into
 * the metrics the gate's `perf.*` conditions read, one test per k6 threshold (for Allure), and
 * the summary itself as an artifact. Unreadable → ResultsUnreadable; no samples → `http.requests: 0`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { emptySuite, ResultsUnreadable, type SuiteResult, type TestOutcome } from '../model.ts';

const ERROR_METRIC = 'meschain_errors';
const SCENARIO_METRIC = /^http_req_duration\{scenario:([^,}]+)\}$/;

interface Metric {
  type: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

interface Group {
  name?: string;
  checks?: { name: string; passes: number; fails: number }[];
  groups?: Group[];
}

interface Summary {
  metrics: Record<string, Metric>;
  root_group?: Group;
  state?: { testRunDurationMs?: number };
  meschain?: {
    profile?: string;
    gateProfile?: string;
    baseUrl?: string;
    stress?: { broken: boolean; brokeAtTargetRps: number | null; heldTargetRps: number };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(path: string): Summary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const incomplete = resolve(dirname(path), 'summary.incomplete.json');
    if (existsSync(incomplete)) {
      throw new ResultsUnreadable(
        path,
        `k6 did not complete the run (a script error such as a failed login, or an interrupted run; see the [k6] lines of the run). ` +
          `Its partial summary is kept in ${incomplete} and is not evidence.`,
      );
    }
    throw new ResultsUnreadable(
      path,
      `expected the k6 summary written by perf/meschain.k6.ts (handleSummary); could not read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Did k6 run? See the [k6] lines of the run.`,
    );
  }
  if (text.trim() === '')
    throw new ResultsUnreadable(
      path,
      'expected a k6 summary (JSON); found an empty file. k6 was probably stopped while writing it; run the load suite again.',
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ResultsUnreadable(
      path,
      `expected a k6 summary (JSON); found text that does not parse (${(err as Error).message}). The file is truncated or not a k6 summary.`,
    );
  }
  if (!isObject(data) || !isObject(data.metrics)) {
    throw new ResultsUnreadable(
      path,
      `expected a k6 summary with a "metrics" object; found ${isObject(data) ? `keys ${Object.keys(data).join(', ') || '(none)'}` : typeof data}.`,
    );
  }
  for (const [name, m] of Object.entries(data.metrics)) {
    if (!isObject(m) || typeof m.type !== 'string' || !isObject(m.values)) {
      throw new ResultsUnreadable(
        path,
        `expected k6 metric "${name}" to have a "type" and a "values" object; found ${JSON.stringify(m).slice(0, 120)}.`,
      );
    }
  }
  return data as unknown as Summary;
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Samples behind a metric: trend `count`, counter `count`, rate `passes + fails`. */
function samples(m: Metric | undefined): number {
  if (!m) return 0;
  if (m.type === 'rate') return (m.values.passes ?? 0) + (m.values.fails ?? 0);
  return m.values.count ?? 0;
}

function errorRatePct(metrics: Record<string, Metric>, tag = ''): number | undefined {
  const m = metrics[`${ERROR_METRIC}${tag}`] ?? metrics[`http_req_failed${tag}`];
  return m && samples(m) > 0 ? round((m.values.rate ?? 0) * 100, 4) : undefined;
}

function httpMetrics(metrics: Record<string, Metric>, out: Record<string, number>, notes: string[]): void {
  const requests = metrics.http_reqs?.values.count ?? 0;
  out['http.requests'] = requests;
  if (requests === 0) {
    notes.push(
      'k6 made no HTTP request: no latency or error rate to judge (the evidence rule fails the perf conditions).',
    );
    return;
  }
  const d = metrics.http_req_duration?.values ?? {};
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v)) out[key] = round(v);
  };
  put('http.avg_ms', d.avg);
  put('http.p50_ms', d.med);
  put('http.p95_ms', d['p(95)']);
  put('http.p99_ms', d['p(99)']);
  put('http.error_rate', errorRatePct(metrics));
  put('http.rps', metrics.http_reqs?.values.rate);
}

function scenarioMetrics(metrics: Record<string, Metric>, out: Record<string, number>): void {
  for (const [name, m] of Object.entries(metrics)) {
    const scenario = SCENARIO_METRIC.exec(name)?.[1];
    if (!scenario) continue;
    const count = samples(m);
    out[`scenario.${scenario}.requests`] = count;
    if (count === 0) continue;
    out[`scenario.${scenario}.avg_ms`] = round(m.values.avg ?? 0);
    out[`scenario.${scenario}.p95_ms`] = round(m.values['p(95)'] ?? 0);
    const err = errorRatePct(metrics, `{scenario:${scenario}}`);
    if (err !== undefined) out[`scenario.${scenario}.error_rate`] = err;
  }
}

/** What a threshold's own statistic came to, for the failure message: `avg<200` on a trend → its avg. */
function actual(m: Metric, expr: string): string {
  const stat = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)\s*[<>=!]/.exec(expr)?.[1];
  const v = stat ? m.values[stat] : undefined;
  return v === undefined ? '' : ` (actual ${stat} = ${round(v)})`;
}

function thresholdTests(metrics: Record<string, Metric>, durationMs: number): TestOutcome[] {
  return Object.entries(metrics)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, m]) =>
      Object.entries(m.thresholds ?? {}).map(([expr, t]): TestOutcome => {
        const title = `${name}: ${expr}`;
        const base = {
          id: `k6 › threshold › ${title}`,
          title,
          suite: 'load' as const,
          attempts: 1,
          durationMs,
          tags: ['@k6-threshold'],
        };
        // a threshold over no samples holds vacuously in k6; it proved nothing, so it is not a pass
        if (samples(m) === 0) return { ...base, status: 'skipped', error: `no samples for ${name}` };
        return t.ok
          ? { ...base, status: 'passed' }
          : { ...base, status: 'failed', error: `k6 threshold crossed: ${title}${actual(m, expr)}` };
      }),
    );
}

/** `name: passes of total` for every k6 check that failed at least once, for the report. */
function failedChecks(g: Group | undefined): string[] {
  if (!isObject(g)) return [];
  const own = (Array.isArray(g.checks) ? g.checks : [])
    .filter((c) => c.fails > 0)
    .map((c) => `${c.name} (${c.fails} of ${c.passes + c.fails} failed)`);
  return [...own, ...(Array.isArray(g.groups) ? g.groups : []).flatMap(failedChecks)];
}

export function readK6Summary(path: string): SuiteResult {
  const s = parse(path);
  const result = emptySuite('load', 'k6', [path]);
  const { metrics } = s;
  httpMetrics(metrics, result.metrics, result.notes);
  const checks = metrics.checks;
  const checkTotal = samples(checks);
  result.metrics['checks.total'] = checkTotal;
  if (checkTotal > 0) result.metrics['checks.pass_rate'] = round(((checks?.values.passes ?? 0) / checkTotal) * 100, 4);
  scenarioMetrics(metrics, result.metrics);
  const stress = s.meschain?.stress;
  if (stress) {
    result.metrics['stress.held_rps'] = stress.heldTargetRps;
    if (stress.brokeAtTargetRps !== null) result.metrics['stress.broke_at_rps'] = stress.brokeAtTargetRps;
    result.notes.push(
      stress.broken
        ? `stress: broke at ${stress.brokeAtTargetRps} req/s offered; held ${stress.heldTargetRps} req/s`
        : `stress: held every step up to ${stress.heldTargetRps} req/s offered`,
    );
  }
  const failed = failedChecks(s.root_group);
  if (failed.length) result.notes.push(`failed k6 checks: ${failed.join('; ')}`);
  result.tests = thresholdTests(metrics, Math.round(s.state?.testRunDurationMs ?? 0));
  if (s.meschain)
    result.notes.unshift(
      `k6 profile ${s.meschain.profile ?? '?'} (gate profile ${s.meschain.gateProfile ?? '?'}) against ${s.meschain.baseUrl ?? '?'}`,
    );
  result.artifacts.push({ name: 'k6 summary', path, contentType: 'application/json' });
  return result;
}
