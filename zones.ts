/**
 * Ownership zones (as in the seed: backend, frontend, devops/qa) → the suites a change in them
 * needs. `npm run qa -- --changed [ref]` maps `git diff` onto these zones and runs only what the
 * changed zones need; a change to this file or to the gate spec runs everything.
 *
 * Patterns are globs relative to the repository root. Each zone lists both the extension's real
 * OpenCart paths (`upload/…`, for when the QA project lives beside the extension) and their
 * counterparts in this project's reference target.
 */
import type { Suite } from './gate/model.ts';
import { ROUTES } from './contracts/meschain-routes.ts';

/**
 * Who owns an admin page: the extension team (its module routes, from the contract) or OpenCart
 * core, whose markup the team cannot fix. Audit findings on core pages are reported and gated
 * apart (`a11y.core.*`, warn by default), so the extension's gate fails on what the team owns.
 */
export type PageOwner = 'MesChain-Sync' | 'OpenCart core';
const EXTENSION_MODULES = new Set(ROUTES.map((r) => r.module));
export function pageOwner(route: string): PageOwner {
  const m = /^extension\/module\/([a-z0-9_]+)/.exec(route);
  return m && EXTENSION_MODULES.has(m[1]!) ? 'MesChain-Sync' : 'OpenCart core';
}

export interface Zone {
  name: string;
  team: string;
  paths: string[];
  suites: Suite[];
}

export const ZONES: Zone[] = [
  {
    name: 'backend',
    team: 'backend',
    paths: [
      'upload/system/library/meschain/**',
      'upload/admin/controller/extension/module/meschain_*.php',
      'upload/admin/model/extension/module/meschain_*.php',
      'upload/catalog/controller/extension/module/**',
      'reference-target/extension/**',
      'reference-target/opencart/**',
      'reference-target/db/**',
      'reference-target/marketplaces/**',
      'reference-target/http/**',
      'reference-target/control/**',
      'reference-target/*.ts',
      'contracts/**',
    ],
    suites: ['core', 'api', 'security', 'oracle', 'load', 'scaling', 'ui'],
  },
  {
    name: 'frontend',
    team: 'frontend',
    paths: [
      'upload/admin/view/template/extension/module/meschain/**',
      'upload/admin/view/javascript/meschain/**',
      'upload/admin/view/stylesheet/meschain/**',
      'upload/admin/view/image/meschain/**',
      'reference-target/views/**',
      'reference-target/public/**',
      'reference-target/pages/**',
    ],
    suites: ['core', 'ui', 'pwa', 'a11y', 'lighthouse'],
  },
  {
    name: 'qa: API suite',
    team: 'devops/qa',
    paths: ['tests/api/**', 'fixtures/api/**', 'fixtures/opencart/admin-client.ts'],
    suites: ['core', 'api', 'security', 'oracle'],
  },
  { name: 'qa: oracle', team: 'devops/qa', paths: ['fixtures/oracle/**'], suites: ['oracle'] },
  { name: 'qa: stored-XSS matrix', team: 'devops/qa', paths: ['fixtures/security/**'], suites: ['ui'] },
  {
    name: 'qa: UI suite',
    team: 'devops/qa',
    paths: ['tests/ui/**', 'fixtures/pages/**', 'fixtures/auth/**', 'fixtures/opencart/admin-browser.ts'],
    suites: ['core', 'ui'],
  },
  { name: 'qa: PWA suite', team: 'devops/qa', paths: ['tests/pwa/**'], suites: ['pwa'] },
  { name: 'qa: load suite', team: 'devops/qa', paths: ['perf/**', 'gate/adapters/k6.ts'], suites: ['load'] },
  {
    name: 'qa: scaling check',
    team: 'devops/qa',
    paths: ['perf/scaling/**', 'gate/adapters/scaling.ts', 'reference-target/db/growth.ts'],
    suites: ['scaling'],
  },
  {
    name: 'qa: audits',
    team: 'devops/qa',
    paths: ['a11y/**', 'gate/adapters/axe.ts', 'gate/adapters/lighthouse.ts'],
    suites: ['a11y', 'lighthouse'],
  },
  {
    name: 'qa: shared fixtures',
    team: 'devops/qa',
    paths: ['fixtures/*.ts', 'fixtures/opencart/login.ts'],
    suites: ['core', 'api', 'security', 'oracle', 'ui', 'pwa', 'a11y'],
  },
  // the page proof and the preflight decide what every tool's evidence means: everything runs
  {
    name: 'qa: page proof and preflight',
    team: 'devops/qa',
    paths: ['fixtures/opencart/page-proof.ts', 'fixtures/opencart/preflight.ts'],
    suites: ['core', 'api', 'security', 'oracle', 'ui', 'pwa', 'load', 'a11y', 'lighthouse'],
  },
];

/** Files whose change means "run everything". */
export const RUN_EVERYTHING = [
  'zones.ts',
  'gate/**',
  'runner/**',
  'scripts/qa.ts',
  'scripts/setup.sh',
  'package.json',
  'package-lock.json',
  'playwright.config.ts',
  'allurerc.mjs',
  '.github/**',
  '.ci/**',
  'tsconfig.json',
];
