/**
 * Everything a run writes under the reports folder for itself, in one list: what it is, and how
 * `--merge` combines it from partial runs. A run removes each of them first — stale results are
 * never this run's evidence. (The gate's history, baselines and the last verdict files —
 * gate.json, gate.md, timings.json, gate-history.jsonl, gate-baselines.json — are kept and
 * rewritten atomically.)
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ReportFolder {
  name: string;
  what: string;
  /**
   * `copy`: each partial run's folder is copied in; `allure-results`: their files side by side;
   * `blob`: Playwright blob reports merged into one JSON report; `per-run`: read from each
   * partial run in place, or not merged
   */
  merge: 'copy' | 'allure-results' | 'blob' | 'per-run';
}

export const REPORT_FOLDERS: readonly ReportFolder[] = [
  { name: 'preflight.json', what: 'what the store is and has (the preflight)', merge: 'per-run' },
  {
    name: 'requests',
    what: 'every request the run sent (read-only evidence without database access)',
    merge: 'per-run',
  },
  { name: 'allure-results', what: 'Allure results of every suite', merge: 'allure-results' },
  { name: 'playwright', what: "Playwright's JSON report and artifacts", merge: 'per-run' },
  { name: 'blob', what: "Playwright's blob report (--shard runs and CI jobs)", merge: 'blob' },
  { name: 'blob-merged', what: 'the blob reports being merged (--merge)', merge: 'per-run' },
  { name: 'api', what: 'contract coverage', merge: 'copy' },
  { name: 'k6', what: "k6's summary", merge: 'copy' },
  { name: 'scaling', what: 'the scaling check', merge: 'copy' },
  { name: 'a11y', what: 'axe audits', merge: 'copy' },
  { name: 'lighthouse', what: 'Lighthouse reports', merge: 'copy' },
  { name: 'data-writes', what: "tests' writes to their store (table digests)", merge: 'per-run' },
  { name: 'worker-targets', what: "Playwright workers' reference target starts", merge: 'per-run' },
  { name: '.auth', what: "the run's login sessions (removed at the end)", merge: 'per-run' },
];

export const foldersMergedAs = (how: ReportFolder['merge']): string[] =>
  REPORT_FOLDERS.filter((f) => f.merge === how).map((f) => f.name);

/** Removes every folder of the list and leaves an empty allure-results. */
export function clearReportFolders(reportsDir: string): void {
  for (const f of REPORT_FOLDERS) rmSync(resolve(reportsDir, f.name), { recursive: true, force: true });
  mkdirSync(resolve(reportsDir, 'allure-results'), { recursive: true });
}
