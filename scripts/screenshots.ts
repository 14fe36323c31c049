/**
 * `npm run screenshots`: starts the reference target, logs in as the administrator in Debian's
 * Chromium and saves a full-page PNG of every admin page (and the Allure report, when one
 * exists) under reports/screenshots/ — for looking at what the project shows a person.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { PROJECT_ROOT } from '../fixtures/settings.ts';
import { launchTarget } from '../self-tests/helpers/target.ts';
import { AdminBrowser } from '../fixtures/opencart/admin-browser.ts';
import type { FaultName } from '../reference-target/faults.ts';
import { screenshotReport } from './report-screenshot.ts';

const out = resolve(PROJECT_ROOT, 'reports', 'screenshots');
mkdirSync(out, { recursive: true });
const faults = (process.env.MESCHAIN_FAULTS ?? '').split(',').filter(Boolean) as FaultName[];
const { target, settings } = await launchTarget(faults);
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
  const mobile = process.argv.includes('--phone');
  const context = await browser.newContext(
    mobile
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 900 } },
  );
  const page = await context.newPage();
  const admin = new AdminBrowser(page, settings);
  await admin.login('admin');
  const pages = [
    'common/dashboard',
    'extension/module/meschain_sync',
    'extension/module/trendyol',
    'extension/module/reporting',
    'extension/module/log_viewer',
    'extension/module/webhooks',
    'marketplace/extension',
  ];
  for (const route of pages) {
    await admin.open(route, route === 'marketplace/extension' ? { type: 'module' } : {});
    if (route === 'common/dashboard') await admin.dismissSecurityModal();
    await page.waitForLoadState('networkidle');
    const file = resolve(out, `${route.replace(/\//g, '_')}${mobile ? '-phone' : ''}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  const report = resolve(PROJECT_ROOT, 'reports', 'allure-report', 'index.html');
  if (existsSync(report)) {
    const shot = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    console.log(await screenshotReport(shot, report, resolve(out, 'allure-report.png')));
  }
} finally {
  await browser.close();
  await target.close();
}
