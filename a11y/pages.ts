/**
 * The admin pages the audits visit, as data: the extension's pages plus the two OpenCart core
 * pages it hooks into. `key` names report files and Lighthouse pages; `ready` is what must be on
 * screen before a page counts as settled (besides network idle and drawn charts); `modals` are
 * the dialogs audited open, with how they open and which control opened them (focus returns there).
 */
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

export const AUDIT_PAGES: readonly AuditPage[] = [
  { key: 'hub', route: 'extension/module/meschain_sync', heading: 'MesChain-Sync', ready: '#marketplace-cards' },
  { key: 'trendyol', route: 'extension/module/trendyol', heading: 'Trendyol', ready: '#form-marketplace' },
  { key: 'hepsiburada', route: 'extension/module/hepsiburada', heading: 'Hepsiburada', ready: '#form-marketplace' },
  { key: 'n11', route: 'extension/module/n11', heading: 'N11', ready: '#form-marketplace' },
  { key: 'reporting', route: 'extension/module/reporting', heading: 'Reporting', ready: '#chart-sales' },
  { key: 'log_viewer', route: 'extension/module/log_viewer', heading: 'Sync Log', ready: '#form-log-filter' },
  {
    key: 'webhooks', route: 'extension/module/webhooks', heading: 'Webhooks', ready: '#webhook-log',
    modals: [{ id: 'modal-webhook-detail', opener: '#webhook-log .btn-view' }],
  },
  {
    // `.tile`: stock OpenCart 3's dashboard tiles (and the reference target's)
    key: 'dashboard', route: 'common/dashboard', heading: 'Dashboard', ready: '#content .tile',
    modals: [{ id: 'modal-security', opener: 'on-load' }], dismissOnLoad: 'modal-security',
  },
  { key: 'extensions', route: 'marketplace/extension', params: { type: 'module' }, heading: 'Extensions', ready: '#extension legend' },
];

export function pageByKey(key: string): AuditPage {
  const p = AUDIT_PAGES.find((x) => x.key === key);
  if (!p) throw new Error(`a11y/pages.ts: expected a page key among ${AUDIT_PAGES.map((x) => x.key).join(', ')}; found ${JSON.stringify(key)}.`);
  return p;
}

/** File-name form of a route: `extension/module/webhooks` → `extension.module.webhooks`. */
export const routeSlug = (route: string): string => route.replace(/[^A-Za-z0-9_-]+/g, '.');
