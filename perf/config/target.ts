/**
 * Where load may go: 127.0.0.1 (loopback) only, unless MESCHAIN_LOAD_ALLOW_REMOTE=1 says
 * otherwise on purpose. Checked by the runner (perf/run-k6.ts) before k6 starts and again by
 * the k6 script itself. Plain code, no Node or k6 API: both import it.
 */
export const ALLOW_REMOTE_ENV = 'MESCHAIN_LOAD_ALLOW_REMOTE';

const URL_SHAPE = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s]+)(?::(\d{1,5}))?\/*$/;

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Returns the base URL without trailing slash, or throws an error that says what was expected,
 * what was found and what to do.
 */
export function loadTargetUrl(baseUrl: string | undefined, allowRemote: string | undefined): string {
  const raw = (baseUrl ?? '').trim();
  const m = URL_SHAPE.exec(raw);
  if (!m) {
    throw new Error(
      `load target: expected QA_BASE_URL like http://127.0.0.1:8790 (scheme://host[:port], no path); found ${JSON.stringify(raw)}. ` +
        '`npm run qa` sets it when it starts the reference target.',
    );
  }
  const host = m[2] as string;
  if (!isLoopbackHost(host) && allowRemote !== '1') {
    throw new Error(
      `load target: expected a loopback host (127.0.0.1, localhost, ::1); found ${host}. Load runs against 127.0.0.1 only so that ` +
        `nobody load-tests a shared or live store by accident. To load a store you own on purpose, set ${ALLOW_REMOTE_ENV}=1.`,
    );
  }
  return raw.replace(/\/+$/, '');
}
