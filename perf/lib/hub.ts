/** The hub `extension/module/meschain_sync`: dashboard page, metrics, chart data, sync jobs. */
import { check } from 'k6';
import { adminUrl, sessionHeaders, type AdminSession } from './auth.ts';
import { call, checkAnswer, type Answer } from './http.ts';

const HUB = 'extension/module/meschain_sync';

export function hubPage(s: AdminSession): Answer {
  const a = call({
    name: 'hub.page',
    method: 'GET',
    url: adminUrl(s, HUB),
    headers: { Cookie: `OCSESSID=${s.sessionId}` },
    status: 200,
    expect: 'page',
  });
  check(a.res, { 'hub.page: is the MesChain-Sync hub': (r) => /<h1[^>]*>[^<]*MesChain-Sync/.test(r.body ?? '') });
  return a;
}

export function metrics(s: AdminSession): Answer {
  const a = call({
    name: 'hub.metrics',
    method: 'GET',
    url: adminUrl(s, `${HUB}/metrics`),
    headers: sessionHeaders(s),
    status: 200,
    expect: 'json',
  });
  checkAnswer('hub.metrics', a, {
    'has metrics.total_products': (j) =>
      typeof (j.metrics as Record<string, unknown> | undefined)?.total_products === 'number',
  });
  return a;
}

export function chartData(s: AdminSession, days = 14): Answer {
  const a = call({
    name: 'hub.chartData',
    method: 'GET',
    url: adminUrl(s, `${HUB}/chartData`, { days }),
    headers: sessionHeaders(s),
    status: 200,
    expect: 'json',
  });
  checkAnswer('hub.chartData', a, { 'has chart': (j) => typeof j.chart === 'object' && j.chart !== null });
  return a;
}

export interface JobState {
  status: string;
  processed: number;
  total: number;
}

export function job(s: AdminSession, jobId: number): JobState | undefined {
  const a = call({
    name: 'hub.job',
    method: 'GET',
    url: adminUrl(s, `${HUB}/job`, { job_id: jobId }),
    headers: sessionHeaders(s),
    status: 200,
    expect: 'json',
  });
  const j = a.json?.job as Record<string, unknown> | undefined;
  checkAnswer('hub.job', a, { 'has job.status': () => typeof j?.status === 'string' });
  return j && typeof j.status === 'string'
    ? { status: j.status, processed: Number(j.processed), total: Number(j.total) }
    : undefined;
}
