/**
 * `source: 'policy'`: the waiver and quarantine registries (gate/waivers.ts, gate/quarantine.ts)
 * — how many entries were read and how many are past their expiry. Judged on every run, even
 * when a suite's results could not be read: an expired entry is a fact of the registry.
 */
import { judgeThreshold } from './threshold.ts';
import type { GateRule } from './types.ts';

export const policyRegistryRule: GateRule = {
  source: 'policy',
  reads: 'the waiver and quarantine registries: waivers.read, waivers.expired, quarantine.read, quarantine.expired',
  evaluate(c, { policy }) {
    const metrics = {
      'waivers.read': policy.waivers.read,
      'waivers.expired': policy.waivers.expired.length,
      'quarantine.read': policy.quarantine.read,
      'quarantine.expired': policy.quarantine.expired.length,
    };
    const expired = [
      ...(c.metric.startsWith('waivers.')
        ? policy.waivers.expired.map((w) => `${JSON.stringify(w.match)} (${w.owner}, expired ${w.expires})`)
        : []),
      ...(c.metric.startsWith('quarantine.')
        ? policy.quarantine.expired.map((q) => `${q.test} (${q.owner}, expired ${q.expires})`)
        : []),
    ];
    return judgeThreshold(c, metrics, 'the policy registries', () =>
      expired.length ? `expired ${expired.join('; ')}` : '',
    );
  },
};
