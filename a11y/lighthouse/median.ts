/** Medians over Lighthouse runs (shared by the runner, which picks the median run's HTML, and the gate adapter). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Index of the run whose key (performance score) is the median; the earlier run on ties. */
export function medianIndex(keys: readonly number[]): number {
  if (keys.length === 0) throw new Error('median run of no runs');
  const order = keys.map((k, i) => ({ k, i })).sort((a, b) => a.k - b.k || a.i - b.i);
  return order[Math.floor((order.length - 1) / 2)]!.i;
}
