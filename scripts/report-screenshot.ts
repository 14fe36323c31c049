/**
 * The Allure report's first screen as a lead sees it, opened on the Quality Gates tab:
 *   node scripts/report-screenshot.ts [<reports folder>] [<out.png>]
 * (defaults: reports/, reports/screenshots/allure-report.png). Waits on the report's own title and
 * on the tab's first entry, never on a clock: the single-file report takes a few seconds to unpack.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { PROJECT_ROOT, readQaSettings } from '../fixtures/settings.ts';

export async function screenshotReport(page: Page, reportHtml: string, out: string): Promise<string> {
  await page.goto(`file://${reportHtml}`);
  const tab = page.getByText('Quality Gates', { exact: false }).first();
  await tab.waitFor({ timeout: 60_000 });
  await tab.click();
  // the tab's first entry: a condition id such as tests.pass_rate
  await page
    .getByText(/^[a-z0-9_]+\.[a-z0-9_.]+$/)
    .first()
    .waitFor({ timeout: 30_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  return out;
}

if (import.meta.main) {
  const reportsDir = resolve(PROJECT_ROOT, process.argv[2] ?? 'reports');
  const out = resolve(PROJECT_ROOT, process.argv[3] ?? resolve(reportsDir, 'screenshots', 'allure-report.png'));
  const settings = readQaSettings({ ...process.env, QA_BASE_URL: 'http://127.0.0.1:1' });
  const browser = await chromium.launch({
    executablePath: settings.chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    console.log(await screenshotReport(page, resolve(reportsDir, 'allure-report', 'index.html'), out));
  } finally {
    await browser.close();
  }
}
