/** Every admin route of the target: OpenCart core pages, the extension's pages and its actions. */
import type { AdminHandler } from '../opencart/admin.ts';
import * as pages from '../pages/index.ts';
import * as hub from './controllers/hub.ts';
import { marketplaceActions } from './controllers/marketplace.ts';
import { logViewer, reporting, webhooks } from './controllers/tools.ts';
import { MARKETPLACES } from './modules.ts';
import { installModule, uninstallModule } from '../opencart/extension-installer.ts';

export function adminRoutes(): Map<string, AdminHandler> {
  const routes = new Map<string, AdminHandler>([
    ['common/dashboard', pages.dashboardPage],
    ['error/permission', pages.permissionPage],
    ['error/not_found', pages.notFoundPage],
    ['marketplace/extension', pages.extensionListPage],
    ['extension/extension/module', (req, app) => pages.extensionModuleFragment(req, app)],
    ['extension/extension/module/install', installModule],
    ['extension/extension/module/uninstall', uninstallModule],
    ['extension/module/meschain_sync', pages.hubPage],
    ['extension/module/meschain_sync/save', hub.save],
    ['extension/module/meschain_sync/toggle', hub.toggle],
    ['extension/module/meschain_sync/testConnection', hub.testConnection],
    ['extension/module/meschain_sync/metrics', hub.metrics],
    ['extension/module/meschain_sync/chartData', hub.chart],
    ['extension/module/meschain_sync/job', hub.job],
    ['extension/module/reporting', pages.reportingPage],
    ['extension/module/reporting/generateReport', reporting.generateReport],
    ['extension/module/reporting/exportReport', reporting.exportReport],
    ['extension/module/log_viewer', pages.syncLogPage],
    ['extension/module/log_viewer/list', logViewer.list],
    ['extension/module/log_viewer/delete', logViewer.delete],
    ['extension/module/webhooks', pages.webhooksPage],
    ['extension/module/webhooks/list', webhooks.list],
    ['extension/module/webhooks/stats', webhooks.stats],
    ['extension/module/webhooks/detail', webhooks.detail],
    ['extension/module/webhooks/retry', webhooks.retry],
    ['extension/module/webhooks/delete', webhooks.delete],
  ]);
  for (const mp of MARKETPLACES) {
    routes.set(`extension/module/${mp}`, (req, app) => pages.marketplaceSettingsPage(req, app, mp));
    for (const [method, handler] of Object.entries(marketplaceActions(mp)))
      routes.set(`extension/module/${mp}/${method}`, handler);
  }
  return routes;
}
