/**
 * The MesChain-Sync modules as OpenCart sees them: route, title, kind, and for marketplaces the
 * settings fields (secret fields are encrypted at rest and masked in every answer).
 */
export const MARKETPLACES = ['trendyol', 'hepsiburada', 'n11'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

export function isMarketplace(v: unknown): v is Marketplace {
  return typeof v === 'string' && (MARKETPLACES as readonly string[]).includes(v);
}

export interface SettingField {
  key: string;
  label: string;
  secret: boolean;
  required: boolean;
  pattern?: RegExp;
  hint: string;
}

export const MARKETPLACE_SETTINGS: Record<Marketplace, { title: string; apiStyle: string; fields: SettingField[] }> = {
  trendyol: {
    title: 'Trendyol',
    apiStyle: 'REST, HTTP Basic',
    fields: [
      { key: 'api_key', label: 'API Key', secret: true, required: true, hint: '8-64 characters' },
      { key: 'api_secret', label: 'API Secret', secret: true, required: true, hint: '8-64 characters' },
      {
        key: 'supplier_id',
        label: 'Supplier ID',
        secret: false,
        required: true,
        pattern: /^\d{1,12}$/,
        hint: 'digits only',
      },
      {
        key: 'endpoint',
        label: 'API Endpoint',
        secret: false,
        required: true,
        pattern: /^https?:\/\/\S+$/,
        hint: 'http(s) URL',
      },
    ],
  },
  hepsiburada: {
    title: 'Hepsiburada',
    apiStyle: 'REST, Bearer token',
    fields: [
      {
        key: 'merchant_id',
        label: 'Merchant ID',
        secret: false,
        required: true,
        pattern: /^[A-Za-z0-9-]{4,64}$/,
        hint: 'letters, digits and dashes',
      },
      { key: 'api_token', label: 'API Token', secret: true, required: true, hint: '8-64 characters' },
      {
        key: 'endpoint',
        label: 'API Endpoint',
        secret: false,
        required: true,
        pattern: /^https?:\/\/\S+$/,
        hint: 'http(s) URL',
      },
    ],
  },
  n11: {
    title: 'N11',
    apiStyle: 'SOAP, app key and secret in the body',
    fields: [
      { key: 'app_key', label: 'App Key', secret: true, required: true, hint: '8-64 characters' },
      { key: 'app_secret', label: 'App Secret', secret: true, required: true, hint: '8-64 characters' },
      {
        key: 'endpoint',
        label: 'API Endpoint',
        secret: false,
        required: true,
        pattern: /^https?:\/\/\S+$/,
        hint: 'http(s) URL',
      },
    ],
  },
};

export type ModuleKind = 'hub' | 'marketplace' | 'tool';
export interface ModuleInfo {
  code: string;
  title: string;
  kind: ModuleKind;
  installed: boolean;
}

/** Every module of the extension, installed or listed for later, in the extensions list order. */
export const MODULES: ModuleInfo[] = [
  { code: 'meschain_sync', title: 'MesChain-Sync Hub', kind: 'hub', installed: true },
  { code: 'trendyol', title: 'MesChain-Sync Trendyol', kind: 'marketplace', installed: true },
  { code: 'hepsiburada', title: 'MesChain-Sync Hepsiburada', kind: 'marketplace', installed: true },
  { code: 'n11', title: 'MesChain-Sync N11', kind: 'marketplace', installed: true },
  { code: 'reporting', title: 'MesChain-Sync Reporting', kind: 'tool', installed: true },
  { code: 'log_viewer', title: 'MesChain-Sync Sync Log', kind: 'tool', installed: true },
  { code: 'webhooks', title: 'MesChain-Sync Webhooks', kind: 'tool', installed: true },
  { code: 'amazon', title: 'MesChain-Sync Amazon', kind: 'marketplace', installed: false },
  { code: 'ebay', title: 'MesChain-Sync eBay', kind: 'marketplace', installed: false },
  { code: 'ozon', title: 'MesChain-Sync Ozon', kind: 'marketplace', installed: false },
];

export const INSTALLED_MODULES = MODULES.filter((m) => m.installed);

/** The permission key OpenCart checks for a module (`extension/module/<code>`). */
export const moduleRoute = (code: string): string => `extension/module/${code}`;

export function moduleTitle(code: string): string {
  return MODULES.find((m) => m.code === code)?.title ?? code;
}
