/** Small input checks the simulators share; each failure reason says what was expected and what was found. */
import { timingSafeEqual } from 'node:crypto';
import { param } from '../http/types.ts';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export const found = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/** Reasons an item field is invalid, collected into `reasons`; returns the value when valid. */
export function requireText(
  item: Record<string, unknown>,
  field: string,
  reasons: string[],
  max = 255,
): string | undefined {
  const v = item[field];
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
    reasons.push(`${field}: expected a non-empty string of at most ${max} characters; found ${found(v)}`);
    return undefined;
  }
  return v;
}

export function requireQuantity(item: Record<string, unknown>, field: string, reasons: string[]): number | undefined {
  const v = item[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000) {
    reasons.push(`${field}: expected an integer 0-1000000; found ${found(v)}`);
    return undefined;
  }
  return v;
}

export function requirePrice(item: Record<string, unknown>, field: string, reasons: string[]): number | undefined {
  const v = item[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 10_000_000) {
    reasons.push(`${field}: expected a price above 0; found ${found(v)}`);
    return undefined;
  }
  return v;
}

export function optionalText(item: Record<string, unknown>, field: string): string | null {
  const v = item[field];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

/** A non-negative integer query parameter, or a reason when present and invalid. */
export function queryInt(
  query: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number | string {
  const raw = param(query, name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    return `${name}: expected an integer ${min}-${max}; found ${JSON.stringify(raw)}`;
  return n;
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given),
    b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
