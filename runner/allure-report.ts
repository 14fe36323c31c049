/**
 * Generates the Allure 3 report (one HTML file, opens from disk) without ever leaving a broken
 * one behind: the report is generated beside the old one and swapped in when complete, and the
 * history file is updated on a copy that replaces the original only on success.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { run } from './child.ts';
import { PROJECT_ROOT } from '../fixtures/settings.ts';

export async function generateAllureReport(
  reportsDir: string,
  env: NodeJS.ProcessEnv,
  store = '',
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const tmp = resolve(reportsDir, `.allure-report.tmp-${process.pid}`);
  const final = resolve(reportsDir, 'allure-report');
  const history = resolve(reportsDir, 'allure-history.jsonl');
  const historyTmp = `${history}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  if (existsSync(history)) copyFileSync(history, historyTmp);
  // Allure's own API (runner/allure-generate.ts), so the verdict reaches its Quality Gates tab and header
  const gen = await run(
    process.execPath,
    [
      resolve(PROJECT_ROOT, 'runner', 'allure-generate.ts'),
      resolve(reportsDir, 'allure-results'),
      tmp,
      historyTmp,
      resolve(reportsDir, 'gate.json'),
      store,
    ],
    { env: { ...env, ALLURE_OUTPUT: tmp, ALLURE_HISTORY_PATH: historyTmp }, quiet: true },
  );
  if (gen.code !== 0 || !existsSync(resolve(tmp, 'index.html'))) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(historyTmp, { force: true });
    return {
      ok: false,
      message: `the Allure report could not be generated (${gen.error ?? `exit ${gen.code}`}); the previous report in ${final} is untouched.`,
    };
  }
  const old = `${final}.old-${process.pid}`;
  if (existsSync(final)) renameSync(final, old);
  renameSync(tmp, final);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(historyTmp)) renameSync(historyTmp, history);
  return { ok: true, path: resolve(final, 'index.html') };
}
