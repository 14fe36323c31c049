/** Page controllers of the reference target: `(req, app) => Reply` (loginPage takes only its view data). */
export { loginPage, dashboardPage, permissionPage, notFoundPage, type LoginData } from './core.ts';
export { extensionListPage, extensionModuleFragment } from './extensions.ts';
export { hubPage, emptyChartData, statusTableShown, HUB_ROUTE } from './hub.ts';
export { marketplaceSettingsPage } from './marketplace-settings.ts';
export { reportingPage, reportParamsFromQuery } from './reporting.ts';
export { syncLogPage, syncLogFilterFromQuery } from './sync-log.ts';
export { webhooksPage } from './webhooks.ts';
export { adminLink } from './layout.ts';
export { VENDOR_FILES, VENDOR, PWA, HEAVY_SCRIPT, ICON_SIZES, iconUrl, asset } from './assets.ts';
