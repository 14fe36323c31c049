/**
 * Proof that a Lighthouse run audited the intended admin page and not the login form OpenCart
 * serves (HTTP 200, same URL) when the user_token is lost. Written into each LHR file under
 * `meschainQa`, and re-checked by the gate adapter from the file alone.
 */
import { LOGIN_TITLE, routeOfUrl } from '../landing.ts';
import type { PageKind } from '../../fixtures/opencart/page-proof.ts';

export interface RunProof {
  generatedBy: 'meschain-qa';
  page: string;
  route: string;
  run: number;
  gateProfile: string;
  /** `<title>` of the main document Lighthouse loaded, null when it had none */
  title: string | null;
  /** the main document carries OpenCart's login form (`#input-username`) */
  loginForm: boolean;
  /** what the page proof (fixtures/opencart/page-proof.ts) made of the main document, and why */
  kind?: PageKind;
  reason?: string;
  /** Lighthouse's wall time for this run */
  durationMs: number;
}

/** Why a run does not prove the intended page, or null when it does. */
export function wrongPageReason(
  finalDisplayedUrl: string | undefined,
  proof: Pick<RunProof, 'route' | 'title' | 'loginForm' | 'kind' | 'reason'> | undefined,
  runtimeError?: string,
): string | null {
  if (!proof)
    return 'no proof of the page (the LHR has no meschainQa block: not written by a11y/lighthouse/run-lighthouse.ts)';
  if (runtimeError) return `Lighthouse could not audit the page: ${runtimeError}`;
  const route = routeOfUrl(finalDisplayedUrl ?? '');
  if (route !== proof.route) return `final URL has route=${route ?? '(none)'}, expected ${proof.route}`;
  // a permission, not-found or PHP error page is not evidence of the page's performance
  if (proof.kind !== undefined && proof.kind !== 'page')
    return proof.reason ?? `the page is OpenCart's ${proof.kind} page`;
  if (proof.loginForm) return 'the page is the OpenCart login form (user_token lost)';
  if (!proof.title) return 'the main document has no <title>';
  if (proof.title === LOGIN_TITLE) return `the page title is "${LOGIN_TITLE}" (the login page)`;
  return null;
}
