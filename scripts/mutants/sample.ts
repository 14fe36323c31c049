/** A deterministic sample of mutants: the same seed and the same code give the same mutants. */
import type { MutantInfo } from './instrument.ts';

/** mulberry32: a small, well-known 32-bit PRNG; enough to pick a sample, not for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` mutants drawn without replacement (partial Fisher–Yates over the mutants in id order), then put back in id order. */
export function sampleMutants(mutants: readonly MutantInfo[], n: number, seed: number): MutantInfo[] {
  const pool = [...mutants].sort((a, b) => Number(a.id) - Number(b.id));
  const random = prng(seed);
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take).sort((a, b) => Number(a.id) - Number(b.id));
}
