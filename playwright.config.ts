/**
 * Playwright projects of the QA suites. Browser: Debian's Chromium only — its old headless shell
 * (PLAYWRIGHT_CHROMIUM_PATH, default /usr/bin/chromium-headless-shell, package
 * chromium-headless-shell), never a downloaded browser.
 *
 * The store under test (fixtures/store.ts): with QA_BASE_URL empty every worker starts its own
 * reference target (own data, simulators and ports), so workers never see each other's writes;
 * with QA_BASE_URL set (a real store, or a target started by hand) the run has one worker.
 *
 * Every worker logs in once per role it needs (fixtures/auth/sessions.ts), shared by the API
 * client and the browser, and logs out when it ends; `ui-desktop`, `ui-phone` and `pwa` run as
 * `admin` unless a spec says `test.use({ role: 'viewer' })`. After the run the global teardown
 * masks secrets and session tokens in traces and Allure attachments.
 */
import { defineConfig, devices } from '@playwright/test';
import type { AuthOptions } from './fixtures/auth/fixtures.ts';
import { retriesFor, workersFor } from './fixtures/store.ts';
import { hostResolverRules } from './fixtures/third-party.ts';

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium-headless-shell';
const launchOptions = {
  executablePath: chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    '--disable-dev-shm-usage',
    // third parties (web fonts, CDNs) do not resolve unless QA_THIRD_PARTY_ALLOW names them (fixtures/third-party.ts)
    `--host-resolver-rules=${hostResolverRules()}`,
  ],
};
const reportsDir = process.env.QA_REPORTS_DIR || 'reports';
// UI and PWA projects: logged in as admin; an action that cannot happen (a button covered on a
// phone) fails after 10 s with its reason instead of at the test timeout
const asAdmin = { role: 'admin', actionTimeout: 10_000, navigationTimeout: 15_000 } as const;

export default defineConfig<AuthOptions>({
  testDir: 'tests',
  outputDir: `${reportsDir}/playwright/artifacts`,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: true,
  retries: retriesFor(),
  workers: workersFor(),
  globalTeardown: './fixtures/auth/global-teardown.ts',
  reporter: [
    ['list'],
    ['json', { outputFile: `${reportsDir}/playwright/results.json` }],
    ['allure-playwright', { resultsDir: `${reportsDir}/allure-results`, detail: true, suiteTitle: true }],
    // shards and CI jobs keep a blob report so `npm run qa -- --merge` can combine them
    ...(process.env.QA_BLOB ? [['blob', { outputDir: `${reportsDir}/blob` }] as const] : []),
  ],
  use: {
    // Playwright's CI recommendation: a trace of the retry of a failed test (a real failure fails
    // again, with its trace; a flaky one keeps the trace of its passing retry). Recording every
    // test costs about a fifth of the suite's time on 2 cores. Without retries, failures keep theirs.
    trace: retriesFor() > 0 ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    reducedMotion: 'reduce',
    launchOptions,
  },
  projects: [
    { name: 'api', testDir: 'tests/api' },
    { name: 'ui-desktop', testDir: 'tests/ui', use: { ...devices['Desktop Chrome'], launchOptions, ...asAdmin } },
    {
      name: 'ui-phone',
      testDir: 'tests/ui',
      grepInvert: /@desktop-only/,
      use: { ...devices['Pixel 7'], launchOptions, ...asAdmin },
    },
    { name: 'pwa', testDir: 'tests/pwa', use: { ...devices['Desktop Chrome'], launchOptions, ...asAdmin } },
    { name: 'a11y', testDir: 'a11y', testMatch: /.*\.a11y\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions } },
  ].map(coreOnlyWhereAsked),
});

/**
 * Projects the runner needs only for the core suite (QA_CORE_ONLY_PROJECTS, set by runner/stages/preflight.ts:
 * `--suite core` alone, or a store without the extension) run only the tests tagged @core.
 */
function coreOnlyWhereAsked<P extends { name: string }>(p: P): P & { grep?: RegExp } {
  const only = (process.env.QA_CORE_ONLY_PROJECTS ?? '').split(',');
  return only.includes(p.name) ? { ...p, grep: /@core/ } : p;
}
