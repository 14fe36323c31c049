/** Every gate rule, by the `source` a condition names (gate/spec-types.ts). */
import type { Condition } from '../spec-types.ts';
import { allTestsRule } from './all-tests.ts';
import { policyRegistryRule } from './policy-registry.ts';
import { runMetricRule } from './run-metric.ts';
import { suiteMetricRule } from './suite-metric.ts';
import type { GateRule } from './types.ts';

export const RULES: Record<NonNullable<Condition['source']>, GateRule> = {
  suite: suiteMetricRule,
  tests: allTestsRule,
  policy: policyRegistryRule,
  run: runMetricRule,
};

export const ruleFor = (c: Condition): GateRule => RULES[c.source ?? 'suite'];

export type { GateRule, RuleContext, RuleVerdict } from './types.ts';
