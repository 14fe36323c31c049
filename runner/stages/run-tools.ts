/**
 * Stage 3 — the tools, one after another: Playwright (every Playwright suite in one invocation),
 * the scaling check, k6 and Lighthouse (on the run's own reference target, or the store). Each
 * tool that could not run is recorded against its suites (could not evaluate), never skipped in
 * silence; the store-data evidence of a read-only run (table digests, row counts or the
 * requests sent) becomes run metrics.
 */
import type { Suite } from '../../gate/model.ts';
import { readQaSettings, type QaSettings } from '../../fixtures/settings.ts';
import { readDataWrites } from '../../fixtures/clean-store.ts';
import { readTargetStarts, workersFor } from '../../fixtures/store.ts';
import { storeDbSource } from '../../fixtures/oracle/store-db.ts';
import { countLogins } from '../../fixtures/auth/login-count.ts';
import { changedTables, mysqlStoreOf, rowCounts } from '../../fixtures/opencart/store-tables.ts';
import { sentRequests } from '../../fixtures/request-log.ts';
import { tableDigests } from '../../reference-target/control/qa-control.ts';
import type { RunningTarget } from '../../reference-target/target.ts';
import { run } from '../child.ts';
import type { QaOptions } from '../options.ts';
import { withProgress } from '../progress.ts';
import { CouldNotEvaluate, say } from '../say.ts';
import { playwrightProjects } from '../suites.ts';
import type { Timings } from '../timings.ts';
import { toolName } from './check-settings.ts';

export interface ToolRun {
  opts: QaOptions;
  reportsDir: string;
  suites: Suite[];
  env: NodeJS.ProcessEnv;
  settings: QaSettings;
  ownTargets: boolean;
  /** the run's own reference target for k6 and Lighthouse (own targets only) */
  target: RunningTarget | undefined;
  timings: Timings;
}

export interface ToolsOutcome {
  /** suites whose tool could not run, with why */
  toolErrors: { suite: Suite; message: string }[];
  runMetrics: Record<string, number>;
}

/** Playwright arguments for tags, the production guard and sharding. */
export function playwrightArgs(opts: QaOptions): string[] {
  const args: string[] = [];
  if (opts.tags.length) args.push('--grep', opts.tags.join('|'));
  // production is read-only and logs in once per role: tests that write, need the reference
  // target's control, or log in on their own (@logins) never run
  if (opts.profile === 'production') args.push('--grep-invert', '@writes|@reference-only|@logins');
  if (opts.shard) args.push('--shard', `${opts.shard.index}/${opts.shard.total}`);
  return [...args, ...opts.playwrightArgs];
}

export async function runTools(t: ToolRun, runMetrics: Record<string, number>): Promise<ToolsOutcome> {
  const out: ToolsOutcome = { toolErrors: [], runMetrics: { ...runMetrics } };
  const writes: string[] = [];
  // a real store in production: the row count of every oc_ table before and after, read beside the store
  const mysqlStore =
    t.settings.kind === 'opencart' && t.opts.profile === 'production' ? mysqlStoreOf(storeDbSource(t.env)) : undefined;
  const countsBefore = mysqlStore ? await t.timings.time('row counts', rowCounts(mysqlStore)) : undefined;
  await playwright(t, out, writes);
  if (t.suites.includes('scaling') && t.settings.kind === 'reference') await scaling(t, out);
  await targetTools(t, out, writes);
  if (t.settings.kind === 'opencart' && t.opts.profile === 'production' && !mysqlStore) {
    // no database access: the evidence is what the run sent (every request of the API client and the browsers)
    const sent = sentRequests(t.env);
    if (sent.total > 0) {
      out.runMetrics = { ...out.runMetrics, 'data.digest_checked': 1, 'data.tables_changed': sent.writes.length };
      say(
        `production run without QA_STORE_DB: read-only evidence from the ${sent.total} requests the run sent — ${sent.writes.length} state-changing besides logins and logouts`,
      );
      if (sent.writes.length) writes.push(`state-changing requests sent: ${[...new Set(sent.writes)].join(', ')}`);
    }
  }
  if (mysqlStore && countsBefore) {
    const changed = changedTables(mysqlStore, countsBefore, await t.timings.time('row counts', rowCounts(mysqlStore)));
    out.runMetrics = { ...out.runMetrics, 'data.digest_checked': 1, 'data.tables_changed': changed.length };
    if (changed.length) writes.push(`the run changed ${changed.join(', ')}`);
  }
  if (t.opts.profile === 'production' && out.runMetrics['data.digest_checked']) {
    say(
      writes.length
        ? `data written during a production run:\n  ${writes.join('\n  ')}`
        : 'production run: no store data changed',
    );
  }
  const logins = countLogins(t.env);
  say(
    `logins this run: ${logins.total} (${
      Object.entries(logins.by)
        .map(([who, n]) => `${who} ${n}`)
        .join(', ') || 'none'
    })` + `${t.ownTargets ? ' — each Playwright worker logs in on its own reference target' : ''}`,
  );
  out.runMetrics['run.logins'] = logins.total;
  return out;
}

async function playwright(t: ToolRun, out: ToolsOutcome, writes: string[]): Promise<void> {
  const projects = playwrightProjects(t.suites);
  if (!projects.length) return;
  say(
    `Playwright: ${projects.join(', ')}${t.opts.shard ? ` (shard ${t.opts.shard.index}/${t.opts.shard.total})` : ''}`,
  );
  const r = await t.timings.time(
    'Playwright',
    run('playwright', ['test', ...projects.flatMap((p) => ['--project', p]), ...playwrightArgs(t.opts)], {
      env: t.env,
    }),
  );
  const starts = readTargetStarts(t.env);
  if (starts.count)
    t.timings.inside('Playwright', `${starts.count} worker target starts`, starts.ms, workersFor(t.env));
  if (r.error)
    for (const s of t.suites.filter((x) => playwrightProjects([x]).length))
      out.toolErrors.push({ suite: s, message: r.error });
  if (t.settings.kind !== 'reference') return;
  let data: ReturnType<typeof readDataWrites>;
  try {
    data = readDataWrites(t.env);
  } catch (err) {
    throw new CouldNotEvaluate((err as Error).message);
  }
  if (data.testsChecked > 0) {
    out.runMetrics = { ...out.runMetrics, 'data.digest_checked': 1, 'data.tables_changed': data.tables.length };
    for (const w of data.writers)
      writes.push(
        `${w.test} wrote ${Object.entries(w.tables)
          .map(([tb, n]) => `${n} row(s) of ${tb}`)
          .join(', ')}`,
      );
  }
}

/** Two throwaway reference targets of its own (the seed and 10× its data): no store is touched. */
async function scaling(t: ToolRun, out: ToolsOutcome): Promise<void> {
  say('scaling check');
  try {
    const { runScaling } = await import('../../perf/scaling/run-scaling.ts');
    const s = await t.timings.time('scaling check', runScaling({ reportsDir: t.reportsDir, env: t.env }));
    say(
      `scaling check (${s.factor}× the data): ${s.ops.map((o) => `${o.id} ${o.baseMs} → ${o.grownMs} ms (×${o.ratio})`).join(', ')}`,
    );
  } catch (err) {
    out.toolErrors.push({ suite: 'scaling', message: `the scaling check did not run: ${(err as Error).message}` });
  }
}

/** k6 and Lighthouse, on the run's own reference target (its tables digested before and after) or the store. */
async function targetTools(t: ToolRun, out: ToolsOutcome, writes: string[]): Promise<void> {
  const toolSuites = t.suites.filter((s) => s === 'load' || s === 'lighthouse');
  if (!toolSuites.length) return;
  let env = t.env;
  if (t.target) {
    env = { ...t.env, QA_BASE_URL: t.target.storeUrl };
    say(`reference target for ${toolSuites.map(toolName).join(' and ')} on ${t.target.storeUrl}`);
  }
  const digestBefore = t.target ? tableDigests(t.target) : undefined;
  try {
    const settings = readQaSettings(env);
    if (t.suites.includes('load')) {
      say(`k6: ${t.opts.loadProfile} profile`);
      try {
        const { runLoad } = await import('../../perf/run-k6.ts');
        await t.timings.time(
          'k6',
          withProgress(
            `k6 ${t.opts.loadProfile}`,
            runLoad({
              baseUrl: settings.baseUrl,
              profile: t.opts.loadProfile,
              gateProfile: t.opts.profile,
              reportsDir: t.reportsDir,
              env,
            }),
          ),
        );
      } catch (err) {
        out.toolErrors.push({ suite: 'load', message: `k6 did not run: ${(err as Error).message}` });
      }
    }
    if (t.suites.includes('lighthouse')) {
      say('Lighthouse');
      try {
        const { runLighthouse } = await import('../../a11y/lighthouse/run-lighthouse.ts');
        const { pages, runs } = (await import('../../a11y/lighthouse/config.ts')).lighthouseOptionsFromEnv(env);
        await t.timings.time(
          'Lighthouse',
          withProgress(
            'Lighthouse',
            runLighthouse({
              baseUrl: settings.baseUrl,
              settings,
              reportsDir: t.reportsDir,
              runs,
              ...(pages ? { pages } : {}),
              gateProfile: t.opts.profile,
            }),
          ),
        );
      } catch (err) {
        out.toolErrors.push({ suite: 'lighthouse', message: `Lighthouse did not run: ${(err as Error).message}` });
      }
    }
  } finally {
    if (t.target && digestBefore) {
      const after = tableDigests(t.target);
      const changed = Object.keys(after).filter((tb) => after[tb] !== digestBefore[tb]);
      out.runMetrics = {
        ...out.runMetrics,
        'data.digest_checked': 1,
        'data.tables_changed': (out.runMetrics['data.tables_changed'] ?? 0) + changed.length,
      };
      if (changed.length) writes.push(`${toolSuites.join(' and ')} wrote ${changed.join(', ')}`);
    }
  }
}
