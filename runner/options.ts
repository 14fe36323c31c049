/** Command-line options of `npm run qa` (see `npm run qa -- --help`). */
import { SUITES, type Suite } from '../gate/model.ts';
import type { ProfileName } from '../gate/spec-types.ts';

export interface QaOptions {
  suites: Suite[] | 'all';
  profile: ProfileName;
  loadProfile: 'smoke' | 'load' | 'stress' | 'soak';
  help: boolean;
  /** extra arguments passed through to Playwright after `--` */
  playwrightArgs: string[];
  /** only tests with these tags (Playwright `--grep`) */
  tags: string[];
  /** run only what a change since this git revision needs */
  changed?: string;
  /** run one Playwright shard (`1/2`), writing a blob report for a later --merge */
  shard?: { index: number; total: number };
  /** merge shard report folders (each a QA_REPORTS_DIR of a --shard run) and evaluate the gate */
  merge: string[];
  /** write the Allure results but not the HTML report (the verdict, gate.json and history as always) */
  noReport: boolean;
}

export class UsageError extends Error {}

export const HELP = `npm run qa -- [options]

Runs the QA suites against the store (the reference target unless QA_BASE_URL is set), evaluates
the gate spec (gate/gates.ts), writes reports/gate.json and the Allure report, prints the verdict.

Options:
  --suite <list>      comma list of ${SUITES.join(', ')} (default: every suite available)
  --env <profile>     gate profile: local | staging | production (default: local, or QA_ENV)
  --load <profile>    k6 profile: smoke | load | stress | soak (default: smoke)
  --tag <list>        only tests with these tags, e.g. --tag @security (Playwright suites)
  --changed [ref]     only the suites the changes since <ref> need (ownership zones in zones.ts);
                      default ref: HEAD (uncommitted and untracked changes)
  --shard <i>/<n>     run Playwright shard i of n into a blob report (no gate); merge later
  --merge <dirs>      comma list of shard report folders: merge them, then evaluate the gate
  --no-report         skip the Allure HTML report (results, gate.json and the verdict as always)
  --help              this text
  -- <args>           passed to Playwright (e.g. -- --grep @security)

Exit codes: 0 gate passed · 1 gate failed · 2 could not evaluate (target unreachable, tool
missing, results unreadable, bad option).`;

const PROFILES: ProfileName[] = ['local', 'staging', 'production'];
const LOADS = ['smoke', 'load', 'stress', 'soak'] as const;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): QaOptions {
  const out: QaOptions = {
    suites: 'all',
    profile: (env.QA_ENV as ProfileName) || 'local',
    loadProfile: 'smoke',
    help: false,
    playwrightArgs: [],
    tags: [],
    merge: [],
    noReport: false,
  };
  const args = [...argv];
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--'))
      throw new UsageError(`${flag}: expected a value; found ${v === undefined ? 'nothing' : v}. See --help.`);
    return v;
  };
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') {
      out.playwrightArgs = args.splice(0);
      break;
    }
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--no-report') out.noReport = true;
    else if (a === '--suite' || a.startsWith('--suite=')) {
      const list = (a.includes('=') ? a.split('=')[1]! : value('--suite'))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = list.filter((s) => !(SUITES as readonly string[]).includes(s));
      if (unknown.length || list.length === 0)
        throw new UsageError(
          `--suite: expected a comma list of ${SUITES.join(', ')}; found ${unknown.join(', ') || 'nothing'}.`,
        );
      out.suites = list as Suite[];
    } else if (a === '--env' || a.startsWith('--env=')) {
      const p = a.includes('=') ? a.split('=')[1]! : value('--env');
      if (!(PROFILES as string[]).includes(p))
        throw new UsageError(`--env: expected one of ${PROFILES.join(', ')}; found ${p}.`);
      out.profile = p as ProfileName;
    } else if (a === '--load' || a.startsWith('--load=')) {
      const p = a.includes('=') ? a.split('=')[1]! : value('--load');
      if (!(LOADS as readonly string[]).includes(p))
        throw new UsageError(`--load: expected one of ${LOADS.join(', ')}; found ${p}.`);
      out.loadProfile = p as QaOptions['loadProfile'];
    } else if (a === '--tag' || a.startsWith('--tag=')) {
      const list = (a.includes('=') ? a.split('=')[1]! : value('--tag'))
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const bad = list.filter((t) => !/^@[a-z0-9-]+$/.test(t));
      if (bad.length || !list.length)
        throw new UsageError(`--tag: expected tags like @security,@writes; found ${bad.join(', ') || 'nothing'}.`);
      out.tags = list;
    } else if (a === '--changed' || a.startsWith('--changed=')) {
      out.changed = a.includes('=') ? a.split('=')[1]! : args[0] && !args[0].startsWith('-') ? args.shift()! : 'HEAD';
    } else if (a === '--shard' || a.startsWith('--shard=')) {
      const v = a.includes('=') ? a.split('=')[1]! : value('--shard');
      const m = /^(\d+)\/(\d+)$/.exec(v);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
        throw new UsageError(`--shard: expected i/n with 1 ≤ i ≤ n, e.g. 1/2; found ${v}.`);
      out.shard = { index: Number(m[1]), total: Number(m[2]) };
    } else if (a === '--merge' || a.startsWith('--merge=')) {
      out.merge = (a.includes('=') ? a.split('=')[1]! : value('--merge')).split(',').filter(Boolean);
    } else throw new UsageError(`unknown option ${a}. See npm run qa -- --help.`);
  }
  if (out.shard && out.merge.length)
    throw new UsageError('--shard and --merge go in separate runs: shards first, then one --merge.');
  if (out.changed && out.suites !== 'all')
    throw new UsageError('--changed picks the suites itself; drop --suite or --changed.');
  if (!PROFILES.includes(out.profile))
    throw new UsageError(`QA_ENV: expected one of ${PROFILES.join(', ')}; found ${out.profile}.`);
  return out;
}
