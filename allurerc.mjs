// Allure 3 report configuration: one self-contained HTML file (opens from disk), history kept
// in reports/allure-history.jsonl with a cap. runner/allure-generate.ts builds the report with it
// and adds the gate's verdict: the title (ALLURE_REPORT_NAME), the variables block, the Quality
// Gates tab and the exit-code badge.
// (a plain object: importing the `allure` package for defineConfig would start its command line)
/** @type {import('@allurereport/plugin-api').Config} */
export default {
  name: 'MesChain-Sync QA',
  output: process.env.ALLURE_OUTPUT || './reports/allure-report',
  historyPath: process.env.ALLURE_HISTORY_PATH || './reports/allure-history.jsonl',
  historyLimit: 30,
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        reportName: process.env.ALLURE_REPORT_NAME || 'MesChain-Sync QA',
        groupBy: ['parentSuite', 'suite', 'subSuite'],
      },
    },
  },
};
