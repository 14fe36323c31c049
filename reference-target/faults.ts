/**
 * Fault switches: deliberate, documented defects the reference target can be started with
 * (`MESCHAIN_FAULTS=slow-api,authz-bypass`) or switched at run time through the QA control
 * route. Each one exists to prove that one quality gate can fail; `gate` names the condition
 * the canary for that fault expects to turn red. Off by default.
 */
export const FAULTS = {
  'slow-api': {
    effect: 'every extension JSON action answers 350 ms late',
    gate: 'perf.api.avg',
  },
  'api-errors': {
    effect: 'one extension JSON request in five answers HTTP 500 with an HTML error page',
    gate: 'perf.api.error_rate',
  },
  'schema-drift': {
    effect: 'dashboard metrics rename `total_products` to `totalProducts` and send counts as strings',
    gate: 'api.contract.failures',
  },
  'authz-bypass': {
    effect: 'state-changing actions skip the `modify` permission check (viewer can change data)',
    gate: 'security.findings',
  },
  'a11y-regression': {
    effect: 'dashboard templates drop form labels and image alt text and use low-contrast text',
    gate: 'a11y.serious',
  },
  'chart-empty': {
    effect: 'dashboard chart data comes back with empty datasets',
    gate: 'ui.failures',
  },
  'sw-broken': {
    effect: 'the service worker throws during install, so it never activates or serves offline',
    gate: 'pwa.failures',
  },
  'heavy-page': {
    effect: 'the hub dashboard loads an extra 2 MB render-blocking script and 60 extra requests',
    gate: 'lighthouse.performance',
  },
  'flaky-ui': {
    effect: 'the hub status table fails to render on every other dashboard load of a session',
    gate: 'tests.flaky',
  },
  'webhook-unsigned': {
    effect: 'the Trendyol webhook accepts any signature (or none) and replays',
    gate: 'security.findings',
  },
  'report-quadratic': {
    effect:
      "generating a report sums each product's sales one product at a time (cost grows with products × order lines)",
    gate: 'perf.scaling.report',
  },
  'push-scan': {
    effect:
      'a product push re-reads the sales of every item of its batch by scanning all order lines (cost grows with the catalogue)',
    gate: 'perf.scaling.push',
  },
  'module-missing': {
    effect:
      'the N11 module\'s controller is missing (a partly installed extension): every extension/module/n11 route answers "Page Not Found!"',
    gate: 'extension.modules_missing',
  },
  'batch-misroute': {
    effect:
      "a stock or price batch of several items writes each value to the next item's product (one-item batches stay right)",
    gate: 'oracle.failures',
  },
} as const satisfies Record<string, { effect: string; gate: string }>;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** Parses `MESCHAIN_FAULTS`; an unknown name is an error that lists the known ones. */
export function parseFaultList(raw: string | undefined): FaultName[] {
  if (!raw || !raw.trim()) return [];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) {
    throw new Error(
      `MESCHAIN_FAULTS: expected a comma list of ${FAULT_NAMES.join(', ')}; found unknown ${unknown
        .map((u) => JSON.stringify(u))
        .join(', ')}. Fix the name or unset MESCHAIN_FAULTS.`,
    );
  }
  return names as FaultName[];
}

/** The live set of switched-on faults of one running target. */
export class FaultSet {
  #on = new Set<FaultName>();
  constructor(initial: Iterable<FaultName> = []) {
    for (const f of initial) this.#on.add(f);
  }
  has(name: FaultName): boolean {
    return this.#on.has(name);
  }
  set(names: Iterable<FaultName>): void {
    this.#on = new Set(names);
  }
  list(): FaultName[] {
    return [...this.#on].sort();
  }
}
