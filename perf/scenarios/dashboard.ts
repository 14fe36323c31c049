/**
 * Admins watching the hub: open the dashboard once, then poll metrics and chart data the way
 * dashboard.js does. Under the stress profile each poll is tagged with its step (`stage`).
 */
import { group, sleep } from 'k6';
import exec from 'k6/execution';
import { stressStepAt } from '../config/profiles.ts';
import { chartData, hubPage, metrics } from '../lib/hub.ts';
import type { Journey } from './context.ts';

export function dashboardJourney({ cfg, data }: Journey): void {
  const stress = cfg.plan.stress;
  if (stress) exec.vu.tags.stage = String(stressStepAt(stress, (Date.now() - exec.scenario.startTime) / 1000));
  if (exec.vu.iterationInScenario === 0) group('open the hub', () => hubPage(data.session));
  group('poll metrics and charts', () => {
    metrics(data.session);
    chartData(data.session, 14);
  });
  if (cfg.plan.tuning.dashboardThinkS > 0) sleep(cfg.plan.tuning.dashboardThinkS);
}
