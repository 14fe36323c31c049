/**
 * `--merge a,b,…`, the stage that replaces running the tools: the reports folders of several
 * partial runs (Playwright shards, a load job, an audit job — each run with QA_BLOB=1 or
 * --shard) combined as runner/report-folders.ts says — blob reports into one Playwright JSON
 * report, Allure results side by side, tool outputs copied — and their preflights checked to
 * describe the same store. The gate is then evaluated once: same verdict and counts as one
 * unsharded run.
 */
import { cpSync, existsSync, globSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Preflight } from '../../fixtures/opencart/preflight.ts';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import { run } from '../child.ts';
import { clearReportFolders, foldersMergedAs } from '../report-folders.ts';
import { CouldNotEvaluate } from '../say.ts';

export interface Merged {
  /** how many Playwright blob reports were merged */
  blobs: number;
  /** the partial runs' preflight (the same store), when they ran one */
  preflight?: Preflight;
}

export async function mergePartialRuns(
  partialDirs: string[],
  reportsDir: string,
  env: NodeJS.ProcessEnv,
): Promise<Merged> {
  const dirs = partialDirs.map((d) => resolve(PROJECT_ROOT, d));
  clearReportFolders(reportsDir);
  const blobs = resolve(reportsDir, 'blob-merged');
  mkdirSync(blobs, { recursive: true });
  let blobCount = 0;
  for (const d of dirs) {
    if (!existsSync(d))
      throw new CouldNotEvaluate(`--merge ${d}: expected a reports folder of a partial run; found nothing there.`);
    for (const folder of foldersMergedAs('blob')) {
      for (const z of globSync(`${folder}/*.zip`, { cwd: d }))
        cpSync(resolve(d, z), resolve(blobs, `${blobCount++}-${z.slice(folder.length + 1)}`));
    }
    for (const folder of foldersMergedAs('copy')) {
      if (existsSync(resolve(d, folder))) cpSync(resolve(d, folder), resolve(reportsDir, folder), { recursive: true });
    }
    for (const folder of foldersMergedAs('allure-results')) {
      if (existsSync(resolve(d, folder)))
        for (const f of readdirSync(resolve(d, folder))) cpSync(resolve(d, folder, f), resolve(reportsDir, folder, f));
    }
  }
  mkdirSync(resolve(reportsDir, 'playwright'), { recursive: true });
  if (blobCount) {
    const r = await run('playwright', ['merge-reports', '--reporter', 'json', blobs], {
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: resolve(reportsDir, 'playwright', 'results.json') },
      quiet: true,
    });
    if (r.error || r.code !== 0)
      throw new CouldNotEvaluate(`playwright merge-reports failed (${r.error ?? `exit ${r.code}`}).`);
  }
  const preflights = dirs
    .map((d) => resolve(d, 'preflight.json'))
    .filter((p) => existsSync(p))
    .map((p) => {
      try {
        return JSON.parse(readFileSync(p, 'utf8')) as Preflight;
      } catch (err) {
        throw new CouldNotEvaluate(
          `--merge: ${p}: expected the preflight a partial run wrote (JSON); found unreadable content (${(err as Error).message}). Re-run that partial run.`,
        );
      }
    });
  // (own reference targets listen on ports of their own: the extension's state must agree, not the URL)
  const states = [...new Set(preflights.map((p) => p.extension))];
  if (states.length > 1) {
    throw new CouldNotEvaluate(
      `--merge: expected the partial runs to find the extension in one state; their preflights disagree: ${preflights.map((p) => `${p.store} ${p.extension}`).join(' / ')}. Merge runs of the same store only.`,
    );
  }
  return { blobs: blobCount, ...(preflights[0] ? { preflight: preflights[0] } : {}) };
}
