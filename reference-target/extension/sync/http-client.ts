/**
 * HTTP towards one marketplace, with the sync engine's retry policy: every attempt has a
 * timeout (AbortSignal.timeout); 429 waits for Retry-After; 5xx, timeouts and connection
 * errors back off exponentially from `baseBackoffMs`; after `maxAttempts` attempts the call
 * fails with a message that names the request, what was expected and what was found.
 * Messages never contain request headers; the secrets of the marketplace are redacted.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  maxAttempts: number;
  baseBackoffMs: number;
  requestTimeoutMs: number;
}

/** The longest Retry-After the engine honours; a longer one is cut to this. */
export const MAX_RETRY_AFTER_MS = 120_000;

export interface HttpCall {
  method: 'GET' | 'POST';
  /** path (and query) below the endpoint, e.g. `/suppliers/1/orders?page=0` */
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** sent as `Idempotency-Key` on every attempt of this call */
  idempotencyKey?: string;
  /** a non-2xx answer that must not be retried even though its status says so (e.g. a SOAP Client fault) */
  isPermanent?: (status: number, body: string) => boolean;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
  attempts: number;
}

export interface HttpClientOptions {
  /** marketplace title for messages, e.g. "Trendyol" */
  title: string;
  endpoint: string;
  /** headers on every request (authorization); never part of any message */
  headers: Record<string, string>;
  policy: RetryPolicy;
  /** values that must never appear in a message */
  secrets: string[];
  /** aborts waiting and in-flight requests (engine stop) */
  signal?: AbortSignal;
  /** told how many attempts each finished call needed */
  onAttempts?: (attempts: number) => void;
}

/** A call that ended without a 2xx answer. `status` is null when no answer came at all. */
export class MarketplaceHttpError extends Error {
  readonly status: number | null;
  readonly attempts: number;
  constructor(message: string, status: number | null, attempts: number) {
    super(message);
    this.name = 'MarketplaceHttpError';
    this.status = status;
    this.attempts = attempts;
  }
}

/** The engine was stopped while a call was waiting or in flight. */
export class SyncAbortedError extends Error {
  constructor(what: string) {
    super(`stopped: the sync engine was stopped during ${what}`);
    this.name = 'SyncAbortedError';
  }
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** A short reason from an error answer: a JSON `message`, a SOAP `faultstring`, or the start of the text. */
export function answerExcerpt(body: string): string {
  const soap = /<faultstring>([\s\S]*?)<\/faultstring>/.exec(body)?.[1];
  if (soap) return soap.trim().slice(0, 300);
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object') {
      const o = v as { message?: unknown; errors?: { message?: unknown }[] };
      const m =
        typeof o.message === 'string'
          ? o.message
          : typeof o.errors?.[0]?.message === 'string'
            ? o.errors[0].message
            : undefined;
      if (m) return m.slice(0, 300);
    }
  } catch {
    /* not JSON */
  }
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

export class MarketplaceHttp {
  readonly #opts: HttpClientOptions;

  constructor(opts: HttpClientOptions) {
    this.#opts = opts;
  }

  get title(): string {
    return this.#opts.title;
  }

  url(path: string): string {
    return `${this.#opts.endpoint.replace(/\/+$/, '')}${path}`;
  }

  redact(text: string): string {
    return redact(text, this.#opts.secrets);
  }

  /** Sends `call` until a 2xx answer, a permanent error, or the attempts run out. */
  async send(call: HttpCall): Promise<HttpAnswer> {
    const { policy, signal, title } = this.#opts;
    const what = `${title} ${call.method} ${call.path.split('?')[0]}`;
    let lastProblem = '';
    let lastStatus: number | null = null;
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      if (signal?.aborted) throw new SyncAbortedError(what);
      let waitMs = policy.baseBackoffMs * 2 ** (attempt - 1);
      try {
        const res = await this.#fetchOnce(call, policy.requestTimeoutMs);
        const body = await res.text();
        if (res.status >= 200 && res.status < 300) {
          this.#opts.onAttempts?.(attempt);
          return { status: res.status, headers: res.headers, body, attempts: attempt };
        }
        lastStatus = res.status;
        lastProblem = `HTTP ${res.status}${body ? ` (${answerExcerpt(body)})` : ''}`;
        const retryable = res.status === 429 || res.status === 408 || res.status >= 500;
        if (!retryable || call.isPermanent?.(res.status, body)) {
          this.#opts.onAttempts?.(attempt);
          const refused = res.status === 401 || res.status === 403 ? ' — the credentials were refused' : '';
          throw new MarketplaceHttpError(
            this.redact(`${what}: expected a 2xx answer; found ${lastProblem}${refused}`),
            res.status,
            attempt,
          );
        }
        if (res.status === 429) waitMs = retryAfterMs(res.headers.get('retry-after'), Date.now()) ?? waitMs;
      } catch (err) {
        if (err instanceof MarketplaceHttpError) throw err;
        if (signal?.aborted) throw new SyncAbortedError(what);
        lastStatus = null;
        lastProblem =
          err instanceof Error && err.name === 'TimeoutError'
            ? `no answer within ${policy.requestTimeoutMs} ms`
            : `no answer (${describeNetworkError(err)})`;
      }
      if (attempt === policy.maxAttempts) break;
      try {
        await sleep(waitMs, undefined, signal ? { signal } : {});
      } catch {
        throw new SyncAbortedError(what);
      }
    }
    this.#opts.onAttempts?.(policy.maxAttempts);
    throw new MarketplaceHttpError(
      this.redact(
        `${what}: expected a 2xx answer; found ${lastProblem} after ${policy.maxAttempts} attempt${policy.maxAttempts === 1 ? '' : 's'}`,
      ),
      lastStatus,
      policy.maxAttempts,
    );
  }

  async #fetchOnce(call: HttpCall, timeoutMs: number): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.#opts.signal ? AbortSignal.any([timeout, this.#opts.signal]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json, text/xml;q=0.9',
      ...this.#opts.headers,
      ...call.headers,
    };
    if (call.contentType) headers['content-type'] = call.contentType;
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    try {
      return await fetch(this.url(call.path), {
        method: call.method,
        headers,
        body: call.body,
        signal,
        redirect: 'manual',
      });
    } catch (err) {
      // fetch reports a timeout as the signal's reason
      if (timeout.aborted && !this.#opts.signal?.aborted) {
        const e = new Error(`no answer within ${timeoutMs} ms`);
        e.name = 'TimeoutError';
        throw e;
      }
      throw err;
    }
  }
}

function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string')
    return `${err.message}: ${cause.code}`;
  return err.message;
}
