/**
 * `node a11y/lighthouse/cli.ts [--pages hub,reporting|all] [--runs 3] [--profile local]`: runs the
 * Lighthouse audits against QA_BASE_URL (the store must be running) and writes them under
 * <QA_REPORTS_DIR or reports>/lighthouse/. For trying things and for CI jobs that run it alone.
 */
import { parseArgs } from 'node:util';
import { loadDotEnv, readQaSettings } from '../../fixtures/settings.ts';
import { reportsDir } from '../axe-record.ts';
import { lighthouseOptionsFromEnv } from './config.ts';
import { runLighthouse } from './run-lighthouse.ts';

loadDotEnv();
const { values } = parseArgs({
  options: { pages: { type: 'string' }, runs: { type: 'string' }, profile: { type: 'string', default: 'local' } },
});
const env = {
  ...process.env,
  ...(values.pages ? { QA_LIGHTHOUSE_PAGES: values.pages } : {}),
  ...(values.runs ? { QA_LIGHTHOUSE_RUNS: values.runs } : {}),
};
const { pages, runs } = lighthouseOptionsFromEnv(env);
const profile = values.profile;
if (profile !== 'local' && profile !== 'staging' && profile !== 'production') {
  console.error(`--profile: expected local, staging or production; found ${JSON.stringify(profile)}.`);
  process.exit(2);
}
const settings = readQaSettings();
const started = performance.now();
const { reports } = await runLighthouse({
  baseUrl: settings.baseUrl,
  settings,
  reportsDir: reportsDir(),
  runs,
  ...(pages ? { pages } : {}),
  gateProfile: profile,
});
console.log(`[lighthouse] ${reports.length} file(s) written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
