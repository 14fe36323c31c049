/**
 * Which suites exist and how each one runs. Playwright-based suites run in one Playwright
 * invocation (projects chosen by suite); k6 and Lighthouse have runner modules of their own.
 */
import { existsSync, globSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Suite } from '../gate/model.ts';
import { PROJECT_ROOT } from '../fixtures/settings.ts';

export const PLAYWRIGHT_PROJECTS: Partial<Record<Suite, string[]>> = {
  core: ['api', 'ui-desktop', 'ui-phone', 'a11y'],
  api: ['api'],
  security: ['api'],
  oracle: ['api'],
  ui: ['ui-desktop', 'ui-phone'],
  pwa: ['pwa'],
  a11y: ['a11y'],
};

const has = (pattern: string): boolean => globSync(pattern, { cwd: PROJECT_ROOT }).length > 0;

/** A suite is available when its tests or its runner module exist in this checkout. */
export function availableSuites(): Suite[] {
  const out: Suite[] = [];
  if (has('tests/**/*.spec.ts')) out.push('core');
  if (has('tests/api/**/*.spec.ts')) out.push('api', 'security', 'oracle');
  if (has('tests/ui/**/*.spec.ts')) out.push('ui');
  if (has('tests/pwa/**/*.spec.ts')) out.push('pwa');
  if (existsSync(resolve(PROJECT_ROOT, 'perf/run-k6.ts'))) out.push('load');
  if (existsSync(resolve(PROJECT_ROOT, 'perf/scaling/run-scaling.ts'))) out.push('scaling');
  if (has('a11y/**/*.a11y.ts')) out.push('a11y');
  if (existsSync(resolve(PROJECT_ROOT, 'a11y/lighthouse/run-lighthouse.ts'))) out.push('lighthouse');
  return out;
}

export function playwrightProjects(suites: Suite[]): string[] {
  return [...new Set(suites.flatMap((s) => PLAYWRIGHT_PROJECTS[s] ?? []))];
}
