/** A bulk product sync: queue a push job, then poll it until it is done (bounded polls). */
import { check, group, sleep } from 'k6';
import exec from 'k6/execution';
import { job, type JobState } from '../lib/hub.ts';
import { MARKETPLACES, syncProducts } from '../lib/marketplace.ts';
import type { Journey } from './context.ts';

function pollJob(j: Journey, jobId: number): JobState | undefined {
  const t = j.cfg.plan.tuning;
  let last: JobState | undefined;
  for (let i = 0; i < t.jobMaxPolls; i++) {
    sleep(t.jobPollIntervalS);
    last = job(j.data.session, jobId);
    if (!last || last.status === 'done' || last.status === 'failed') break;
  }
  return last;
}

export function productSyncJourney(j: Journey): void {
  const t = j.cfg.plan.tuning;
  const mp = MARKETPLACES[exec.scenario.iterationInTest % MARKETPLACES.length] ?? 'trendyol';
  const jobId = group('queue a bulk sync', () => syncProducts(j.data.session, mp, t.syncLimit));
  if (jobId === undefined) return;
  const last = group('poll the job', () => pollJob(j, jobId));
  const within = Math.round(t.jobMaxPolls * t.jobPollIntervalS);
  check(last, {
    [`product_sync: job done within ${within} s`]: (s) => s?.status === 'done' && s.processed === s.total,
  });
}
