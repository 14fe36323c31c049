/**
 * Reference-target configuration, read from the environment (and `.env` at the project root,
 * when present). Every setting is listed with a comment in `.env.example`.
 */
import { MAX_DATA_SCALE } from './db/growth.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFaultList, type FaultName } from './faults.ts';
import { readStoreCredentials } from '../fixtures/store-credentials.ts';

export interface TargetConfig {
  host: '127.0.0.1';
  port: number;
  simulatorPorts: { trendyol: number; hepsiburada: number; n11: number };
  dbPath: string;
  /** the seed times this many (TARGET_DATA_SCALE, 1-20): the scaling check's bigger store */
  dataScale: number;
  faults: FaultName[];
  encryptionKey: Buffer;
  users: { admin: Credentials; viewer: Credentials; noaccess: Credentials; probe: Credentials };
  apiKey: string;
  webhookSecret: string;
  marketplaceCredentials: {
    trendyol: { apiKey: string; apiSecret: string; supplierId: string };
    hepsiburada: { merchantId: string; token: string };
    n11: { appKey: string; appSecret: string };
  };
  /** Retry policy of the sync engine towards marketplaces. */
  sync: { maxAttempts: number; baseBackoffMs: number; requestTimeoutMs: number; batchPollMs: number };
}

export interface Credentials {
  username: string;
  password: string;
}

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export function loadDotEnv(path = resolve(PROJECT_ROOT, '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(
      `${name}: expected a TCP port 0-65535 (0 = any free port); found ${JSON.stringify(raw)}. Fix it in .env.`,
    );
  }
  return n;
}

function key(env: NodeJS.ProcessEnv): Buffer {
  const raw = env.MESCHAIN_ENCRYPTION_KEY ?? '';
  if (raw === '') return Buffer.from('6d6573636861696e2d73796e632d7265666572656e63652d746172676574212a', 'hex');
  const buf = Buffer.from(raw, 'hex');
  if (buf.length !== 32 || !/^[0-9a-fA-F]{64}$/.test(raw)) {
    throw new Error(
      `MESCHAIN_ENCRYPTION_KEY: expected 64 hex characters (a 256-bit key); found ${raw.length} characters. ` +
        'Generate one with: node -e "console.log(crypto.randomBytes(32).toString(\'hex\'))"',
    );
  }
  return buf;
}

const str = (env: NodeJS.ProcessEnv, name: string, fallback: string): string => env[name] || fallback;

function dataScale(env: NodeJS.ProcessEnv): number {
  const raw = env.TARGET_DATA_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_DATA_SCALE)
    throw new Error(
      `TARGET_DATA_SCALE: expected a whole number 1-${MAX_DATA_SCALE} (times the seed's data); found ${JSON.stringify(raw)}.`,
    );
  return n;
}

export function readTargetConfig(env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const store = readStoreCredentials(env);
  return {
    host: '127.0.0.1',
    port: port(env, 'TARGET_PORT', 8790),
    simulatorPorts: {
      trendyol: port(env, 'SIM_TRENDYOL_PORT', 0),
      hepsiburada: port(env, 'SIM_HEPSIBURADA_PORT', 0),
      n11: port(env, 'SIM_N11_PORT', 0),
    },
    dbPath: str(env, 'TARGET_DB_PATH', ':memory:'),
    dataScale: dataScale(env),
    faults: parseFaultList(env.MESCHAIN_FAULTS),
    encryptionKey: key(env),
    users: store.users,
    apiKey: store.apiKey,
    webhookSecret: store.webhookSecret,
    marketplaceCredentials: {
      trendyol: {
        apiKey: str(env, 'SIM_TRENDYOL_API_KEY', 'ty-key-ref'),
        apiSecret: str(env, 'SIM_TRENDYOL_API_SECRET', 'ty-secret-ref'),
        supplierId: str(env, 'SIM_TRENDYOL_SUPPLIER_ID', '104512'),
      },
      hepsiburada: {
        merchantId: str(env, 'SIM_HEPSIBURADA_MERCHANT_ID', 'a1b2c3d4-hb-merchant'),
        token: str(env, 'SIM_HEPSIBURADA_TOKEN', 'hb-token-ref'),
      },
      n11: {
        appKey: str(env, 'SIM_N11_APP_KEY', 'n11-key-ref'),
        appSecret: str(env, 'SIM_N11_APP_SECRET', 'n11-secret-ref'),
      },
    },
    sync: { maxAttempts: 5, baseBackoffMs: 50, requestTimeoutMs: 2000, batchPollMs: 25 },
  };
}
