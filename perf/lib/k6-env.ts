/** k6's `__ENV` (the process environment k6 was started with), typed. */
export const K6_ENV: Record<string, string | undefined> = (
  globalThis as unknown as { __ENV: Record<string, string | undefined> }
).__ENV;
