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
}

export class UsageError extends Error {}

export const HELP = `npm run qa -- [options]

Runs the QA suites against the store (the reference target unless QA_BASE_URL is set), evaluates
the gate spec (gate/gates.ts), writes reports/gate.json and the Allure report, prints the verdict.

Options:
  --suite <list>      comma list of ${SUITES.join(', ')} (default: every suite available)
  --env <profile>     gate profile: local | staging | production (default: local, or QA_ENV)
  --load <profile>    k6 profile: smoke | load | stress | soak (default: smoke)
  --help              this text
  -- <args>           passed to Playwright (e.g. -- --grep @security)

Exit codes: 0 gate passed · 1 gate failed · 2 could not evaluate (target unreachable, tool
missing, results unreadable, bad option).`;

const PROFILES: ProfileName[] = ['local', 'staging', 'production'];
const LOADS = ['smoke', 'load', 'stress', 'soak'] as const;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): QaOptions {
  const out: QaOptions = { suites: 'all', profile: (env.QA_ENV as ProfileName) || 'local', loadProfile: 'smoke', help: false, playwrightArgs: [] };
  const args = [...argv];
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag}: expected a value; found ${v === undefined ? 'nothing' : v}. See --help.`);
    return v;
  };
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') { out.playwrightArgs = args.splice(0); break; }
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--suite' || a.startsWith('--suite=')) {
      const list = (a.includes('=') ? a.split('=')[1]! : value('--suite')).split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = list.filter((s) => !(SUITES as readonly string[]).includes(s));
      if (unknown.length || list.length === 0) throw new UsageError(`--suite: expected a comma list of ${SUITES.join(', ')}; found ${unknown.join(', ') || 'nothing'}.`);
      out.suites = list as Suite[];
    } else if (a === '--env' || a.startsWith('--env=')) {
      const p = a.includes('=') ? a.split('=')[1]! : value('--env');
      if (!(PROFILES as string[]).includes(p)) throw new UsageError(`--env: expected one of ${PROFILES.join(', ')}; found ${p}.`);
      out.profile = p as ProfileName;
    } else if (a === '--load' || a.startsWith('--load=')) {
      const p = a.includes('=') ? a.split('=')[1]! : value('--load');
      if (!(LOADS as readonly string[]).includes(p)) throw new UsageError(`--load: expected one of ${LOADS.join(', ')}; found ${p}.`);
      out.loadProfile = p as QaOptions['loadProfile'];
    } else throw new UsageError(`unknown option ${a}. See npm run qa -- --help.`);
  }
  if (!PROFILES.includes(out.profile)) throw new UsageError(`QA_ENV: expected one of ${PROFILES.join(', ')}; found ${out.profile}.`);
  return out;
}
