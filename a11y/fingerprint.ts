/**
 * Fingerprint of one axe violation: rule id + target selector. Stable across runs, viewports and
 * pages (the same header logo on every page is one violation), and what a11y/baseline.ts matches.
 */
export type AxeTarget = readonly (string | readonly string[])[];

/** axe's `target` (a selector per frame / shadow root) as one string: `iframe >>> #x`. */
export function targetSelector(target: AxeTarget): string {
  return target.map((t) => (typeof t === 'string' ? t : t.join(' >> '))).join(' >>> ');
}

export const fingerprint = (rule: string, target: string): string => `${rule}|${target}`;
