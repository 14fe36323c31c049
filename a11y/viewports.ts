/** The viewports every page is audited on, as data (Playwright's device descriptors, minus the browser type). */
import { devices } from '@playwright/test';

const { defaultBrowserType: _desktopBrowser, ...desktop } = devices['Desktop Chrome'];
const { defaultBrowserType: _phoneBrowser, ...phone } = devices['Pixel 7'];

export const VIEWPORTS = { desktop, phone } as const;
export type ViewportName = keyof typeof VIEWPORTS;
export const VIEWPORT_NAMES = Object.keys(VIEWPORTS) as ViewportName[];
