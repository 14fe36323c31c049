/**
 * Telling the intended admin page from the login form OpenCart serves instead (HTTP 200, same
 * URL, title "Administration") when the user_token is missing or wrong.
 */
export const LOGIN_TITLE = 'Administration';

export const routeOfUrl = (url: string): string | null => {
  try {
    return new URL(url).searchParams.get('route');
  } catch {
    return null;
  }
};

// one page proof for every tool: the title and the login form are read as fixtures/opencart/page-proof.ts reads them
export { pageTitle as titleOf, hasLoginForm } from '../fixtures/opencart/page-proof.ts';
