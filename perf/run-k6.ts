/**
 * Runs the k6 load suite (perf/meschain.k6.ts) as an asynchronous child process — the reference
 * target may be serving from this very process — and leaves k6's summary at
 * `<reportsDir>/k6/summary.json` (written to a temporary name by handleSummary, renamed when k6
 * is done). k6's exit code 99 (thresholds crossed) is a result, not a crash: the gate decides.
 * Any other non-zero exit (script error, failed login, interrupted run) rejects with K6RunError:
 * the run proves nothing, so the gate must report "could not evaluate", not judge partial numbers.
 */
import { noteLogin } from '../fixtures/auth/login-count.ts';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { maskSecrets } from '../fixtures/secrets.ts';
import { PROJECT_ROOT, readQaSettings, secretValues } from '../fixtures/settings.ts';
import type { ProfileName } from '../gate/spec-types.ts';
import { planBounds, profilePlan, restrictToGateProfile, soakMinutes, type LoadProfile } from './config/profiles.ts';
import { RUN_ENV } from './config/run-config.ts';
import { loadTargetUrl } from './config/target.ts';

export interface RunLoadOptions {
  baseUrl: string;
  profile: LoadProfile;
  gateProfile: ProfileName;
  reportsDir: string;
  env: NodeJS.ProcessEnv;
}

export interface RunLoadResult {
  /** k6's exit code: 0 thresholds held, 99 thresholds crossed; both are results for the gate (other codes reject with K6RunError) */
  exitCode: number;
  summaryPath: string;
}

export const K6_SCRIPT = resolve(PROJECT_ROOT, 'perf/meschain.k6.ts');
/** k6 exit codes that mean "the test ran and produced its summary". */
export const K6_RESULT_CODES: readonly number[] = [0, 99];
/** Extra time beyond a profile's bound before the runner stops k6 (SIGINT, then SIGKILL). */
const STOP_MARGIN_S = 60;
const KILL_AFTER_S = 30;

/** k6's documented exit codes besides 0 and 99, for messages. */
const K6_EXIT_MEANING: Record<number, string> = {
  100: 'setup() timed out',
  101: 'teardown() timed out',
  102: 'timed out',
  103: 'the run was stopped',
  104: 'invalid configuration',
  105: 'interrupted (signal)',
  106: 'could not start its REST API',
  107: 'a script error, e.g. the login in setup() failed',
  108: 'the script aborted the run',
};

/** k6 ended without a result (anything but 0 or 99): the gate cannot be evaluated on this run. */
export class K6RunError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

const execFileAsync = promisify(execFile);
const say = (msg: string) => console.log(`[load] ${msg}`);

/** The k6 binary: `K6_BIN`, or the pinned k6 that scripts/setup.sh builds into the user cache. */
export async function resolveK6(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync('bash', [resolve(PROJECT_ROOT, 'scripts/setup.sh'), '--print-k6-bin'], {
      env,
      maxBuffer: 1 << 20,
    });
    const bin = stdout.trim().split('\n').at(-1) ?? '';
    if (!bin || !existsSync(bin))
      throw new Error(`scripts/setup.sh --print-k6-bin printed ${JSON.stringify(bin)}, which is not a file`);
    return bin;
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`k6 is not available: ${(e.stderr || e.message).trim()}`, { cause: err });
  }
}

/** Only what k6 needs: nothing else from the caller's environment reaches the k6 process. */
export function k6Env(opts: RunLoadOptions, summaryFile: string): NodeJS.ProcessEnv {
  const s = readQaSettings({ ...opts.env, QA_BASE_URL: opts.baseUrl });
  const pass = (...names: string[]) =>
    Object.fromEntries(names.filter((n) => opts.env[n]).map((n) => [n, opts.env[n]]));
  return {
    ...pass(
      'PATH',
      'HOME',
      'TMPDIR',
      'LANG',
      RUN_ENV.soakMinutes,
      RUN_ENV.allowRemote,
      'MESCHAIN_LOAD_SKUS',
      'MESCHAIN_LOAD_TRENDYOL_ORDERS',
    ),
    K6_NO_USAGE_REPORT: 'true',
    [RUN_ENV.profile]: opts.profile,
    [RUN_ENV.gateProfile]: opts.gateProfile,
    [RUN_ENV.summaryFile]: summaryFile,
    [RUN_ENV.baseUrl]: s.baseUrl,
    [RUN_ENV.adminPath]: s.adminPath,
    [RUN_ENV.username]: s.users.admin.username,
    [RUN_ENV.password]: s.users.admin.password,
    [RUN_ENV.webhookSecret]: s.webhookSecret,
  };
}

function pipeMasked(from: NodeJS.ReadableStream, to: NodeJS.WritableStream, secrets: string[]): void {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) =>
    to.write(`[k6] ${maskSecrets(line, secrets)}\n`),
  );
}

export async function runLoad(opts: RunLoadOptions): Promise<RunLoadResult> {
  const baseUrl = loadTargetUrl(opts.baseUrl, opts.env[RUN_ENV.allowRemote]);
  const plan = restrictToGateProfile(
    profilePlan(opts.profile, { soakMinutes: soakMinutes(opts.env[RUN_ENV.soakMinutes]) }),
    opts.gateProfile,
  );
  const bounds = planBounds(plan);
  const k6 = await resolveK6(opts.env);

  const dir = resolve(opts.reportsDir, 'k6');
  const summaryPath = resolve(dir, 'summary.json');
  const partial = resolve(dir, `.summary.json.partial-${process.pid}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  await rm(summaryPath, { force: true }); // a summary left from an earlier run must never be read as this run's

  const env = k6Env({ ...opts, baseUrl }, partial);
  const secrets = secretValues(readQaSettings({ ...opts.env, QA_BASE_URL: baseUrl }));
  say(
    `k6 ${plan.profile} profile (gate profile ${opts.gateProfile}) against ${baseUrl}: ${Object.keys(plan.scenarios).join(', ')}; ` +
      `bounded to ${bounds.seconds} s and ${bounds.requests} requests`,
  );

  // k6's setup() logs in once as the administrator (perf/lib/auth.ts): counted with the run's logins
  noteLogin('admin (k6)', { ...opts.env, QA_REPORTS_DIR: opts.reportsDir });
  const exitCode = await new Promise<number>((done, fail) => {
    const child = spawn(k6, ['run', '--no-usage-report', '--quiet', '--no-color', '--address', '', K6_SCRIPT], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pipeMasked(child.stdout, process.stdout, secrets);
    pipeMasked(child.stderr, process.stderr, secrets);
    let kill: NodeJS.Timeout | undefined;
    const stop = setTimeout(
      () => {
        say(`k6 ran past its bound of ${bounds.seconds} s (+${STOP_MARGIN_S} s): stopping it`);
        child.kill('SIGINT');
        kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_S * 1000);
      },
      (bounds.seconds + STOP_MARGIN_S) * 1000,
    );
    child.on('error', (err) => {
      clearTimeout(stop);
      fail(new Error(`could not start k6 (${k6}): ${err.message}`, { cause: err }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(stop);
      clearTimeout(kill);
      done(code ?? 128 + (signal === 'SIGKILL' ? 9 : 2));
    });
  });

  if (!K6_RESULT_CODES.includes(exitCode)) {
    // a crashed or stopped run's numbers are not evidence: keep them aside for diagnosis only
    const kept = existsSync(partial) ? resolve(dir, 'summary.incomplete.json') : undefined;
    if (kept) await rename(partial, kept);
    throw new K6RunError(
      exitCode,
      `k6 exited ${exitCode} (${K6_EXIT_MEANING[exitCode] ?? 'an error'}): the run did not complete, see the [k6] lines above` +
        `${kept ? `; its partial summary is in ${kept} and is not used as evidence` : ''}.`,
    );
  }
  if (!existsSync(partial))
    throw new K6RunError(
      exitCode,
      `k6 exited ${exitCode} but wrote no summary (expected ${partial} from handleSummary).`,
    );
  await rename(partial, summaryPath);
  return { exitCode, summaryPath };
}
