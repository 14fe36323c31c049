/**
 * What one k6 run needs, read from its environment (`__ENV` in k6, passed by perf/run-k6.ts).
 * Credentials use the same names as fixtures/settings.ts; the runner resolves their defaults
 * there and passes them on, so the k6 side has no second copy of them.
 */
import type { ProfileName } from '../../gate/spec-types.ts';
import {
  LOAD_PROFILES,
  profilePlan,
  restrictToGateProfile,
  soakMinutes,
  type LoadProfile,
  type ProfilePlan,
} from './profiles.ts';
import { ALLOW_REMOTE_ENV, loadTargetUrl } from './target.ts';

export const RUN_ENV = {
  profile: 'MESCHAIN_LOAD_PROFILE',
  gateProfile: 'MESCHAIN_GATE_PROFILE',
  summaryFile: 'MESCHAIN_K6_SUMMARY_FILE',
  soakMinutes: 'MESCHAIN_SOAK_MINUTES',
  allowRemote: ALLOW_REMOTE_ENV,
  baseUrl: 'QA_BASE_URL',
  adminPath: 'QA_ADMIN_PATH',
  username: 'OC_ADMIN_USERNAME',
  password: 'OC_ADMIN_PASSWORD',
  webhookSecret: 'TRENDYOL_WEBHOOK_SECRET',
} as const;

export const GATE_PROFILES: readonly ProfileName[] = ['local', 'staging', 'production'];
export const DEFAULT_SUMMARY_FILE = 'reports/k6/summary.json';

export interface RunConfig {
  plan: ProfilePlan;
  gateProfile: ProfileName;
  baseUrl: string;
  /** e.g. http://127.0.0.1:8790/admin/index.php */
  adminEntry: string;
  username: string;
  password: string;
  webhookSecret: string;
  summaryFile: string;
}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name] || fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new Error(`${name}: expected one of ${allowed.join(', ')}; found ${JSON.stringify(raw)}.`);
  }
  return raw as T;
}

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) {
    throw new Error(
      `${name}: expected a value; found none. Run k6 through perf/run-k6.ts (npm run qa), which passes it from .env ` +
        'or the defaults in fixtures/settings.ts, or set it yourself.',
    );
  }
  return v;
}

export function readRunConfig(env: Env): RunConfig {
  const profile: LoadProfile = oneOf(env, RUN_ENV.profile, LOAD_PROFILES, 'smoke');
  const gateProfile = oneOf(env, RUN_ENV.gateProfile, GATE_PROFILES, 'local');
  const plan = restrictToGateProfile(
    profilePlan(profile, { soakMinutes: soakMinutes(env[RUN_ENV.soakMinutes]) }),
    gateProfile,
  );
  const baseUrl = loadTargetUrl(env[RUN_ENV.baseUrl], env[RUN_ENV.allowRemote]);
  const adminPath = `/${(env[RUN_ENV.adminPath] || '/admin/').replace(/^\/+|\/+$/g, '')}/`;
  return {
    plan,
    gateProfile,
    baseUrl,
    adminEntry: `${baseUrl}${adminPath}index.php`,
    username: required(env, RUN_ENV.username),
    password: required(env, RUN_ENV.password),
    webhookSecret: required(env, RUN_ENV.webhookSecret),
    summaryFile: env[RUN_ENV.summaryFile] || DEFAULT_SUMMARY_FILE,
  };
}
