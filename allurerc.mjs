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
  // Allure 3's report reads its categories from here (a categories.json in the results is ignored)
  categories: [
    { name: 'Quality gate: condition failed', matchedStatuses: ['failed'], messageRegex: '^FAILED: .*' },
    {
      name: 'Could not evaluate (store, settings or tool)',
      matchedStatuses: ['broken'],
      messageRegex: '^(ERROR: .*|could not evaluate.*|.*COULD NOT EVALUATE.*)',
    },
    {
      name: 'Security findings',
      matchedStatuses: ['failed'],
      messageRegex: '.*(permission|signature|secret|token|CSV|CORS|lockout).*',
    },
    { name: 'Product defects', matchedStatuses: ['failed'] },
    { name: 'Test defects', matchedStatuses: ['broken'] },
  ],
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
