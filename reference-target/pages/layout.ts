/** What every admin page template shares: head assets, header, left menu, PWA links. */
import type { AdminReq, App } from '../app.ts';
import { moduleRoute } from '../extension/modules.ts';
import { html, type Reply } from '../http/types.ts';
import { HEAVY_SCRIPT, HEAVY_SCRIPT_COUNT, PWA, SCRIPTS, STYLES, VENDOR, iconUrl } from './assets.ts';

/** `index.php?route=<route>&user_token=<token>[&k=v...]`, relative to /admin/ like OpenCart's links. */
export function adminLink(route: string, token?: string, params: Record<string, string | number> = {}): string {
  let url = `index.php?route=${route}`;
  if (token) url += `&user_token=${encodeURIComponent(token)}`;
  for (const [k, v] of Object.entries(params)) url += `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
  return url;
}

export interface MenuItem {
  id: string;
  label: string;
  href: string;
  active: boolean;
  children: MenuItem[];
}

const MESCHAIN_MENU: { code: string; label: string }[] = [
  { code: 'meschain_sync', label: 'Dashboard (Hub)' },
  { code: 'trendyol', label: 'Trendyol' },
  { code: 'hepsiburada', label: 'Hepsiburada' },
  { code: 'n11', label: 'N11' },
  { code: 'reporting', label: 'Reporting' },
  { code: 'log_viewer', label: 'Sync Log' },
  { code: 'webhooks', label: 'Webhooks' },
];

/** Left column: like OpenCart's column_left, only the entries the user group may access. */
export function menu(req: AdminReq): MenuItem[] {
  const can = (route: string): boolean => req.user.access.includes(route);
  const item = (id: string, label: string, route: string, children: MenuItem[] = [], params = {}): MenuItem => ({
    id,
    label,
    href: adminLink(route, req.token, params),
    active: req.route === route || children.some((c) => c.active),
    children,
  });
  const items: MenuItem[] = [item('menu-dashboard', 'Dashboard', 'common/dashboard')];
  if (can('marketplace/extension'))
    items.push(item('menu-extension', 'Extensions', 'marketplace/extension', [], { type: 'module' }));
  const meschain = MESCHAIN_MENU.filter((m) => can(moduleRoute(m.code))).map((m) =>
    item(`menu-meschain-${m.code}`, m.label, moduleRoute(m.code)),
  );
  if (meschain.length > 0) {
    items.push({
      id: 'menu-meschain',
      label: 'MesChain-Sync',
      href: meschain[0]!.href,
      active: meschain.some((m) => m.active),
      children: meschain,
    });
  }
  return items;
}

export interface PageOptions {
  title: string;
  /** page scripts after the shared ones (already absolute URLs) */
  scripts?: string[];
  charts?: boolean;
  /** the `a11y-regression` fault: no alt text, no labels, low-contrast text */
  a11yBroken?: boolean;
  /** the `heavy-page` fault: 60 extra render-blocking scripts in <head> */
  heavy?: boolean;
  breadcrumbs?: { label: string; href: string }[];
}

/** Template data of header/column_left/footer for a logged-in page. */
export function layoutData(req: AdminReq, opts: PageOptions): Record<string, unknown> {
  return {
    ...headData(opts),
    logged: true,
    username: req.user.username,
    user_token: req.token,
    home: adminLink('common/dashboard', req.token),
    logout: adminLink('common/logout', req.token),
    menu: menu(req),
    breadcrumbs: [{ label: 'Home', href: adminLink('common/dashboard', req.token) }, ...(opts.breadcrumbs ?? [])],
  };
}

/** Head, PWA and asset data shared by every page, logged in or not. */
export function headData(opts: PageOptions): Record<string, unknown> {
  const scripts: string[] = [VENDOR.jquery, VENDOR.bootstrapJs];
  if (opts.charts) scripts.push(VENDOR.chartJs);
  scripts.push(SCRIPTS.common, SCRIPTS.pwa);
  if (opts.scripts && opts.scripts.length > 0) scripts.push(SCRIPTS.api, ...opts.scripts);
  return {
    lang: 'en',
    title: opts.title,
    styles: [VENDOR.bootstrapCss, STYLES.admin, STYLES.meschain],
    scripts,
    // Stryker disable next-line all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
    heavy_scripts: opts.heavy ? Array.from({ length: HEAVY_SCRIPT_COUNT }, (_, i) => `${HEAVY_SCRIPT}?n=${i + 1}`) : [],
    manifest_url: PWA.manifest,
    sw_url: PWA.serviceWorker,
    sw_scope: PWA.scope,
    theme_color: PWA.themeColor,
    favicon: iconUrl(96),
    touch_icon: iconUrl(192),
    logo: iconUrl(72),
    a11y_broken: opts.a11yBroken === true,
    logged: false,
    breadcrumbs: [],
    menu: [],
  };
}

/** Renders a full page template with the layout data merged under the page's own data. */
export function renderPage(
  app: Pick<App, 'render'>,
  req: AdminReq,
  template: string,
  opts: PageOptions,
  data: Record<string, unknown>,
  status = 200,
): Reply {
  return html(app.render(template, { ...layoutData(req, opts), ...data }), status);
}
