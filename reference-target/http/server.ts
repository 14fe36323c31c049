/**
 * Turns node:http requests into `Req`, calls a handler, writes its `Reply`.
 * Bodies over 1 MiB are refused with 413; the raw body is kept for signature checks.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import qs from 'qs';
import type { Handler, Reply, Req } from './types.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

const QS_OPTIONS = { depth: 5, arrayLimit: 1000, parameterLimit: 5000, allowPrototypes: false } as const;

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> | 'malformed' {
  if (raw.length === 0) return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const v: unknown = JSON.parse(raw.toString('utf8'));
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { _json: v };
    } catch {
      return 'malformed';
    }
  }
  if (type === 'application/x-www-form-urlencoded')
    return qs.parse(raw.toString('utf8'), QS_OPTIONS) as Record<string, unknown>;
  return {};
}

export async function toReq(req: IncomingMessage, baseUrl: string): Promise<Req | Reply> {
  const url = new URL(req.url ?? '/', baseUrl);
  const raw = await readBody(req);
  if (raw === 'too-large') {
    return {
      status: 413,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: `Request body over ${MAX_BODY_BYTES} bytes` }),
    };
  }
  const body = parseBody(raw, req.headers['content-type']);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    query: qs.parse(url.search.slice(1), QS_OPTIONS) as Record<string, unknown>,
    body: body === 'malformed' ? { _malformed: true } : body,
    rawBody: raw,
    headers: req.headers,
    cookies: parseCookies(req.headers.cookie),
    ip: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '',
  };
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only. `port` 0 picks a free port. */
export function listen(handler: Handler, port: number, onError: (err: unknown) => Reply): Promise<Listening> {
  let baseUrl = '';
  const server = createServer(async (req, res) => {
    let out: Reply;
    try {
      const parsed = await toReq(req, baseUrl);
      out = 'status' in parsed ? parsed : await handler(parsed);
    } catch (err) {
      out = onError(err);
    }
    res.writeHead(out.status, out.headers);
    res.end(req.method === 'HEAD' ? undefined : out.body);
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      baseUrl = `http://127.0.0.1:${actual}`;
      resolve({
        server,
        url: baseUrl,
        port: actual,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
