/**
 * Marketplace settings `extension/module/<trendyol|hepsiburada|n11>`: credentials form (secrets are
 * write-only: empty password inputs with a "value stored" placeholder), test connection, category mapping.
 */
import type { AdminReq, App } from '../app.ts';
import { maskedMarketplaceSettings } from '../extension/models/settings.ts';
import { MARKETPLACE_SETTINGS, isMarketplace, moduleRoute, type Marketplace } from '../extension/modules.ts';
import type { Reply } from '../http/types.ts';
import { SCRIPTS } from './assets.ts';
import { adminLink, renderPage } from './layout.ts';
import { categories, categoryMappings } from './queries.ts';

export interface SettingsFieldView {
  key: string;
  label: string;
  secret: boolean;
  required: boolean;
  stored: boolean;
  /** always '' for secret fields: neither the secret nor its mask ever reaches the page */
  value: string;
  placeholder: string;
  help: string;
  input_id: string;
}

export function settingsFieldViews(app: App, mp: Marketplace): SettingsFieldView[] {
  const masked = maskedMarketplaceSettings(app.db, mp);
  return MARKETPLACE_SETTINGS[mp].fields.map((f) => {
    const m = masked.fields.find((x) => x.key === f.key);
    const stored = m?.stored ?? false;
    return {
      key: f.key,
      label: f.label,
      secret: f.secret,
      required: f.required,
      stored,
      value: f.secret ? '' : (m?.value ?? ''),
      placeholder: f.secret
        ? stored
          ? 'A value is stored (hidden). Type to replace it.'
          : `Not set. Enter the ${f.label}.`
        : f.label,
      help: f.secret ? `${f.hint}. Write-only: leave empty to keep the stored value.` : f.hint,
      input_id: `input-${f.key.replace(/_/g, '-')}`,
    };
  });
}

export function marketplaceUrls(mp: Marketplace, token: string): Record<string, string> {
  const route = moduleRoute(mp);
  return {
    save: adminLink(`${route}/save`, token),
    test_connection: adminLink(`${route}/test_connection`, token),
    category_mapping: adminLink(`${route}/category_mapping`, token),
    save_category_mapping: adminLink(`${route}/save_category_mapping`, token),
    delete_category_mapping: adminLink(`${route}/delete_category_mapping`, token),
  };
}

/** The marketplace comes from the third route segment unless given. Unknown marketplace: throws. */
export function marketplaceSettingsPage(req: AdminReq, app: App, marketplace?: Marketplace): Reply {
  const mp = marketplace ?? req.route.split('/')[2];
  if (!isMarketplace(mp))
    throw new Error(`expected a marketplace route extension/module/<trendyol|hepsiburada|n11>; found ${req.route}`);
  const def = MARKETPLACE_SETTINGS[mp];
  const urls = marketplaceUrls(mp, req.token);
  // Stryker disable next-line all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
  const a11yBroken = app.faults.has('a11y-regression');
  const crumbs = [
    { label: 'Extensions', href: adminLink('marketplace/extension', req.token, { type: 'module' }) },
    { label: `MesChain-Sync ${def.title}`, href: adminLink(moduleRoute(mp), req.token) },
  ];
  return renderPage(
    app,
    req,
    'extension/module/meschain/marketplace_settings.twig',
    {
      title: `${def.title} – MesChain-Sync`,
      scripts: [SCRIPTS.marketplaceSettings],
      a11yBroken,
      breadcrumbs: crumbs,
    },
    {
      heading_title: `${def.title} settings`,
      marketplace: mp,
      marketplace_title: def.title,
      api_style: def.apiStyle,
      status: maskedMarketplaceSettings(app.db, mp).status,
      fields: settingsFieldViews(app, mp),
      save_url: urls.save,
      test_url: urls.test_connection,
      mapping_save_url: urls.save_category_mapping,
      categories: categories(app.db),
      mappings: categoryMappings(app.db, mp),
      page_actions: [
        {
          id: 'button-back',
          label: 'Back to dashboard',
          class: 'btn-default',
          href: adminLink(moduleRoute('meschain_sync'), req.token),
        },
      ],
      page_data: { marketplace: mp, urls },
    },
  );
}
