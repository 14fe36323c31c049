/**
 * What the Lighthouse audits run, as data: default pages and runs, categories, Chromium flags.
 * Pages are keys of a11y/pages.ts. By default only the hub and reporting are audited (the two
 * chart-heavy pages) so `npm run qa` stays within its time budget; `QA_LIGHTHOUSE_PAGES=all` (or a
 * comma list) audits more, `QA_LIGHTHOUSE_RUNS` changes the number of runs per page (median taken).
 */
import { AUDIT_PAGES } from '../pages.ts';

export const DEFAULT_LIGHTHOUSE_PAGES = ['hub', 'reporting'] as const;
export const DEFAULT_LIGHTHOUSE_RUNS = 3;
/**
 * Lighthouse's own accessibility category is left out: it runs axe-core again, on fewer pages
 * (desktop only) than the a11y suite, which already audits every page on desktop and phone and
 * gates each violation by impact. Leaving it out saves about 1 s per run and keeps one verdict
 * per accessibility finding.
 */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'best-practices'] as const;

/**
 * Artifacts not gathered: the full-page screenshot only illustrates element thumbnails in the
 * HTML report (no gate reads it) and costs about 1.2 s per run.
 */
export const GATHER = { disableFullPageScreenshot: true } as const;

/**
 * How long Lighthouse waits for the page to go quiet before it stops recording. Its defaults
 * (1 s after FCP, 1 s after load, 1 s of network and of CPU quiet) are tuned for pages on the
 * internet; the store under test is on loopback, where 250 ms of quiet ends the load as surely.
 * About 3 s less per run; the metrics come from the trace, not from these waits.
 */
export const LOAD_WAITS = {
  pauseAfterFcpMs: 250,
  pauseAfterLoadMs: 250,
  networkQuietThresholdMs: 250,
  cpuQuietThresholdMs: 250,
} as const;

/** Debian's Chromium, headless, with the project's standard flags. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
] as const;

/** `QA_LIGHTHOUSE_PAGES` / `QA_LIGHTHOUSE_RUNS` → runner options (undefined = defaults). */
export function lighthouseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { pages?: string[]; runs: number } {
  const rawRuns = env.QA_LIGHTHOUSE_RUNS;
  const runs = rawRuns ? Number(rawRuns) : DEFAULT_LIGHTHOUSE_RUNS;
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
    throw new Error(
      `QA_LIGHTHOUSE_RUNS: expected a whole number 1-9 (runs per page, the median is taken); found ${JSON.stringify(rawRuns)}.`,
    );
  }
  const raw = env.QA_LIGHTHOUSE_PAGES?.trim();
  if (!raw) return { runs };
  if (raw === 'all') return { pages: AUDIT_PAGES.map((p) => p.key), runs };
  return {
    pages: raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    runs,
  };
}
