/**
 * Stage 4 — every tool's output read through its adapter (gate/adapters/) into the one result
 * model. An unreadable output marks the suites it belonged to (could not evaluate); a tool that
 * could not run at all is added the same way.
 */
import { resolve } from 'node:path';
import { readPlaywrightResults } from '../../gate/adapters/playwright.ts';
import { ResultsUnreadable, type Suite, type SuiteResult } from '../../gate/model.ts';
import { playwrightProjects } from '../suites.ts';

export interface Adapted {
  results: SuiteResult[];
  unreadable: { suite: Suite; message: string }[];
}

export async function adapt(
  suites: Suite[],
  reportsDir: string,
  toolErrors: { suite: Suite; message: string }[] = [],
): Promise<Adapted> {
  const out: Adapted = { results: [], unreadable: [] };
  const attempt = async (owners: Suite[], read: () => SuiteResult[] | Promise<SuiteResult[]>) => {
    try {
      out.results.push(...(await read()));
    } catch (err) {
      if (!(err instanceof ResultsUnreadable)) throw err;
      for (const s of owners) out.unreadable.push({ suite: s, message: err.message });
    }
  };
  const pwSuites = suites.filter((s) => playwrightProjects([s]).length > 0);
  if (pwSuites.length) {
    await attempt(pwSuites, () =>
      readPlaywrightResults(resolve(reportsDir, 'playwright', 'results.json'), {
        coveragePath: resolve(reportsDir, 'api', 'coverage.json'),
      }),
    );
  }
  if (suites.includes('load')) {
    await attempt(['load'], async () => [
      (await import('../../gate/adapters/k6.ts')).readK6Summary(resolve(reportsDir, 'k6', 'summary.json')),
    ]);
  }
  if (suites.includes('scaling')) {
    await attempt(['scaling'], async () => [
      (await import('../../gate/adapters/scaling.ts')).readScalingSummary(
        resolve(reportsDir, 'scaling', 'summary.json'),
      ),
    ]);
  }
  // axe audits: the extension's pages are the a11y suite, OpenCart core pages part of the core suite
  const axeSuites = suites.filter((s) => s === 'a11y' || s === 'core');
  if (axeSuites.length) {
    await attempt(axeSuites, async () => {
      const { readAxeResults } = await import('../../gate/adapters/axe.ts');
      const { A11Y_BASELINE } = await import('../../a11y/baseline.ts');
      const now = new Date();
      return axeSuites.map((s) =>
        readAxeResults(
          resolve(reportsDir, 'a11y'),
          A11Y_BASELINE,
          now,
          s === 'core' ? 'OpenCart core' : 'MesChain-Sync',
        ),
      );
    });
  }
  if (suites.includes('lighthouse')) {
    await attempt(['lighthouse'], async () => [
      (await import('../../gate/adapters/lighthouse.ts')).readLighthouseReports(resolve(reportsDir, 'lighthouse')),
    ]);
  }
  for (const e of toolErrors) if (!out.unreadable.some((u) => u.suite === e.suite)) out.unreadable.push(e);
  return out;
}
