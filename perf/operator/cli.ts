/**
 * Writes what a k6-operator run of the load suite needs into one folder: the k6 archive of
 * perf/meschain.k6.ts for the chosen profile (for the ConfigMap) and the TestRun manifest, and
 * prints the kubectl commands. Usage (see perf/README.md):
 *   node perf/operator/cli.ts --base-url http://meschain-store.qa.svc --allow-remote --parallelism 4 --profile load [--gate-profile staging] [--namespace qa] [--out reports/k6-operator]
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import type { ProfileName } from '../../gate/spec-types.ts';
import { LOAD_PROFILES, type LoadProfile } from '../config/profiles.ts';
import { GATE_PROFILES } from '../config/run-config.ts';
import { K6_SCRIPT, resolveK6 } from '../run-k6.ts';
import { archiveEnv, archiveFileName, configMapName, SECRET_KEYS, testRunYaml, type TestRunParams } from './testrun.ts';

/** The k6 version pinned in scripts/setup.sh (one place for it). */
export async function pinnedK6Version(): Promise<string> {
  const setup = await readFile(resolve(PROJECT_ROOT, 'scripts/setup.sh'), 'utf8');
  const v = /^K6_VERSION="(v[\d.]+)"/m.exec(setup)?.[1];
  if (!v) throw new Error('scripts/setup.sh: expected a line K6_VERSION="v…"; found none.');
  return v;
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v))
    throw new Error(`${flag}: expected one of ${allowed.join(', ')}; found ${JSON.stringify(v)}.`);
  return v as T;
}

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'allow-remote': { type: 'boolean', default: false },
    parallelism: { type: 'string', default: '2' },
    profile: { type: 'string', default: 'load' },
    'gate-profile': { type: 'string', default: 'staging' },
    namespace: { type: 'string' },
    separate: { type: 'boolean', default: false },
    out: { type: 'string', default: 'reports/k6-operator' },
  },
});

try {
  if (!values['base-url'])
    throw new Error(
      '--base-url: expected the store URL as the runner pods reach it (e.g. http://meschain-store.qa.svc); found none.',
    );
  const params: TestRunParams = {
    baseUrl: values['base-url'],
    allowRemote: values['allow-remote'],
    parallelism: Number(values.parallelism),
    profile: oneOf<LoadProfile>('--profile', values.profile, LOAD_PROFILES),
    gateProfile: oneOf<ProfileName>('--gate-profile', values['gate-profile'], GATE_PROFILES),
    k6Version: await pinnedK6Version(),
    separate: values.separate,
    ...(values.namespace ? { namespace: values.namespace } : {}),
  };
  const yaml = testRunYaml(params); // validates the parameters before anything is written
  const out = resolve(PROJECT_ROOT, values.out);
  await mkdir(out, { recursive: true });
  const archive = resolve(out, archiveFileName(params.profile));
  const k6 = await resolveK6(process.env);
  const env = Object.entries(archiveEnv(params)).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  await promisify(execFile)(k6, ['archive', '--exclude-env-vars', ...env, '-O', archive, K6_SCRIPT], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const manifest = resolve(out, `testrun-${params.profile}.yaml`);
  await writeFile(manifest, yaml);
  const ns = params.namespace ? ` -n ${params.namespace}` : '';
  console.log(
    [
      `wrote ${archive} and ${manifest}; then:`,
      `  kubectl${ns} create configmap ${configMapName(params)} --from-file=${archive}`,
      `  kubectl${ns} create secret generic meschain-qa-credentials ${SECRET_KEYS.map((k) => `--from-literal=${k}=…`).join(' ')}`,
      `  kubectl${ns} apply -f ${manifest}`,
    ].join('\n'),
  );
} catch (err) {
  console.error(`[k6-operator] ${(err as Error).message}`);
  process.exit(2);
}
