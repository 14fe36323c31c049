/**
 * What every marketplace simulator shares around its own API: the request journal (secrets
 * masked), injected faults, `Idempotency-Key` replays and the control API under `/__sim/`
 * (`GET /__sim/state`, `POST /__sim/faults`, `POST /__sim/reset`).
 */
import { createHash } from 'node:crypto';
import { json, type Handler, type Reply, type Req } from '../http/types.ts';
import type { Marketplace } from '../extension/modules.ts';
import {
  FaultInputError,
  FaultPlan,
  parseSimulatorFaults,
  type FaultKind,
  type FaultSnapshot,
  type SimulatorFaults,
} from './simulator-faults.ts';
import type { ListedProduct, ProductStore, StoreCounts } from './product-store.ts';
import type { MarketplaceOrder } from './order-book.ts';

/** One marketplace's API behind the host: answers requests and owns the listings. */
export interface MarketplaceApi {
  readonly marketplace: Marketplace;
  readonly products: ProductStore;
  handle(req: Req): Reply;
  /** The request body as it goes into the journal: parsed, secrets masked. */
  recordBody(req: Req): unknown;
  /** Back to the initial listings; forgets every task. */
  reset(): void;
}

export interface RecordedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** every header; Authorization (and cookies) masked */
  headers: Record<string, string>;
  body: unknown;
  /** HTTP status answered (null while the answer is still pending) */
  status: number | null;
  fault: FaultKind | null;
  idempotencyKey: string | null;
  idempotentReplay: boolean;
}

export interface SimulatorCounts extends StoreCounts {
  requests: number;
  productsListed: number;
  /** requests answered from the Idempotency-Key cache instead of being processed again */
  idempotentReplays: number;
  /** an Idempotency-Key re-used with a different request (refused with 422) */
  idempotencyConflicts: number;
}

export interface SimulatorState {
  marketplace: Marketplace;
  counts: SimulatorCounts;
  products: ListedProduct[];
  faults: FaultSnapshot;
  /** the most recent API requests (at most MAX_RECORDED), oldest first */
  requests: RecordedRequest[];
  /** every order the marketplace holds, as the marketplace sees it (the truth an order import is checked against) */
  orders: readonly MarketplaceOrder[];
}

export const CONTROL_PREFIX = '/__sim/';
export const MAX_RECORDED = 5000;
/** How long a request hit by a `timeouts` fault waits before it is answered 504 (or until close/reset). */
export const TIMEOUT_HOLD_MS = 30_000;
const MASKED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

export function maskHeaders(headers: Req['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (MASKED_HEADERS.has(name)) {
      const scheme = name === 'cookie' ? '' : (text.split(' ')[0] ?? '');
      out[name] = scheme && scheme !== text ? `${scheme} ****` : '****';
    } else {
      out[name] = text;
    }
  }
  return out;
}

function header(req: Req, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SimulatorHost {
  readonly api: MarketplaceApi;
  /** the marketplace's orders (what `get_orders` pulls), for the control view */
  readonly orders: readonly MarketplaceOrder[];
  readonly faults = new FaultPlan();
  #journal: RecordedRequest[] = [];
  #seq = 0;
  #idempotency = new Map<string, { fingerprint: string; reply: Reply }>();
  #replays = 0;
  #conflicts = 0;
  #held = new Set<{ timer: NodeJS.Timeout; release: () => void }>();

  constructor(api: MarketplaceApi, orders: readonly MarketplaceOrder[] = []) {
    this.api = api;
    this.orders = orders;
  }

  readonly handler: Handler = async (req) => {
    if (req.url.pathname.startsWith(CONTROL_PREFIX)) return this.#control(req);
    return this.#apiRequest(req);
  };

  setFaults(faults: SimulatorFaults): void {
    this.faults.set(faults);
  }

  reset(): void {
    this.releaseHeld();
    this.api.reset();
    this.faults.reset();
    this.#journal = [];
    this.#seq = 0;
    this.#idempotency.clear();
    this.#replays = 0;
    this.#conflicts = 0;
  }

  /** Answers every request a `timeouts` fault is holding (504), so a closing server does not wait for them. */
  releaseHeld(): void {
    for (const h of this.#held) {
      clearTimeout(h.timer);
      h.release();
    }
    this.#held.clear();
  }

  state(): SimulatorState {
    return {
      marketplace: this.api.marketplace,
      counts: {
        requests: this.#seq,
        productsListed: this.api.products.size,
        ...this.api.products.counts(),
        idempotentReplays: this.#replays,
        idempotencyConflicts: this.#conflicts,
      },
      products: this.api.products.list(),
      faults: this.faults.snapshot(),
      requests: this.#journal.map((r) => ({ ...r })),
      orders: this.orders,
    };
  }

  #control(req: Req): Reply {
    const path = req.url.pathname;
    if (path === '/__sim/state' && req.method === 'GET') return json(this.state());
    if (path === '/__sim/reset' && req.method === 'POST') {
      this.reset();
      return json({ ok: true, marketplace: this.api.marketplace });
    }
    if (path === '/__sim/faults' && req.method === 'POST') {
      if (req.body._malformed === true) return json({ error: 'expected a JSON body; found malformed JSON' }, 400);
      try {
        this.setFaults(parseSimulatorFaults(req.body));
      } catch (err) {
        if (err instanceof FaultInputError) return json({ error: err.message }, 400);
        throw err;
      }
      return json({ ok: true, faults: this.faults.snapshot() });
    }
    return json(
      {
        error: `unknown control route ${req.method} ${path}; expected GET /__sim/state, POST /__sim/faults or POST /__sim/reset`,
      },
      404,
    );
  }

  #record(req: Req): RecordedRequest {
    const entry: RecordedRequest = {
      seq: ++this.#seq,
      at: new Date().toISOString(),
      method: req.method,
      path: req.url.pathname,
      query: req.query,
      headers: maskHeaders(req.headers),
      body: this.api.recordBody(req),
      status: null,
      fault: null,
      idempotencyKey: header(req, 'idempotency-key') ?? null,
      idempotentReplay: false,
    };
    this.#journal.push(entry);
    if (this.#journal.length > MAX_RECORDED) this.#journal.shift();
    return entry;
  }

  async #apiRequest(req: Req): Promise<Reply> {
    const entry = this.#record(req);
    const answer = (r: Reply): Reply => {
      entry.status = r.status;
      return r;
    };
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);

    const decision = this.faults.decide(req.method, req.url.pathname);
    if (decision.kind !== 'none') entry.fault = decision.kind;
    if (decision.kind === 'rateLimit') {
      return answer(
        json(
          {
            errors: [
              {
                code: 'TOO_MANY_REQUESTS',
                message: `Rate limit exceeded; retry after ${decision.retryAfterSeconds} s`,
              },
            ],
          },
          429,
          { 'retry-after': String(decision.retryAfterSeconds) },
        ),
      );
    }
    if (decision.kind === 'serverErrors') {
      return answer(
        json({ errors: [{ code: 'SERVER_ERROR', message: 'Simulated marketplace server error' }] }, decision.status),
      );
    }

    const processed = this.#processOnce(req, entry);
    if (decision.kind === 'timeouts') {
      // the work is done (and cached under its Idempotency-Key), only the answer is lost
      await this.#hold();
      return answer(
        json({ errors: [{ code: 'GATEWAY_TIMEOUT', message: 'Simulated timeout: the answer was withheld' }] }, 504),
      );
    }
    return answer(processed);
  }

  /** Runs the API once per Idempotency-Key; a repeat gets the first (2xx) answer again. */
  #processOnce(req: Req, entry: RecordedRequest): Reply {
    const key = entry.idempotencyKey;
    if (key === null) return this.api.handle(req);
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.url.pathname}${req.url.search}\n`)
      .update(req.rawBody)
      .digest('hex');
    const cached = this.#idempotency.get(key);
    if (cached) {
      if (cached.fingerprint !== fingerprint) {
        this.#conflicts++;
        return json(
          {
            errors: [
              {
                code: 'IDEMPOTENCY_KEY_REUSED',
                message: `Idempotency-Key ${key} was first used for a different request; expected the same method, path and body`,
              },
            ],
          },
          422,
        );
      }
      this.#replays++;
      entry.idempotentReplay = true;
      return { ...cached.reply, headers: { ...cached.reply.headers, 'idempotent-replayed': 'true' } };
    }
    const reply = this.api.handle(req);
    if (reply.status >= 200 && reply.status < 300) this.#idempotency.set(key, { fingerprint, reply });
    return reply;
  }

  #hold(): Promise<void> {
    return new Promise<void>((resolve) => {
      const held = {
        timer: setTimeout(() => {
          this.#held.delete(held);
          resolve();
        }, TIMEOUT_HOLD_MS),
        release: resolve,
      };
      held.timer.unref();
      this.#held.add(held);
    });
  }
}
