/**
 * The admin pages the audits visit, as data: the extension's pages plus the two OpenCart core
 * pages it hooks into. `key` names report files and Lighthouse pages; `ready` is what must be on
 * screen before a page counts as settled (besides network idle and drawn charts); `modals` are
 * the dialogs audited open, with how they open and which control opened them (focus returns there).
 */
import { ADMIN_PAGES, type AdminPage, type AdminPageName } from '../fixtures/opencart/admin-pages.ts';

export interface ModalSpec {
  /** element id of the Bootstrap modal, e.g. `modal-webhook-detail` */
  id: string;
  /** `on-load`: the page opens it by itself; otherwise the selector of the control that opens it */
  opener: 'on-load' | string;
}

export interface AuditPage {
  key: string;
  route: string;
  params?: Record<string, string>;
  /** `<h1>` text on the settled page (proves the page, not the login form, was audited) */
  heading: string;
  /** selector that must be visible once the page's own scripts finished loading */
  ready?: string;
  modals?: ModalSpec[];
  /** the page opens a modal on load that must be dismissed before the `settled` audit */
  dismissOnLoad?: string;
}

/** An audit of one of the admin pages (route, params and heading from fixtures/opencart/admin-pages.ts). */
const audit = (
  key: string,
  name: AdminPageName,
  more: Pick<AuditPage, 'ready' | 'modals' | 'dismissOnLoad'>,
): AuditPage => {
  const p: AdminPage = ADMIN_PAGES[name];
  return { key, route: p.route, ...(p.params ? { params: p.params } : {}), heading: p.heading, ...more };
};

export const AUDIT_PAGES: readonly AuditPage[] = [
  audit('hub', 'hub', { ready: '#marketplace-cards' }),
  audit('trendyol', 'trendyol', { ready: '#form-marketplace' }),
  audit('hepsiburada', 'hepsiburada', { ready: '#form-marketplace' }),
  audit('n11', 'n11', { ready: '#form-marketplace' }),
  audit('reporting', 'reporting', { ready: '#chart-sales' }),
  audit('log_viewer', 'syncLog', { ready: '#form-log-filter' }),
  audit('webhooks', 'webhooks', {
    ready: '#webhook-log',
    modals: [{ id: 'modal-webhook-detail', opener: '#webhook-log .btn-view' }],
  }),
  // `.tile`: stock OpenCart 3's dashboard tiles (and the reference target's)
  audit('dashboard', 'dashboard', {
    ready: '#content .tile',
    modals: [{ id: 'modal-security', opener: 'on-load' }],
    dismissOnLoad: 'modal-security',
  }),
  audit('extensions', 'extensions', { ready: '#extension legend' }),
];

export function pageByKey(key: string): AuditPage {
  const p = AUDIT_PAGES.find((x) => x.key === key);
  if (!p)
    throw new Error(
      `a11y/pages.ts: expected a page key among ${AUDIT_PAGES.map((x) => x.key).join(', ')}; found ${JSON.stringify(key)}.`,
    );
  return p;
}

/** File-name form of a route: `extension/module/webhooks` → `extension.module.webhooks`. */
export const routeSlug = (route: string): string => route.replace(/[^A-Za-z0-9_-]+/g, '.');
