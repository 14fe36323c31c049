/**
 * Lighthouse reports (`<reports>/lighthouse/<page>-run<N>.json`, written by
 * a11y/lighthouse/run-lighthouse.ts) → the `lighthouse` SuiteResult. Per page the median of its
 * runs; the metrics are the worst page's: `score.performance|best_practices`
 * (0-100), `lcp_ms`, `tbt_ms`, `cls`, `script_bytes` (transfer size of scripts), `requests`; plus
 * `pages.attempted`, `pages.audited` (every run proved the intended page) and `pages.wrong`. A run
 * proves its page by its `meschainQa` block and final URL (see a11y/lighthouse/proof.ts); a page
 * with an unproven run is wrong and none of its numbers count.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../../a11y/lighthouse/median.ts';
import { wrongPageReason, type RunProof } from '../../a11y/lighthouse/proof.ts';
import { emptySuite, ResultsUnreadable, type SuiteResult } from '../model.ts';
import { isObject, readJsonFile } from './read-json.ts';

/** Gate metrics: how each is read from one LHR, and which direction is worse. */
const PAGE_METRICS = {
  'score.performance': { worst: 'min', read: (l: Lhr) => score(l, 'performance') },
  'score.best_practices': { worst: 'min', read: (l: Lhr) => score(l, 'best-practices') },
  lcp_ms: { worst: 'max', read: (l: Lhr) => numeric(l, 'largest-contentful-paint') },
  tbt_ms: { worst: 'max', read: (l: Lhr) => numeric(l, 'total-blocking-time') },
  cls: { worst: 'max', read: (l: Lhr) => numeric(l, 'cumulative-layout-shift') },
  script_bytes: { worst: 'max', read: (l: Lhr) => resources(l).scriptBytes },
  requests: { worst: 'max', read: (l: Lhr) => resources(l).requests },
} as const satisfies Record<string, { worst: 'min' | 'max'; read: (l: Lhr) => number | undefined }>;
type MetricName = keyof typeof PAGE_METRICS;
const METRIC_NAMES = Object.keys(PAGE_METRICS) as MetricName[];

/** Score-carrying display modes: an audit in one of them with a weight in its category can fail. */
const SCORED_MODES = new Set(['binary', 'numeric', 'metricSavings']);
const GOOD = 0.9;

interface Audit {
  id?: string;
  title?: string;
  score?: number | null;
  scoreDisplayMode?: string;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: unknown[] };
}
interface Category {
  id?: string;
  title?: string;
  score?: number | null;
  auditRefs?: { id: string; weight: number }[];
}
interface Lhr {
  finalDisplayedUrl?: string;
  runtimeError?: { code?: string; message?: string };
  categories: Record<string, Category>;
  audits: Record<string, Audit>;
  meschainQa?: RunProof;
}
interface Run {
  file: string;
  run: number;
  lhr: Lhr;
  wrong: string | null;
}

function score(l: Lhr, id: string): number | undefined {
  const s = l.categories[id]?.score;
  return typeof s === 'number' ? Math.round(s * 100) : undefined;
}

function numeric(l: Lhr, id: string): number | undefined {
  const v = l.audits[id]?.numericValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

interface ResourceRow {
  resourceType?: string;
  transferSize?: number;
  requestCount?: number;
}
interface RequestRow {
  resourceType?: string;
  transferSize?: number;
}

/** Script transfer bytes and request count: from `resource-summary`, else summed from `network-requests`. */
function resources(l: Lhr): { scriptBytes?: number; requests?: number } {
  const summary = l.audits['resource-summary']?.details?.items as ResourceRow[] | undefined;
  if (Array.isArray(summary) && summary.length > 0) {
    const row = (t: string) => summary.find((i) => i.resourceType === t);
    return { scriptBytes: row('script')?.transferSize ?? 0, requests: row('total')?.requestCount };
  }
  const reqs = l.audits['network-requests']?.details?.items as RequestRow[] | undefined;
  if (!Array.isArray(reqs)) return {};
  return {
    scriptBytes: reqs.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + (r.transferSize ?? 0), 0),
    requests: reqs.length,
  };
}

function readRun(dir: string, file: string, page: string, run: number): Run {
  const path = join(dir, file);
  const json = readJsonFile(path, 'a Lighthouse result (LHR) JSON');
  if (
    !isObject(json) ||
    !isObject(json.categories) ||
    !isObject(json.audits) ||
    (typeof json.finalDisplayedUrl !== 'string' && !isObject(json.runtimeError))
  ) {
    throw new ResultsUnreadable(
      path,
      'expected a Lighthouse result (categories, audits, finalDisplayedUrl); found another shape.',
    );
  }
  const lhr = json as unknown as Lhr;
  const proof = isObject(json.meschainQa) && typeof json.meschainQa.route === 'string' ? lhr.meschainQa : undefined;
  let wrong = wrongPageReason(
    lhr.finalDisplayedUrl,
    proof,
    lhr.runtimeError ? `${lhr.runtimeError.code ?? ''} ${lhr.runtimeError.message ?? ''}`.trim() : undefined,
  );
  if (!wrong && proof && proof.page !== page)
    wrong = `the file is named for page ${page} but audited page ${proof.page}`;
  return { file, run, lhr, wrong };
}

const fmt = (m: MetricName, v: number): string => (m === 'cls' ? v.toFixed(3) : String(Math.round(v)));

export function readLighthouseReports(dir: string): SuiteResult {
  const r = emptySuite('lighthouse', 'lighthouse');
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const byPage = new Map<string, Run[]>();
  for (const name of names) {
    const m = /^(.+)-run(\d+)\.json$/.exec(name);
    if (!m) continue;
    const run = readRun(dir, name, m[1]!, Number(m[2]));
    byPage.set(
      m[1]!,
      [...(byPage.get(m[1]!) ?? []), run].sort((a, b) => a.run - b.run),
    );
    r.sources.push(join(dir, name));
  }
  if (byPage.size === 0) r.notes.push(`no Lighthouse reports in ${dir}: did the Lighthouse runner run?`);

  const perPage = new Map<string, Partial<Record<MetricName, number>>>();
  let wrongPages = 0;
  for (const [page, runs] of byPage) {
    const wrong = runs.filter((x) => x.wrong);
    const seconds = runs
      .map((x) => x.lhr.meschainQa?.durationMs)
      .filter((d): d is number => typeof d === 'number')
      .map((d) => d / 1000);
    r.tests.push({
      id: `lighthouse › ${page} › intended page`,
      title: `${page}: every run audited the intended page`,
      suite: 'lighthouse',
      status: wrong.length ? 'failed' : 'passed',
      attempts: runs.length,
      durationMs: seconds.reduce((a, b) => a + b, 0) * 1000,
      tags: ['lighthouse'],
      ...(wrong.length ? { error: wrong.map((x) => `${x.file}: ${x.wrong}`).join('\n') } : {}),
    });
    if (wrong.length) {
      wrongPages++;
      r.notes.push(
        `${page}: ${wrong.length}/${runs.length} run(s) not on the intended page — ${wrong[0]!.wrong}; its numbers do not count.`,
      );
      continue;
    }
    const medians: Partial<Record<MetricName, number>> = {};
    for (const m of METRIC_NAMES) {
      const values = runs.map((x) => PAGE_METRICS[m].read(x.lhr)).filter((v): v is number => v !== undefined);
      if (values.length) medians[m] = median(values);
    }
    perPage.set(page, medians);
    for (const m of METRIC_NAMES) if (medians[m] !== undefined) r.metrics[`page.${page}.${m}`] = medians[m]!;
    r.notes.push(
      `${page}: median of ${runs.length} run(s) — ${METRIC_NAMES.map((m) => `${m} ${medians[m] === undefined ? 'n/a' : fmt(m, medians[m]!)}`).join(', ')}` +
        (seconds.length ? `; Lighthouse time per run ${seconds.map((s) => s.toFixed(1)).join(' / ')} s` : ''),
    );
    pageTests(r, page, runs);
    if (existsSync(join(dir, `${page}.html`)))
      r.artifacts.push({
        name: `Lighthouse ${page} (median run).html`,
        path: join(dir, `${page}.html`),
        contentType: 'text/html',
      });
  }

  for (const m of METRIC_NAMES) {
    const values = [...perPage.values()].map((p) => p[m]).filter((v): v is number => v !== undefined);
    if (values.length) r.metrics[m] = PAGE_METRICS[m].worst === 'min' ? Math.min(...values) : Math.max(...values);
  }
  r.metrics['pages.attempted'] = byPage.size;
  r.metrics['pages.audited'] = perPage.size;
  r.metrics['pages.wrong'] = wrongPages;
  return r;
}

/** Allure entries for one proven page: its category scores and every weighted audit that is not good, from the median-performance run. */
function pageTests(r: SuiteResult, page: string, runs: Run[]): void {
  const perf = runs.map((x) => score(x.lhr, 'performance') ?? 0);
  const sorted = runs.map((x, i) => ({ x, k: perf[i]! })).sort((a, b) => a.k - b.k || a.x.run - b.x.run);
  const lhr = sorted[Math.floor((sorted.length - 1) / 2)]!.x.lhr;
  for (const [catId, cat] of Object.entries(lhr.categories)) {
    const s = typeof cat.score === 'number' ? cat.score : null;
    r.tests.push({
      id: `lighthouse › ${page} › category › ${catId}`,
      title: `${page}: ${cat.title ?? catId} score ${s === null ? 'n/a' : Math.round(s * 100)}`,
      // a score is a finding: the gate judges it with its own threshold (lighthouse.* conditions), so it never shows red by itself
      suite: 'lighthouse',
      status: 'passed',
      finding: true,
      attempts: 1,
      durationMs: 0,
      tags: ['lighthouse', catId],
      ...(s === null || s < GOOD
        ? {
            error: `${cat.title ?? catId} scored ${s === null ? 'n/a' : Math.round(s * 100)} (Lighthouse rates ≥ 90 good); the gate's thresholds are in gate/gates.ts`,
          }
        : {}),
    });
    for (const ref of cat.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (
        !a ||
        ref.weight <= 0 ||
        !SCORED_MODES.has(a.scoreDisplayMode ?? '') ||
        typeof a.score !== 'number' ||
        a.score >= GOOD
      )
        continue;
      r.tests.push({
        id: `lighthouse › ${page} › ${ref.id}`,
        title: `${page}: ${a.title ?? ref.id}`,
        suite: 'lighthouse',
        status: 'passed',
        finding: true,
        attempts: 1,
        durationMs: 0,
        tags: ['lighthouse', catId],
        error: `${a.title ?? ref.id}: score ${Math.round(a.score * 100)}${a.displayValue ? ` (${a.displayValue})` : ''}; weight ${ref.weight} in ${cat.title ?? catId}`,
      });
    }
  }
}
