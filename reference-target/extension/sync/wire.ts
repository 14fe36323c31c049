/** Reading marketplace answers: JSON parsing and field checks whose errors say what was expected and found. */
import type { HttpCall, MarketplaceHttp } from './http-client.ts';

const show = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v)?.slice(0, 80) ?? String(v)));

export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}

export async function readJson(http: MarketplaceHttp, call: HttpCall): Promise<unknown> {
  const answer = await http.send(call);
  try {
    return JSON.parse(answer.body) as unknown;
  } catch {
    throw new WireFormatError(
      http.redact(
        `${http.title} ${call.method} ${call.path.split('?')[0]}: expected a JSON answer; found ${show(answer.body.slice(0, 80))}`,
      ),
    );
  }
}

export function obj(v: unknown, what: string): Record<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new WireFormatError(`${what}: expected an object; found ${show(v)}`);
}

export function arr(v: unknown, what: string): unknown[] {
  if (Array.isArray(v)) return v;
  throw new WireFormatError(`${what}: expected a list; found ${show(v)}`);
}

export function str(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  throw new WireFormatError(`${what}: expected a string; found ${show(v)}`);
}

export function num(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new WireFormatError(`${what}: expected a number; found ${show(v)}`);
}
