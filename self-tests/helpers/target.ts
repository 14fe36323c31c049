/** Starts a reference target in-process on free loopback ports, for self-tests. */
import { after, before } from 'node:test';
import { readTargetConfig } from '../../reference-target/config.ts';
import { startTarget, type RunningTarget } from '../../reference-target/target.ts';
import { readQaSettings, type QaSettings } from '../../fixtures/settings.ts';
import type { FaultName } from '../../reference-target/faults.ts';

export interface TestTarget {
  target: RunningTarget;
  settings: QaSettings;
}

export async function launchTarget(faults: FaultName[] = []): Promise<TestTarget> {
  const config = readTargetConfig({ TARGET_PORT: '0', MESCHAIN_FAULTS: faults.join(',') });
  const target = await startTarget(config);
  const settings = readQaSettings({ QA_BASE_URL: target.storeUrl, QA_TARGET_KIND: 'reference' });
  return { target, settings };
}

/**
 * Registers before/after hooks in the current suite; read `.current` inside tests. `setup` runs
 * in the same hook once the target is up (node:test does not order two root-level hooks).
 */
export function useTarget(
  faults: FaultName[] = [],
  setup?: (t: TestTarget) => Promise<void>,
): { readonly current: TestTarget } {
  let t: TestTarget | undefined;
  before(async () => {
    t = await launchTarget(faults);
    await setup?.(t);
  });
  after(async () => {
    await t?.target.close();
  });
  return {
    get current() {
      if (!t) throw new Error('target not started: call useTarget() at suite level');
      return t;
    },
  };
}
