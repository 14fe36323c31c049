// Allure 3 report configuration: one self-contained HTML file (opens from disk), history kept
// in reports/allure-history.jsonl with a cap. The gate engine (issue B) adds its own data.
import { defineConfig } from 'allure';

export default defineConfig({
  name: 'MesChain-Sync QA',
  output: process.env.ALLURE_OUTPUT || './reports/allure-report',
  historyPath: process.env.ALLURE_HISTORY_PATH || './reports/allure-history.jsonl',
  historyLimit: 30,
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        reportName: 'MesChain-Sync QA',
        groupBy: ['parentSuite', 'suite', 'subSuite'],
      },
    },
  },
});
