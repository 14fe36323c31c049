/**
 * Playwright's JSON reporter output → one SuiteResult per suite. The suite of a test is its
 * project (`api` → api, `ui-desktop`/`ui-phone` → ui, `pwa` → pwa, `a11y` → a11y), except that a
 * test tagged `@security` belongs to the security suite, where each failure is one open finding.
 * The API suite's contract coverage comes from reports/api/coverage.json when present.
 */
import { existsSync } from 'node:fs';
import { isObject, readJsonFile } from './read-json.ts';
import {
  emptySuite,
  ResultsUnreadable,
  testMetrics,
  type Suite,
  type SuiteResult,
  type TestOutcome,
  type TestStatus,
} from '../model.ts';

const PROJECT_SUITES: Record<string, Suite> = {
  api: 'api',
  'ui-desktop': 'ui',
  'ui-phone': 'ui',
  pwa: 'pwa',
  a11y: 'a11y',
};

interface PwResult {
  status?: string;
  retry?: number;
  duration?: number;
  error?: { message?: string };
}
interface PwTest {
  projectName?: string;
  status?: string;
  results?: PwResult[];
  annotations?: { type: string; description?: string }[];
}
interface PwSpec {
  title?: string;
  tags?: string[];
  file?: string;
  tests?: PwTest[];
}
interface PwSuite {
  title?: string;
  file?: string;
  specs?: PwSpec[];
  suites?: PwSuite[];
}

function statusOf(t: PwTest): TestStatus {
  switch (t.status) {
    case 'expected':
      return (t.results ?? []).every((r) => r.status === 'skipped') && (t.results ?? []).length > 0
        ? 'skipped'
        : 'passed';
    case 'unexpected':
      return 'failed';
    case 'flaky':
      return 'flaky';
    case 'skipped':
      return 'skipped';
    default:
      throw new Error(`unknown Playwright test status ${JSON.stringify(t.status)}`);
  }
}

// terminal colour codes Playwright puts into error messages
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const stripAnsi = (s: string): string => s.replace(ANSI, '');

function* walk(suite: PwSuite, path: string[]): Generator<{ spec: PwSpec; path: string[] }> {
  for (const spec of suite.specs ?? []) yield { spec, path };
  for (const child of suite.suites ?? []) yield* walk(child, [...path, child.title ?? '']);
}

/** Suite of a test: `@security`, then `@oracle` (checked against the store's data), win over the project. */
export function suiteOf(project: string, tags: string[]): Suite | undefined {
  // OpenCart core checks (login, token, lockout, logout): judged on every store, extension or not
  if (tags.includes('@core')) return 'core';
  if (tags.includes('@security')) return 'security';
  if (tags.includes('@oracle')) return 'oracle';
  return PROJECT_SUITES[project];
}

export function readPlaywrightResults(path: string, opts: { coveragePath?: string } = {}): SuiteResult[] {
  const json = readJsonFile(path, "Playwright's JSON report");
  if (!isObject(json) || !Array.isArray(json.suites) || !isObject(json.stats)) {
    throw new ResultsUnreadable(path, "expected Playwright's JSON report (`suites`, `stats`); found another shape.");
  }
  const bySuite = new Map<Suite, TestOutcome[]>();
  try {
    for (const fileSuite of json.suites as PwSuite[]) {
      const file = fileSuite.file ?? fileSuite.title ?? '';
      for (const { spec, path: describePath } of walk(fileSuite, [])) {
        for (const t of spec.tests ?? []) {
          const project = t.projectName ?? '';
          // Playwright writes tags without the leading @ in its JSON report
          const tags = (spec.tags ?? []).map((t) => (t.startsWith('@') ? t : `@${t}`));
          const suite = suiteOf(project, tags);
          if (!suite) continue; // e.g. the auth `setup` project: its failures surface as failed dependents
          const results = t.results ?? [];
          const last = results.at(-1);
          const titlePath = [...describePath.filter(Boolean), spec.title ?? ''];
          const outcome: TestOutcome = {
            id: [project, file, ...titlePath].join(' › '),
            title: titlePath.join(' › '),
            suite,
            status: statusOf(t),
            attempts: Math.max(1, results.length),
            durationMs: results.reduce((s, r) => s + (r.duration ?? 0), 0),
            tags,
            ...(last?.error?.message ? { error: stripAnsi(last.error.message).slice(0, 2000) } : {}),
          };
          bySuite.set(suite, [...(bySuite.get(suite) ?? []), outcome]);
        }
      }
    }
  } catch (err) {
    throw new ResultsUnreadable(path, `could not read the Playwright report: ${(err as Error).message}`);
  }
  const out: SuiteResult[] = [];
  for (const [suite, tests] of bySuite) {
    const r = emptySuite(suite, 'playwright', [path]);
    r.tests = tests;
    out.push(r);
  }
  if (opts.coveragePath && existsSync(opts.coveragePath)) {
    const api =
      out.find((r) => r.suite === 'api') ??
      (() => {
        const r = emptySuite('api', 'playwright', [path]);
        out.push(r);
        return r;
      })();
    const cov = readJsonFile(opts.coveragePath, "the API suite's contract coverage (reports/api/coverage.json)");
    if (!isObject(cov) || typeof cov.routes_total !== 'number' || typeof cov.routes_covered !== 'number') {
      throw new ResultsUnreadable(
        opts.coveragePath,
        'expected {routes_total, routes_covered, …}; found another shape.',
      );
    }
    api.sources.push(opts.coveragePath);
    // a planned route counts only if its tests reached it: a route whose tests in this run were all
    // skipped (its module missing) or failed on "Page Not Found!" is not covered, however many exist
    const unreached = unreachedRoutes(
      out.flatMap((r) => r.tests),
      isObject(cov.by_route) ? Object.keys(cov.by_route) : [],
    );
    const covered = Math.max(0, cov.routes_covered - unreached.length);
    api.metrics['contract.routes'] = cov.routes_total;
    api.metrics['contract.covered'] = covered;
    api.metrics['contract.coverage'] =
      cov.routes_total === 0 ? 0 : Math.round((covered / cov.routes_total) * 10000) / 100;
    if (Array.isArray(cov.uncovered) && cov.uncovered.length)
      api.notes.push(`uncovered routes: ${cov.uncovered.join(', ')}`);
    if (unreached.length)
      api.notes.push(
        `routes no test reached in this run (skipped, or the store answered "Page Not Found!"): ${unreached.join(', ')}`,
      );
  }
  return out;
}

/** A test that failed because the store has no such route (the API client's PageNotFoundError, the page proof's "not-found"). */
const ROUTE_MISSING = /does not exist on this store|answered "Page Not Found!"/;

/**
 * Contract routes (ids like `trendyol.update_stock`, which the generated tests' titles start with)
 * whose tests in this run all skipped or failed on a missing route. Routes without any test in
 * the run (a --grep or --tag run) are left to the plan.
 */
export function unreachedRoutes(tests: TestOutcome[], routeIds: string[]): string[] {
  const ids = new Set(routeIds);
  const byRoute = new Map<string, TestOutcome[]>();
  for (const t of tests) {
    const id = /^([a-z0-9_]+\.[a-z0-9_]+): /.exec(t.title.split(' › ').at(-1) ?? '')?.[1];
    if (id && ids.has(id)) byRoute.set(id, [...(byRoute.get(id) ?? []), t]);
  }
  return [...byRoute]
    .filter(([, ts]) =>
      ts.every((t) => t.status === 'skipped' || (t.status === 'failed' && ROUTE_MISSING.test(t.error ?? ''))),
    )
    .map(([id]) => id)
    .sort();
}

/** Recomputes the `tests.*` metrics after waivers and quarantine were applied. */
export function withTestMetrics(r: SuiteResult): SuiteResult {
  const findings: Record<string, number> =
    r.suite === 'security'
      ? { 'findings.open': r.tests.filter((t) => t.status === 'failed' && !t.waivedBy && !t.quarantinedBy).length }
      : {};
  r.metrics = { ...r.metrics, ...testMetrics(r.tests), ...findings };
  return r;
}
