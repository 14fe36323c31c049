/** The small HTTP model every handler of the reference target works with. */
import type { IncomingHttpHeaders } from 'node:http';

export interface Req {
  method: string;
  url: URL;
  /** PHP-style parsed query string (`a[0][b]=c` → nested), like OpenCart's `$this->request->get`. */
  query: Record<string, unknown>;
  /** PHP-style parsed form body or parsed JSON body, like `$this->request->post`. */
  body: Record<string, unknown>;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
  ip: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export type Handler<R extends Req = Req> = (req: R) => Reply | Promise<Reply>;

export function reply(status: number, body: string | Buffer, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers, body };
}

export function html(body: string, status = 200, headers: Record<string, string | string[]> = {}): Reply {
  return reply(status, body, { 'content-type': 'text/html; charset=utf-8', ...headers });
}

export function json(value: unknown, status = 200, headers: Record<string, string | string[]> = {}): Reply {
  return reply(status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

export function redirect(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return reply(302, '', { location, ...headers });
}

/** First value of a query/body parameter as a string, or undefined. */
export function param(source: Record<string, unknown>, name: string): string | undefined {
  const v = source[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}
