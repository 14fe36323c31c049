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

export function titleOf(html: string): string | null {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : null;
}

export const hasLoginForm = (html: string): boolean => /\bid=["']?input-username\b/.test(html);
