/**
 * The part of k6's JavaScript API the scripts under perf/ use, declared for `tsc` (the project
 * does not depend on @types/k6). k6 itself provides these modules at run time; Node never loads
 * a file that imports them. Signatures follow the k6 v1.x documentation.
 */
declare module 'k6' {
  export type Checkers<T> = Record<string, (value: T) => boolean>;
  export function check<T>(value: T, checkers: Checkers<T>, tags?: Record<string, string>): boolean;
  export function group<T>(name: string, fn: () => T): T;
  export function sleep(seconds: number): void;
  export function fail(reason?: string): never;
}

declare module 'k6/http' {
  export interface Params {
    headers?: Record<string, string>;
    tags?: Record<string, string>;
    /** 0 = do not follow redirects */
    redirects?: number;
    timeout?: string | number;
    responseType?: 'text' | 'binary' | 'none';
  }
  export interface ResponseCookie {
    name: string;
    value: string;
    domain: string;
    path: string;
    httpOnly: boolean;
    secure: boolean;
  }
  export interface Response {
    status: number;
    body: string | null;
    /** canonical header names, e.g. `Content-Type`, `Location` */
    headers: Record<string, string>;
    cookies: Record<string, ResponseCookie[]>;
    /** transport error text, '' when there was a response */
    error: string;
    error_code: number;
    url: string;
    timings: { duration: number; waiting: number };
    json(selector?: string): unknown;
  }
  export type Body = string | Record<string, string>;
  interface Http {
    get(url: string, params?: Params): Response;
    post(url: string, body?: Body | null, params?: Params): Response;
  }
  const http: Http;
  export default http;
}

declare module 'k6/crypto' {
  export function hmac(algorithm: 'sha256', secret: string, data: string, outputEncoding: 'hex'): string;
}

declare module 'k6/metrics' {
  export class Rate {
    constructor(name: string);
    add(value: boolean | number, tags?: Record<string, string>): void;
  }
  export class Counter {
    constructor(name: string);
    add(value: number, tags?: Record<string, string>): void;
  }
}

declare module 'k6/execution' {
  interface Execution {
    scenario: { name: string; startTime: number; iterationInTest: number; iterationInInstance: number };
    vu: { idInTest: number; iterationInInstance: number; iterationInScenario: number; tags: Record<string, string> };
    test: { abort(reason?: string): never };
  }
  const exec: Execution;
  export default exec;
}
