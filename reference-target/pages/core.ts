/** OpenCart core pages: login, dashboard (with the security modal), permission and not-found errors. */
import type { AdminReq, App } from '../app.ts';
import { dashboardMetrics } from '../extension/models/dashboard.ts';
import { moduleRoute } from '../extension/modules.ts';
import { html, type Reply, type Req } from '../http/types.ts';
import { createRenderer, type Renderer } from '../views/render.ts';
import { formatInt, formatMoney } from './format.ts';
import { adminLink, headData, renderPage } from './layout.ts';
import { storeTotals } from './queries.ts';

export interface LoginData {
  /** `.alert.alert-danger` text chosen by the login controller (wrong credentials, lockout, invalid token). */
  error?: string;
  success?: string;
  /** deep link to come back to after login (hidden `redirect` input) */
  redirect?: string;
  username?: string;
}

let fallbackRenderer: Renderer | undefined;
const rendererOf = (app?: Pick<App, 'render'>): Renderer => {
  if (app) return (t, d) => app.render(t, d);
  fallbackRenderer ??= createRenderer();
  return fallbackRenderer;
};

/**
 * `common/login` HTML: title "Administration", `#input-username`, `#input-password`, posts to `common/login`.
 * Returns the page (wrap it with `html()`); uses `app.render` when given, else a shared renderer.
 */
export function loginPage(data: LoginData = {}, app?: Pick<App, 'render'>): string {
  const view = {
    ...headData({ title: 'Administration' }),
    action: adminLink('common/login'),
    forgotten: '',
    username: data.username ?? '',
    redirect: data.redirect ?? '',
    error_warning: data.error ?? '',
    success: data.success ?? '',
  };
  return rendererOf(app)('common/login.twig', view);
}

/** `common/dashboard`: `<h1>` Dashboard, store tiles, and the security modal sent on every load. */
export function dashboardPage(req: AdminReq, app: App): Reply {
  const totals = storeTotals(app.db);
  const hubRoute = moduleRoute('meschain_sync');
  const canHub = req.user.access.includes(hubRoute);
  const metrics = canHub ? dashboardMetrics(app.db, app.now()) : undefined;
  const crumbs = [{ label: 'Dashboard', href: adminLink('common/dashboard', req.token) }];
  return renderPage(
    app,
    req,
    'common/dashboard.twig',
    { title: 'Dashboard', breadcrumbs: crumbs },
    {
      heading_title: 'Dashboard',
      error_install: '',
      tiles: [
        // no "View more" links: the twin does not implement sale/order or catalog/product pages
        { id: 'orders', label: 'Total Orders', value: formatInt(totals.orders), href: '' },
        { id: 'sales', label: 'Total Sales', value: formatMoney(totals.sales), href: '' },
        { id: 'customers', label: 'Total Customers', value: formatInt(totals.customers), href: '' },
        { id: 'products', label: 'Total Products', value: formatInt(totals.products), href: '' },
      ],
      meschain_link: canHub ? adminLink(hubRoute, req.token) : '',
      active_marketplaces: metrics?.active_marketplaces ?? 0,
      synced_products: formatInt(metrics?.synced_products ?? 0),
      storage_dir: '/var/www/html/storage/',
    },
  );
}

/** `error/permission`: "Permission Denied!" with HTTP 200, like OpenCart. */
export function permissionPage(req: AdminReq, app: App): Reply {
  const crumbs = [{ label: 'Permission Denied!', href: adminLink('error/permission', req.token) }];
  return renderPage(
    app,
    req,
    'error/permission.twig',
    { title: 'Permission Denied!', breadcrumbs: crumbs },
    {
      heading_title: 'Permission Denied!',
      text_permission: 'You do not have permission to access this page, please refer to your system administrator.',
    },
  );
}

const isAdminReq = (req: Req | AdminReq): req is AdminReq => 'user' in req && !!req.user && 'token' in req;

/** `error/not_found`: "Page Not Found!" (HTTP 200 like OpenCart's admin; pass 404 if wanted). Works logged out too. */
export function notFoundPage(req: Req | AdminReq, app: App, status = 200): Reply {
  const data = {
    heading_title: 'Page Not Found!',
    text_not_found:
      'The page you are looking for could not be found! Please contact your administrator if the problem persists.',
  };
  if (isAdminReq(req)) {
    const crumbs = [{ label: 'Page Not Found!', href: adminLink('error/not_found', req.token) }];
    return renderPage(
      app,
      req,
      'error/not_found.twig',
      { title: 'Page Not Found!', breadcrumbs: crumbs },
      data,
      status,
    );
  }
  return html(app.render('error/not_found.twig', { ...headData({ title: 'Page Not Found!' }), ...data }), status);
}
