/**
 * Stage 1b — the run's environment, checked whole before any suite: every setting of
 * .env.example, the reference target's own (faults, ports, keys), the store's reachability and
 * database, and the Chromium binaries the chosen suites need. Each problem is named with what is
 * allowed; nothing has started yet (exit 2).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Suite } from '../../gate/model.ts';
import { readQaSettings, type QaSettings } from '../../fixtures/settings.ts';
import { settingProblems } from '../../fixtures/settings-check.ts';
import { retriesFor, storeShape, workersFor } from '../../fixtures/store.ts';
import { storeDbSource } from '../../fixtures/oracle/store-db.ts';
import { readThirdPartyPolicy } from '../../fixtures/third-party.ts';
import { checkStoreDb, mysqlStoreOf } from '../../fixtures/opencart/store-tables.ts';
import { readTargetConfig } from '../../reference-target/config.ts';
import type { QaOptions } from '../options.ts';
import { CouldNotEvaluate, orCouldNotEvaluate, say } from '../say.ts';
import { playwrightProjects } from '../suites.ts';
import type { Timings } from '../timings.ts';

export interface CheckedRun {
  /** the environment every tool of the run gets */
  env: NodeJS.ProcessEnv;
  settings: QaSettings;
  /** true: each Playwright worker starts its own reference target (QA_BASE_URL empty) */
  ownTargets: boolean;
}

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export const toolName = (s: Suite): string => (s === 'load' ? 'k6' : 'Lighthouse');

export async function checkSettings(
  opts: QaOptions,
  suites: Suite[],
  reportsDir: string,
  timings: Timings,
): Promise<CheckedRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QA_REPORTS_DIR: reportsDir,
    QA_ENV: opts.profile,
    ...(opts.shard ? { QA_BLOB: '1' } : {}),
    PLAYWRIGHT_BLOB_OUTPUT_DIR: resolve(reportsDir, 'blob'),
  };
  const ownTargets = storeShape(env) === 'own-reference-target';
  const problems = settingProblems(env);
  if (problems.length) {
    throw new CouldNotEvaluate(
      problems.length === 1 ? problems[0]! : `${problems.length} settings are wrong:\n  - ${problems.join('\n  - ')}`,
    );
  }
  // bad settings stop the run here, before any suite, not in every worker
  orCouldNotEvaluate(() => {
    retriesFor(env);
    workersFor(env);
    storeDbSource(env);
    readThirdPartyPolicy(env);
    readQaSettings({ ...env, QA_BASE_URL: env.QA_BASE_URL || 'http://127.0.0.1:1' });
  });
  if (ownTargets) {
    if (env.QA_TARGET_KIND && env.QA_TARGET_KIND !== 'reference') {
      throw new CouldNotEvaluate(
        `QA_TARGET_KIND: expected "reference" when QA_BASE_URL is empty (the project starts its reference targets); found "${env.QA_TARGET_KIND}". Set QA_BASE_URL to your store's URL, or QA_TARGET_KIND=reference.`,
      );
    }
    orCouldNotEvaluate(() => readTargetConfig(env), 'the reference target cannot start: '); // a bad fault name, port or key
    // every Playwright worker starts its own reference target (fixtures/store.ts); k6 and Lighthouse get one of their own
    env.QA_TARGET_KIND = 'reference';
    const toolSuites = suites.filter((s) => s === 'load' || s === 'lighthouse');
    say(
      `reference target: one of its own for each Playwright worker${toolSuites.length ? `, one for ${toolSuites.map(toolName).join(' and ')}` : ''}` +
        `${process.env.MESCHAIN_FAULTS ? `; faults: ${process.env.MESCHAIN_FAULTS}` : ''}`,
    );
  } else if (!(await timings.time('store check', reachable(`${env.QA_BASE_URL}/`)))) {
    throw new CouldNotEvaluate(
      `QA_BASE_URL ${env.QA_BASE_URL} is unreachable. Start the store or fix QA_BASE_URL in .env (empty = the reference target).`,
    );
  } else {
    say(
      `store under test: ${env.QA_BASE_URL} (${env.QA_TARGET_KIND ?? 'reference'}); Playwright runs one worker against a shared store`,
    );
    const db = mysqlStoreOf(storeDbSource(env));
    if (db) {
      try {
        await checkStoreDb(db);
      } catch (err) {
        throw new CouldNotEvaluate((err as Error).message);
      }
    }
  }
  // own targets: the users and secrets are the same as the target's; the URL is each worker's own
  const settings = orCouldNotEvaluate(() =>
    readQaSettings(ownTargets ? { ...env, QA_BASE_URL: 'http://127.0.0.1:1' } : env),
  );
  const browsers: [string, string, boolean][] = [
    ['PLAYWRIGHT_CHROMIUM_PATH', settings.playwrightChromiumPath, playwrightProjects(suites).some((p) => p !== 'api')],
    ['CHROMIUM_PATH', settings.chromiumPath, suites.includes('lighthouse')],
  ];
  for (const [name, path, needed] of browsers) {
    if (needed && !existsSync(path)) {
      throw new CouldNotEvaluate(
        `${name}: expected a Chromium binary at ${path}; found none. Run \`npm run setup\` (installs Debian's chromium and chromium-headless-shell) or set ${name}.`,
      );
    }
  }
  return { env, settings, ownTargets };
}
