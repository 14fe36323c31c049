/**
 * Accepted accessibility violations, by fingerprint (rule id + target selector), each with an
 * owner, a reason and an expiry. A violation not listed here is new and counts against the gate
 * (a11y.critical / a11y.serious block, moderate / minor warn); an entry past its expiry fails
 * `a11y.baseline.expired` (and stops accepting its violation); an entry no longer seen is reported
 * as fixed (`baseline.fixed` + a note) — delete it then, so the baseline only ever shrinks.
 *
 * Seeded 2026-11-24 from the first axe run on the clean reference target (desktop + phone).
 */
import type { BaselineEntry } from './baseline-types.ts';

export const A11Y_BASELINE: BaselineEntry[] = [
  // OpenCart core markup, shipped by every OpenCart 3 store (not MesChain-Sync code)
  {
    rule: 'link-in-text-block',
    target: 'a[href$="www.opencart.com"]',
    owner: 'platform team (OpenCart theme)',
    expires: '2027-05-31',
    reason:
      'OpenCart 3 core footer (common/footer.twig): the "OpenCart" link is only told apart by colour (1.5:1 against the footer text). ' +
      'Fix in the admin theme: `#footer a { text-decoration: underline; }`.',
  },
  {
    rule: 'heading-order',
    target: '#modal-security-title',
    route: 'common/dashboard',
    owner: 'platform team (OpenCart theme)',
    expires: '2027-05-31',
    reason:
      'OpenCart 3 core security notification (common/dashboard.twig) titles its modal with an h4 right after the page h1.',
  },
];
