/**
 * What a gate rule is: a small module that knows where one kind of condition reads its numbers
 * (a suite's results, every test of the run, the policy registries, the run itself) and how it
 * judges and words them. The engine (gate/engine.ts) only picks a condition's rule by its
 * `source` and runs it; it knows nothing per rule — in the style of Allure 3's quality-gate rules.
 */
import type { Condition, ProfileName } from '../spec-types.ts';
import type { Suite, SuiteResult } from '../model.ts';
import type { PolicyOutcome } from '../policy.ts';

/** Everything a rule may read about the run. */
export interface RuleContext {
  profile: ProfileName;
  /** suites that were run */
  ran: readonly Suite[];
  /** one result per suite, tools merged, tests.* computed after waivers and quarantine */
  suites: ReadonlyMap<Suite, SuiteResult>;
  /** the results exactly as the adapters gave them (e.g. to tell Playwright tests from other tools) */
  results: readonly SuiteResult[];
  /** suites whose results could not be read, with why */
  unreadable: ReadonlyMap<Suite, string>;
  policy: PolicyOutcome;
  /** metrics of the run itself (data digests, the preflight) */
  runMetrics: Readonly<Record<string, number>>;
}

/** A rule's answer: judged (with the number it read) or not judged, with why. */
export type RuleVerdict =
  | { status: 'passed' | 'failed'; actual: number | null; evidence: number; message: string }
  | { status: 'not-run' | 'error'; message: string };

export interface GateRule {
  /** the `source` value of the conditions this rule evaluates */
  source: NonNullable<Condition['source']>;
  /** what it reads, for docs and error messages */
  reads: string;
  evaluate(condition: Condition, ctx: RuleContext): RuleVerdict;
}
