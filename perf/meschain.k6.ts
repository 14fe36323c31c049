/**
 * The MesChain-Sync load suite: one k6 scenario per journey (perf/scenarios/), requests through
 * one module per endpoint family (perf/lib/), profiles and bounds in perf/config/profiles.ts,
 * thresholds from the gate spec (gate/gates.ts). Run it through perf/run-k6.ts (`npm run qa`),
 * or by hand:  k6 run -e MESCHAIN_LOAD_PROFILE=smoke perf/meschain.k6.ts  (with QA_BASE_URL and
 * the OC_ADMIN_* / TRENDYOL_WEBHOOK_SECRET settings in the environment).
 */
import { k6Options } from './config/options.ts';
import { readRunConfig } from './config/run-config.ts';
import { login } from './lib/auth.ts';
import { K6_ENV } from './lib/k6-env.ts';
import type { SetupData } from './scenarios/context.ts';
import { dashboardJourney } from './scenarios/dashboard.ts';
import { orderImportJourney } from './scenarios/order-import.ts';
import { productSyncJourney } from './scenarios/product-sync.ts';
import { webhookJourney } from './scenarios/webhook-burst.ts';
import { buildSummary, textSummary, type K6SummaryData } from './summary/summary.ts';

const cfg = readRunConfig(K6_ENV);

export const options = k6Options(cfg.plan, cfg.gateProfile);

export function setup(): SetupData {
  return { session: login(cfg.adminEntry, cfg.username, cfg.password) };
}

export function dashboard(data: SetupData): void {
  dashboardJourney({ cfg, data });
}
export function product_sync(data: SetupData): void {
  productSyncJourney({ cfg, data });
}
export function order_import(data: SetupData): void {
  orderImportJourney({ cfg, data });
}
export function webhook_burst(data: SetupData): void {
  webhookJourney({ cfg, data });
}

export function handleSummary(data: K6SummaryData): Record<string, string> {
  const summary = buildSummary(data, cfg.plan, cfg.gateProfile, cfg.baseUrl);
  return { [cfg.summaryFile]: `${JSON.stringify(summary, null, 2)}\n`, stdout: textSummary(summary) };
}
