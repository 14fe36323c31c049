/**
 * Stage 2 — what the store is and has, before any suite: the preflight (fixtures/opencart/
 * preflight.ts) and what follows from it for the run: suites blocked by an absent extension,
 * projects that run only @core tests, the store's own origins, missing modules, and the
 * preflight metrics the gate reads. Its login sessions stay open for the run and end once.
 */
import { resolve } from 'node:path';
import type { Suite } from '../../gate/model.ts';
import { writeFileAtomic } from '../../gate/atomic-write.ts';
import { readQaSettings } from '../../fixtures/settings.ts';
import { PreflightError, preflightTable, runPreflight, type Preflight } from '../../fixtures/opencart/preflight.ts';
import { allRunSessions, clearRunSessions, writeRunSessions } from '../../fixtures/auth/run-sessions.ts';
import { logoutOverHttp } from '../../fixtures/opencart/login.ts';
import { CouldNotEvaluate, say } from '../say.ts';
import { playwrightProjects } from '../suites.ts';
import type { Timings } from '../timings.ts';

/** Runs the preflight against `baseUrl`; stops the run (exit 2) when the store is not testable at all. */
export async function preflightStore(
  env: NodeJS.ProcessEnv,
  baseUrl: string | undefined,
  reportsDir: string,
  timings: Timings,
): Promise<Preflight> {
  const settings = readQaSettings(baseUrl ? { ...env, QA_BASE_URL: baseUrl } : env);
  let preflight: Preflight;
  try {
    // its sessions stay open: the run borrows them (one login per role per run) and ends them once
    const r = await timings.time('preflight', runPreflight(settings, { keep: true }));
    preflight = r.preflight;
    writeRunSessions(env, settings.baseUrl, r.sessions);
  } catch (err) {
    if (err instanceof PreflightError) throw new CouldNotEvaluate(`preflight: ${err.message}`);
    throw err;
  }
  say(`preflight: ${preflight.summary}`);
  console.log(
    preflightTable(preflight)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  writeFileAtomic(resolve(reportsDir, 'preflight.json'), `${JSON.stringify(preflight, null, 2)}\n`);
  return preflight;
}

/** Logs the preflight's sessions out (once per role, at the end of the run). */
export async function endRunSessions(env: NodeJS.ProcessEnv): Promise<void> {
  const run = allRunSessions(env);
  if (!run) return;
  const s = readQaSettings({ ...env, QA_BASE_URL: run.baseUrl });
  for (const session of run.sessions) await logoutOverHttp(s, session).catch(() => {});
  clearRunSessions(env);
}

export interface Scope {
  /** the suites that run */
  suites: Suite[];
  /** suites not run, with the preflight's one reason (their conditions: could not evaluate) */
  blocked: { suite: Suite; reason: string }[];
  /** the preflight's module counts (absent when no module was judged) */
  runMetrics: Record<string, number>;
}

/** MesChain-Sync absent: suites other than core are blocked with the preflight's sentence, never passed. */
export function blockedBy(preflight: Preflight | undefined, suites: Suite[]): { suite: Suite; reason: string }[] {
  return preflight?.extension === 'absent'
    ? suites.filter((s) => s !== 'core').map((s) => ({ suite: s, reason: preflight.summary }))
    : [];
}

/** The preflight's module counts: a partly installed extension makes each missing module one finding. */
export function preflightMetrics(preflight: Preflight | undefined): Record<string, number> {
  if (!preflight || preflight.extension === 'absent') return {};
  return {
    'preflight.modules_probed': preflight.modules.length,
    'preflight.modules_missing': preflight.modules.filter((m) => m.access.admin !== 'page').length,
  };
}

/** What the run tests on this store, given its preflight; sets the environment the Playwright workers read. */
export function scopeOf(preflight: Preflight, requested: Suite[], env: NodeJS.ProcessEnv): Scope {
  const blocked = blockedBy(preflight, requested);
  const suites = requested.filter((s) => !blocked.some((b) => b.suite === s));
  // projects only the core suite needs (its tests share projects with other suites) run only @core tests
  const others = playwrightProjects(suites.filter((s) => s !== 'core'));
  const coreOnly = suites.includes('core') ? playwrightProjects(['core']).filter((p) => !others.includes(p)) : [];
  if (coreOnly.length) env.QA_CORE_ONLY_PROJECTS = coreOnly.join(',');
  else delete env.QA_CORE_ONLY_PROJECTS;
  // the origins the store calls itself (its <base href>: config.php's HTTP_SERVER) are the store's own, never third-party
  env.QA_STORE_ORIGINS = preflight.origins.join(',');
  if (blocked.length)
    say(
      `suites not run (the extension is not installed, see the preflight): ${blocked.map((b) => b.suite).join(', ')}`,
    );
  // partly installed: tests reaching for a missing module's routes are skipped with that reason
  const missing = preflight.modules.filter((m) => m.access.admin !== 'page');
  if (preflight.extension !== 'absent') {
    for (const m of missing)
      say(
        `route missing: ${m.route} answers the administrator "${m.access.admin}"${m.listed ? '' : ' (not listed under Extensions › Modules)'}`,
      );
    if (missing.length) env.QA_MISSING_MODULES = missing.map((m) => `${m.code}:${m.access.admin}`).join(',');
  }
  return { suites, blocked, runMetrics: preflightMetrics(preflight) };
}
