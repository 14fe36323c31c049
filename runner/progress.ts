/** A heartbeat line every 30 s while long, quiet work runs (k6 load/soak, Lighthouse). */
export async function withProgress<T>(label: string, work: Promise<T>, everyMs = 30_000): Promise<T> {
  const started = Date.now();
  const timer = setInterval(
    () => console.log(`[qa] ${label}: still running, ${Math.round((Date.now() - started) / 1000)} s elapsed`),
    everyMs,
  );
  try {
    return await work;
  } finally {
    clearInterval(timer);
    console.log(`[qa] ${label}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
