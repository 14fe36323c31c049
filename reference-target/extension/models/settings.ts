/** Reading and writing `oc_setting` for the extension; secrets are encrypted, answers masked. */
import type { Database } from '../../db/database.ts';
import { decryptSecret, encryptSecret, SECRET_MASK } from '../credentials.ts';
import { MARKETPLACE_SETTINGS, type Marketplace } from '../modules.ts';

export function getSetting(db: Database, key: string): string | undefined {
  return db.get<{ value: string }>('SELECT value FROM oc_setting WHERE store_id = 0 AND key = $k', { k: key })?.value;
}

export function putSetting(db: Database, code: string, key: string, value: string): void {
  db.run(
    `INSERT INTO oc_setting (store_id, code, key, value) VALUES (0, $c, $k, $v)
          ON CONFLICT (store_id, key) DO UPDATE SET value = excluded.value`,
    { c: code, k: key, v: value },
  );
}

export interface HubSettings {
  status: boolean;
  debug: boolean;
  sync_interval: number;
}

export function hubSettings(db: Database): HubSettings {
  return {
    status: getSetting(db, 'module_meschain_sync_status') === '1',
    debug: getSetting(db, 'module_meschain_sync_debug') === '1',
    sync_interval: Number(getSetting(db, 'module_meschain_sync_interval') ?? 15),
  };
}

export function marketplaceEnabled(db: Database, mp: Marketplace): boolean {
  return getSetting(db, `module_${mp}_status`) === '1';
}

/** What the browser may see: plain fields as stored, secret fields only as "stored or not". */
export interface MaskedSettings {
  marketplace: Marketplace;
  status: boolean;
  fields: { key: string; label: string; secret: boolean; value: string; stored: boolean; hint: string }[];
}

export function maskedMarketplaceSettings(db: Database, mp: Marketplace): MaskedSettings {
  return {
    marketplace: mp,
    status: marketplaceEnabled(db, mp),
    fields: MARKETPLACE_SETTINGS[mp].fields.map((f) => {
      const stored = getSetting(db, `module_${mp}_${f.key}`) ?? '';
      return {
        key: f.key,
        label: f.label,
        secret: f.secret,
        hint: f.hint,
        stored: stored !== '',
        value: f.secret ? (stored ? SECRET_MASK : '') : stored,
      };
    }),
  };
}

/** The decrypted credentials the sync engine uses (server side only). */
export function marketplaceCredentials(db: Database, mp: Marketplace, key: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of MARKETPLACE_SETTINGS[mp].fields) {
    const v = getSetting(db, `module_${mp}_${f.key}`) ?? '';
    out[f.key] = f.secret && v ? decryptSecret(v, key) : v;
  }
  return out;
}

export function storeMarketplaceSetting(
  db: Database,
  mp: Marketplace,
  field: string,
  value: string,
  secret: boolean,
  key: Buffer,
): void {
  putSetting(db, `module_${mp}`, `module_${mp}_${field}`, secret ? encryptSecret(value, key) : value);
}
