/**
 * Builds the Allure 3 report with Allure's own API (instead of `allure generate`, which never
 * evaluates a quality gate), so the gate's verdict reaches the report's own places: the title,
 * the header's exit-code badge, the variables block at the top of the Results tab, and the
 * Quality Gates tab (one entry per judged condition). Run as a child process by
 * runner/allure-report.ts:  node runner/allure-generate.ts <results> <output> <history> <gate.json> <store>
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AllureReport, readConfig } from '@allurereport/core';
import { PROJECT_ROOT } from '../fixtures/settings.ts';
import { qualityGateResults, verdictHeadline, verdictVariables, type GateWithPreflight } from '../gate/verdict-text.ts';

const [resultsDir, output, historyPath, gatePath, store = ''] = process.argv.slice(2);
if (!resultsDir || !output || !historyPath || !gatePath) {
  console.error('usage: node runner/allure-generate.ts <allure-results> <output> <history.jsonl> <gate.json> [store]');
  process.exit(2);
}
const gate = JSON.parse(readFileSync(gatePath, 'utf8')) as GateWithPreflight;
// allurerc.mjs reads the title from here (the awesome plugin's reportName is fixed when it loads)
process.env.ALLURE_REPORT_NAME = verdictHeadline(gate);
const config = await readConfig(PROJECT_ROOT, resolve(PROJECT_ROOT, 'allurerc.mjs'), {
  output,
  historyPath,
  name: process.env.ALLURE_REPORT_NAME,
});
config.variables = verdictVariables(gate, store);
const report = new AllureReport(config);
await report.start();
await report.readDirectory(resultsDir);
// before done(): done() closes the channel these travel on
report.realtimeDispatcher.sendQualityGateResults(qualityGateResults(gate));
report.realtimeDispatcher.sendGlobalExitCode({ original: 0, actual: gate.exitCode });
await report.done();
