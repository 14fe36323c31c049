/**
 * The one result model every tool's output is turned into (by gate/adapters/*), and that the
 * gate engine and the Allure writer read.
 */
import type { SuiteId } from './spec-types.ts';

export type Suite = Exclude<SuiteId, 'all'>;
export const SUITES: readonly Suite[] = [
  'core',
  'api',
  'security',
  'oracle',
  'ui',
  'pwa',
  'load',
  'scaling',
  'a11y',
  'lighthouse',
];

export type TestStatus = 'passed' | 'failed' | 'flaky' | 'skipped';

export interface TestOutcome {
  /** stable id: `<project> › <file> › <describe> › <title>` for Playwright; adapters define theirs */
  id: string;
  title: string;
  suite: Suite;
  status: TestStatus;
  /** how many times it ran (retries + 1) */
  attempts: number;
  durationMs: number;
  error?: string;
  tags: string[];
  /** set by the engine when a waiver or quarantine entry matched */
  waivedBy?: string;
  quarantinedBy?: string;
  /** a finding shown as a result (e.g. an axe violation on an OpenCart core page), not a test: left out of tests.* counts */
  finding?: boolean;
}

export interface Finding {
  /** stable fingerprint, e.g. `color-contrast|#marketplace-status td` or a security test id */
  fingerprint: string;
  rule: string;
  /** axe impact or security severity */
  impact: 'critical' | 'serious' | 'moderate' | 'minor';
  title: string;
  page?: string;
  target?: string;
  helpUrl?: string;
  waivedBy?: string;
  /** who can fix it (zones.ts pageOwner): the extension team or OpenCart core */
  owner?: string;
}

/** A file the adapter read or wants attached to the report (already free of secrets). */
export interface Artifact {
  name: string;
  path: string;
  contentType: string;
}

export interface SuiteResult {
  suite: Suite;
  tool: string;
  /** files read */
  sources: string[];
  /** numeric results the gate conditions read, e.g. `tests.executed`, `http.avg_ms` */
  metrics: Record<string, number>;
  tests: TestOutcome[];
  findings: Finding[];
  artifacts: Artifact[];
  notes: string[];
}

/** An adapter could not read what the tool wrote: the gate cannot be evaluated on it. */
export class ResultsUnreadable extends Error {
  readonly source: string;
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.source = source;
  }
}

export function emptySuite(suite: Suite, tool: string, sources: string[] = []): SuiteResult {
  return { suite, tool, sources, metrics: {}, tests: [], findings: [], artifacts: [], notes: [] };
}

/** Counts of a list of tests, as the `tests.*` metrics every test suite exposes. */
export function testMetrics(all: TestOutcome[]): Record<string, number> {
  // a reported finding (an OpenCart core page's axe violation) is shown as a result, not counted as a test
  const tests = all.filter((t) => !t.finding);
  const counted = tests.filter((t) => !t.quarantinedBy);
  const by = (s: TestStatus) => counted.filter((t) => t.status === s).length;
  const executed = counted.filter((t) => t.status !== 'skipped').length;
  const failed = counted.filter((t) => t.status === 'failed' && !t.waivedBy).length;
  return {
    'tests.total': tests.length,
    'tests.executed': executed,
    'tests.passed': by('passed'),
    'tests.failed': failed,
    'tests.flaky': by('flaky'),
    'tests.skipped': by('skipped'),
    'tests.waived': counted.filter((t) => t.status === 'failed' && t.waivedBy).length,
    'tests.quarantined': tests.length - counted.length,
    'tests.pass_rate': executed === 0 ? 0 : Math.round(((executed - failed) / executed) * 10000) / 100,
  };
}
