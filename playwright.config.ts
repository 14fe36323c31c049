/**
 * Playwright projects of the QA suites. Browsers: Debian's Chromium only (CHROMIUM_PATH,
 * default /usr/bin/chromium) — never a downloaded browser. The store under test comes from
 * QA_BASE_URL (set by `npm run qa` when it starts the reference target).
 *
 * UI and PWA: `setup` logs in once per role (admin, viewer) and saves the cookie storage state
 * and the user_token under <QA_REPORTS_DIR>/.auth/; `ui-desktop`, `ui-phone` and `pwa` depend on
 * it and run as `admin` unless a spec says `test.use({ role: 'viewer' })`; `teardown` logs those
 * sessions out and masks secrets in the run's traces and Allure attachments (fixtures/auth/).
 */
import { defineConfig, devices } from '@playwright/test';
import type { AuthOptions } from './fixtures/auth/fixtures.ts';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const launchOptions = {
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'],
};
const reportsDir = process.env.QA_REPORTS_DIR || 'reports';
// UI and PWA projects: logged in as admin from the setup project; an action that cannot happen
// (a button covered on a phone) fails after 10 s with its reason instead of at the test timeout
const asAdmin = { role: 'admin', session: 'setup', actionTimeout: 10_000, navigationTimeout: 15_000 } as const;

export default defineConfig<AuthOptions>({
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
    // shards and CI jobs keep a blob report so `npm run qa -- --merge` can combine them
    ...(process.env.QA_BLOB ? [['blob', { outputDir: `${reportsDir}/blob` }] as const] : []),
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    reducedMotion: 'reduce',
    launchOptions,
  },
  projects: [
    { name: 'api', testDir: 'tests/api' },
    {
      // types the password: no trace, screenshot or video of it, ever
      name: 'setup', testDir: 'fixtures/auth', testMatch: /.*\.setup\.ts$/, teardown: 'teardown', retries: 0,
      use: { ...devices['Desktop Chrome'], launchOptions, trace: 'off', screenshot: 'off', video: 'off' },
    },
    { name: 'teardown', testDir: 'fixtures/auth', testMatch: /.*\.teardown\.ts$/, retries: 0 },
    { name: 'ui-desktop', testDir: 'tests/ui', dependencies: ['setup'], use: { ...devices['Desktop Chrome'], launchOptions, ...asAdmin } },
    { name: 'ui-phone', testDir: 'tests/ui', grepInvert: /@desktop-only/, dependencies: ['setup'], use: { ...devices['Pixel 7'], launchOptions, ...asAdmin } },
    { name: 'pwa', testDir: 'tests/pwa', dependencies: ['setup'], use: { ...devices['Desktop Chrome'], launchOptions, ...asAdmin } },
    { name: 'a11y', testDir: 'a11y', testMatch: /.*\.a11y\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions } },
  ],
});
