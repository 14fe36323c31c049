/**
 * What axe-core checks, as data: the WCAG tag set the audits run with. Impact policy lives in
 * gate/gates.ts (`a11y.*`); accepted violations live in a11y/baseline.ts.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Impact = (typeof IMPACTS)[number];

export const isImpact = (v: unknown): v is Impact =>
  typeof v === 'string' && (IMPACTS as readonly string[]).includes(v);

/**
 * Result types axe reports in full (every node); `passes` and `inapplicable` keep one example
 * node per rule, which keeps each audit file small and the run fast.
 */
export const AXE_RESULT_TYPES = ['violations', 'incomplete'] as const;
