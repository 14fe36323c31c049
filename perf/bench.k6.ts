/**
 * Capacity probe for scripts/bench-load.ts: BENCH_VUS admins poll the hub (metrics + chartData)
 * without pause for BENCH_SECONDS (closed model), capped at BENCH_MAX_POLLS polls. Prints one
 * `BENCH {…}` JSON line instead of k6's summary. Not part of the gate.
 */
import { loadTargetUrl } from './config/target.ts';
import { TREND_STATS } from './config/options.ts';
import { login, type AdminSession } from './lib/auth.ts';
import { chartData, metrics } from './lib/hub.ts';
import { K6_ENV } from './lib/k6-env.ts';
import type { K6SummaryData } from './summary/summary.ts';

const num = (name: string, fallback: number): number => Number(K6_ENV[name] ?? fallback);
const baseUrl = loadTargetUrl(K6_ENV.QA_BASE_URL, K6_ENV.MESCHAIN_LOAD_ALLOW_REMOTE);
const seconds = num('BENCH_SECONDS', 10);

export const options = {
  scenarios: {
    poll: {
      executor: 'shared-iterations',
      exec: 'poll',
      vus: num('BENCH_VUS', 1),
      iterations: num('BENCH_MAX_POLLS', 50_000),
      maxDuration: `${seconds}s`,
      gracefulStop: '5s',
    },
  },
  // reporting only: makes k6 keep the poll scenario's own latency apart from setup()'s login
  thresholds: { 'http_req_duration{scenario:poll}': ['max>=0'] },
  summaryTrendStats: TREND_STATS,
  setupTimeout: '30s',
};

interface BenchData {
  session: AdminSession;
  pollsFrom: number;
}

export function setup(): BenchData {
  const session = login(
    `${baseUrl}/admin/index.php`,
    K6_ENV.OC_ADMIN_USERNAME ?? 'admin',
    K6_ENV.OC_ADMIN_PASSWORD ?? '',
  );
  return { session, pollsFrom: Date.now() };
}

export function poll(data: BenchData): void {
  metrics(data.session);
  chartData(data.session, 14);
}

export function handleSummary(data: K6SummaryData): Record<string, string> {
  const d = data.metrics['http_req_duration{scenario:poll}']?.values ?? data.metrics.http_req_duration?.values ?? {};
  const e = data.metrics.meschain_errors?.values;
  const requests = d.count ?? 0;
  const pollsFrom = (data.setup_data as BenchData | undefined)?.pollsFrom ?? Date.now();
  const windowS = Math.max(0.001, (Date.now() - pollsFrom) / 1000);
  return {
    stdout: `BENCH ${JSON.stringify({
      requests,
      rps: requests / windowS,
      windowS,
      avgMs: d.avg ?? 0,
      p95Ms: d['p(95)'] ?? 0,
      p99Ms: d['p(99)'] ?? 0,
      errorRatePct: (e?.rate ?? 0) * 100,
      runMs: data.state?.testRunDurationMs ?? 0,
    })}\n`,
  };
}
