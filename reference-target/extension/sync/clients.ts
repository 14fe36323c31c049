/** Builds the API client of one marketplace from its settings (endpoint + decrypted credentials). */
import { MARKETPLACE_SETTINGS, type Marketplace } from '../modules.ts';
import { SECRET_MASK } from '../credentials.ts';
import { MarketplaceHttp, type RetryPolicy } from './http-client.ts';
import { HepsiburadaClient } from './hepsiburada-client.ts';
import { N11Client } from './n11-client.ts';
import { DEFAULT_MAX_POLLS } from './polling.ts';
import { TrendyolClient } from './trendyol-client.ts';
import { MarketplaceConfigError, type MarketplaceClient } from './types.ts';

export interface ClientOptions {
  policy: RetryPolicy;
  batchPollMs: number;
  signal?: AbortSignal;
  onAttempts?: (attempts: number) => void;
}

/** The values of the secret settings fields: they must never show up in a message or log. */
export function secretValues(mp: Marketplace, settings: Record<string, string>): string[] {
  return MARKETPLACE_SETTINGS[mp].fields
    .filter((f) => f.secret)
    .map((f) => settings[f.key] ?? '')
    .filter((v) => v !== '');
}

/** Stored settings overlaid with the given ones; an empty or masked given value keeps the stored one. */
export function mergeSettings(
  stored: Record<string, string>,
  given: Record<string, string> | undefined,
): Record<string, string> {
  const out = { ...stored };
  for (const [k, v] of Object.entries(given ?? {})) if (v !== '' && v !== SECRET_MASK) out[k] = v;
  return out;
}

/** Checks that every required field is present and the endpoint is an http(s) URL. */
export function checkSettings(mp: Marketplace, settings: Record<string, string>): void {
  const { title, fields } = MARKETPLACE_SETTINGS[mp];
  const missing = fields.filter((f) => f.required && !(settings[f.key] ?? '').trim()).map((f) => f.key);
  if (missing.length > 0) {
    throw new MarketplaceConfigError(
      `${title} settings incomplete: expected ${fields.map((f) => f.key).join(', ')}; missing ${missing.join(', ')}`,
    );
  }
  const endpoint = settings.endpoint ?? '';
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    /* reported below */
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new MarketplaceConfigError(
      `${title} endpoint: expected an http(s) URL; found ${JSON.stringify(endpoint.slice(0, 100))}`,
    );
  }
}

export function createClient(
  mp: Marketplace,
  settings: Record<string, string>,
  opts: ClientOptions,
): MarketplaceClient {
  checkSettings(mp, settings);
  const s = (k: string) => settings[k] ?? '';
  const poll = {
    intervalMs: opts.batchPollMs,
    maxPolls: DEFAULT_MAX_POLLS,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const http = (headers: Record<string, string>) =>
    new MarketplaceHttp({
      title: MARKETPLACE_SETTINGS[mp].title,
      endpoint: s('endpoint'),
      headers,
      policy: opts.policy,
      secrets: secretValues(mp, settings),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onAttempts ? { onAttempts: opts.onAttempts } : {}),
    });
  switch (mp) {
    case 'trendyol':
      return new TrendyolClient(
        http({
          authorization: `Basic ${Buffer.from(`${s('api_key')}:${s('api_secret')}`).toString('base64')}`,
          'user-agent': `${s('supplier_id')} - SelfIntegration`,
        }),
        poll,
        { supplierId: s('supplier_id') },
      );
    case 'hepsiburada':
      return new HepsiburadaClient(
        http({ authorization: `Bearer ${s('api_token')}`, 'user-agent': 'MesChain-Sync' }),
        poll,
        { merchantId: s('merchant_id') },
      );
    case 'n11':
      return new N11Client(http({ 'user-agent': 'MesChain-Sync' }), {
        appKey: s('app_key'),
        appSecret: s('app_secret'),
      });
  }
}
