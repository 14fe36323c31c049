/**
 * Every value a user or a marketplace can store that an admin page or modal shows back: the
 * extension's output-encoding surface, as data. `tests/ui/stored-xss.spec.ts` generates one test
 * per field (desktop and phone): it stores a script payload through `via` and asserts that every
 * place in `shownOn` renders it as text.
 *
 * Free-text parameters of state-changing routes that no page shows are listed in NOT_SHOWN with
 * the reason; a self-test fails when a free-text parameter is in neither list.
 */
import { ROUTES, type RouteContract } from './meschain-routes.ts';
import { MARKETPLACES } from './marketplaces.ts';

/** Who can put the value there: the bar an attacker has to clear. */
export type Setter = 'administrator' | 'marketplace (signed webhook)' | 'anyone (unsigned webhook)';

export interface ShownOn {
  /** admin page route */
  route: string;
  /** what has to happen before the value is on screen */
  reveal: 'page load' | 'webhook details modal' | 'report refresh';
  /** where the value appears; `input` means as the value of a form field */
  where: string;
}

export interface StoredField {
  id: string;
  setBy: Setter;
  /** a route id of the contract (`<mp>` for each marketplace), or `webhook:<event>` / `webhook:unsigned` */
  via: string;
  /** the parameter, header or payload path the value travels in */
  field: string;
  /** the value must match this to be stored at all (the payload is shaped to it) */
  shape?: 'url' | 'short';
  shownOn: ShownOn[];
}

export const MARKETPLACE_IDS = MARKETPLACES;

export const STORED_FIELDS: StoredField[] = [
  ...MARKETPLACE_IDS.flatMap((mp): StoredField[] => [
    {
      id: `${mp}.endpoint`,
      setBy: 'administrator',
      via: `${mp}.save`,
      field: 'endpoint',
      shape: 'url',
      shownOn: [{ route: `extension/module/${mp}`, reveal: 'page load', where: 'input #input-endpoint' }],
    },
    {
      id: `${mp}.category_mapping.name`,
      setBy: 'administrator',
      via: `${mp}.save_category_mapping`,
      field: 'marketplace_category_name',
      shownOn: [{ route: `extension/module/${mp}`, reveal: 'page load', where: '#category-mapping' }],
    },
  ]),
  {
    id: 'webhook.payload',
    setBy: 'anyone (unsigned webhook)',
    via: 'webhook:unsigned',
    field: 'raw body',
    shownOn: [
      { route: 'extension/module/webhooks', reveal: 'webhook details modal', where: '#webhook-detail-payload' },
    ],
  },
  {
    id: 'webhook.signature',
    setBy: 'anyone (unsigned webhook)',
    via: 'webhook:unsigned',
    field: 'X-Trendyol-Signature header',
    shape: 'short',
    shownOn: [
      {
        route: 'extension/module/webhooks',
        reveal: 'webhook details modal',
        where: '#modal-webhook-detail [data-field="signature"]',
      },
    ],
  },
  {
    id: 'webhook.stock-updated.sku',
    setBy: 'marketplace (signed webhook)',
    via: 'webhook:stock-updated',
    field: 'data.sku (echoed in the delivery error)',
    shownOn: [
      {
        route: 'extension/module/webhooks',
        reveal: 'webhook details modal',
        where: '#modal-webhook-detail [data-field="error"]',
      },
    ],
  },
  {
    id: 'webhook.order-created.line-name',
    setBy: 'marketplace (signed webhook)',
    via: 'webhook:order-created',
    field: "data.lines[].name (the order line's product name)",
    shownOn: [
      { route: 'extension/module/reporting', reveal: 'page load', where: '#top-products' },
      { route: 'extension/module/reporting', reveal: 'report refresh', where: '#top-products' },
    ],
  },
];

/** Free-text parameters that are stored but never shown back, or not stored at all — with why. */
export const NOT_SHOWN: Record<string, string> = {
  'trendyol.save api_key': 'a secret: stored encrypted, shown only as "stored"',
  'trendyol.save api_secret': 'a secret: stored encrypted, shown only as "stored"',
  'hepsiburada.save api_token': 'a secret: stored encrypted, shown only as "stored"',
  'n11.save app_key': 'a secret: stored encrypted, shown only as "stored"',
  'n11.save app_secret': 'a secret: stored encrypted, shown only as "stored"',
};

/** `route-id param` of every free-text parameter of a state-changing route (no enum, no tight pattern). */
export function freeTextParams(routes: readonly RouteContract[] = ROUTES): string[] {
  const tight = (pattern?: string) => !!pattern && !/\\S|\.\*|\.\+/.test(pattern);
  return routes
    .filter((r) => r.changesState)
    .flatMap((r) => r.params.filter((p) => p.type === 'string' && !tight(p.pattern)).map((p) => `${r.id} ${p.name}`));
}

/** Free-text parameters neither in STORED_FIELDS nor in NOT_SHOWN: nobody said where they are shown. */
export function unplacedFreeText(routes: readonly RouteContract[] = ROUTES): string[] {
  const placed = new Set([...STORED_FIELDS.map((f) => `${f.via} ${f.field}`), ...Object.keys(NOT_SHOWN)]);
  return freeTextParams(routes).filter((p) => !placed.has(p));
}
