/**
 * Faults a marketplace simulator injects into its own API answers, switched through
 * `POST /__sim/faults`. Each counted fault hits the next `count` matching API requests, after
 * `afterRequests` matching requests went through unharmed; `latencyMs` delays every API request.
 */

/** Which API requests a counted fault applies to; both filters are optional. */
export interface FaultMatch {
  /** HTTP method, e.g. "POST" (case-insensitive). */
  method?: string;
  /** A substring the request path must contain, e.g. "/v2/products". */
  pathIncludes?: string;
}

export interface CountedFault extends FaultMatch {
  count: number;
  afterRequests?: number;
}

export interface SimulatorFaults {
  latencyMs?: number;
  /** Answers 429 with `Retry-After: retryAfterSeconds`, without processing the request. */
  rateLimit?: CountedFault & { retryAfterSeconds: number };
  /** Answers `status` (default 500) without processing the request. */
  serverErrors?: CountedFault & { status?: number };
  /** Processes the request, then withholds the answer (like a gateway timing out after the backend committed). */
  timeouts?: CountedFault;
}

export type FaultKind = 'rateLimit' | 'serverErrors' | 'timeouts';
export const FAULT_KINDS: readonly FaultKind[] = ['rateLimit', 'serverErrors', 'timeouts'];

/** A counted fault as it is being used up. */
export interface ArmedFault extends FaultMatch {
  kind: FaultKind;
  remaining: number;
  skipRemaining: number;
  retryAfterSeconds?: number;
  status?: number;
  injected: number;
}

export interface FaultSnapshot {
  latencyMs: number;
  armed: ArmedFault[];
  injected: Record<FaultKind, number>;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverErrors'; status: number }
  | { kind: 'timeouts' };

export class FaultInputError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function integer(
  obj: Record<string, unknown>,
  field: string,
  path: string,
  opts: { min: number; max: number; required: boolean },
): number | undefined {
  const v = obj[field];
  if (v === undefined && !opts.required) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < opts.min || v > opts.max) {
    throw new FaultInputError(
      `${path}.${field}: expected an integer ${opts.min}-${opts.max}; found ${JSON.stringify(v)}`,
    );
  }
  return v;
}

function optionalString(obj: Record<string, unknown>, field: string, path: string): string | undefined {
  const v = obj[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '')
    throw new FaultInputError(`${path}.${field}: expected a non-empty string; found ${JSON.stringify(v)}`);
  return v;
}

function countedFault(raw: unknown, kind: FaultKind): CountedFault | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw))
    throw new FaultInputError(`${kind}: expected an object {count, afterRequests?}; found ${JSON.stringify(raw)}`);
  const known = new Set(['count', 'afterRequests', 'method', 'pathIncludes', 'retryAfterSeconds', 'status']);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new FaultInputError(
      `${kind}: unknown field(s) ${unknown.join(', ')}; expected count, afterRequests, method, pathIncludes`,
    );
  return {
    count: integer(raw, 'count', kind, { min: 0, max: 100_000, required: true }) ?? 0,
    afterRequests: integer(raw, 'afterRequests', kind, { min: 0, max: 100_000, required: false }),
    method: optionalString(raw, 'method', kind),
    pathIncludes: optionalString(raw, 'pathIncludes', kind),
  };
}

/** Validates a `POST /__sim/faults` body; the message names the field, what was expected and what was found. */
export function parseSimulatorFaults(raw: unknown): SimulatorFaults {
  if (!isRecord(raw))
    throw new FaultInputError(
      `expected a JSON object {latencyMs?, rateLimit?, serverErrors?, timeouts?}; found ${JSON.stringify(raw)}`,
    );
  const unknown = Object.keys(raw).filter((k) => !['latencyMs', ...FAULT_KINDS].includes(k));
  if (unknown.length > 0)
    throw new FaultInputError(
      `unknown fault(s) ${unknown.join(', ')}; expected latencyMs, rateLimit, serverErrors, timeouts`,
    );
  const out: SimulatorFaults = {};
  const latency = integer(raw, 'latencyMs', 'faults', { min: 0, max: 60_000, required: false });
  if (latency !== undefined) out.latencyMs = latency;
  const rate = countedFault(raw.rateLimit, 'rateLimit');
  if (rate) {
    const retryAfterSeconds =
      integer(raw.rateLimit as Record<string, unknown>, 'retryAfterSeconds', 'rateLimit', {
        min: 0,
        max: 3600,
        required: true,
      }) ?? 0;
    out.rateLimit = { ...rate, retryAfterSeconds };
  }
  const errors = countedFault(raw.serverErrors, 'serverErrors');
  if (errors) {
    const status = integer(raw.serverErrors as Record<string, unknown>, 'status', 'serverErrors', {
      min: 500,
      max: 599,
      required: false,
    });
    out.serverErrors = status === undefined ? errors : { ...errors, status };
  }
  const timeouts = countedFault(raw.timeouts, 'timeouts');
  if (timeouts) out.timeouts = timeouts;
  return out;
}

function matches(f: FaultMatch, method: string, path: string): boolean {
  return (
    (f.method === undefined || f.method.toUpperCase() === method) &&
    (f.pathIncludes === undefined || path.includes(f.pathIncludes))
  );
}

/** The live fault plan of one simulator: decides, request by request, which fault (if any) to inject. */
export class FaultPlan {
  #latencyMs = 0;
  #armed: ArmedFault[] = [];
  #injected: Record<FaultKind, number> = { rateLimit: 0, serverErrors: 0, timeouts: 0 };

  /** Replaces every fault; `{}` switches all of them off. Injection counters keep counting. */
  set(faults: SimulatorFaults): void {
    this.#latencyMs = faults.latencyMs ?? 0;
    this.#armed = [];
    for (const kind of FAULT_KINDS) {
      const f = faults[kind];
      if (!f || f.count === 0) continue;
      this.#armed.push({
        kind,
        remaining: f.count,
        skipRemaining: f.afterRequests ?? 0,
        injected: 0,
        ...(f.method !== undefined ? { method: f.method } : {}),
        ...(f.pathIncludes !== undefined ? { pathIncludes: f.pathIncludes } : {}),
        ...(kind === 'rateLimit' && faults.rateLimit ? { retryAfterSeconds: faults.rateLimit.retryAfterSeconds } : {}),
        ...(kind === 'serverErrors' ? { status: faults.serverErrors?.status ?? 500 } : {}),
      });
    }
  }

  reset(): void {
    this.set({});
    this.#injected = { rateLimit: 0, serverErrors: 0, timeouts: 0 };
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** Decides for one API request; a request that gets no fault counts towards every `afterRequests`. */
  decide(method: string, path: string): FaultDecision {
    const hit = this.#armed.find((f) => f.remaining > 0 && f.skipRemaining === 0 && matches(f, method, path));
    if (!hit) {
      for (const f of this.#armed) if (f.skipRemaining > 0 && matches(f, method, path)) f.skipRemaining--;
      return { kind: 'none' };
    }
    hit.remaining--;
    hit.injected++;
    this.#injected[hit.kind]++;
    switch (hit.kind) {
      case 'rateLimit':
        return { kind: 'rateLimit', retryAfterSeconds: hit.retryAfterSeconds ?? 1 };
      case 'serverErrors':
        return { kind: 'serverErrors', status: hit.status ?? 500 };
      case 'timeouts':
        return { kind: 'timeouts' };
    }
  }

  snapshot(): FaultSnapshot {
    return { latencyMs: this.#latencyMs, armed: this.#armed.map((f) => ({ ...f })), injected: { ...this.#injected } };
  }
}
