/**
 * Playwright projects of the QA suites. Browsers: Debian's Chromium only (CHROMIUM_PATH,
 * default /usr/bin/chromium) — never a downloaded browser. The store under test comes from
 * QA_BASE_URL (set by `npm run qa` when it starts the reference target).
 */
import { defineConfig, devices } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const launchOptions = {
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'],
};
const reportsDir = process.env.QA_REPORTS_DIR || 'reports';

export default defineConfig({
  testDir: 'tests',
  outputDir: `${reportsDir}/playwright/artifacts`,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: true,
  retries: Number(process.env.QA_RETRIES ?? 1),
  workers: Number(process.env.QA_WORKERS ?? 2),
  reporter: [
    ['list'],
    ['json', { outputFile: `${reportsDir}/playwright/results.json` }],
    ['allure-playwright', { resultsDir: `${reportsDir}/allure-results`, detail: true, suiteTitle: true }],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    reducedMotion: 'reduce',
    launchOptions,
  },
  projects: [
    { name: 'api', testDir: 'tests/api' },
    { name: 'ui-desktop', testDir: 'tests/ui', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'ui-phone', testDir: 'tests/ui', use: { ...devices['Pixel 7'], launchOptions } },
    { name: 'pwa', testDir: 'tests/pwa', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'a11y', testDir: 'a11y', testMatch: /.*\.a11y\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions } },
  ],
});
