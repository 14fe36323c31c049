/**
 * OpenCart's database sessions: cookie `OCSESSID` (26 lowercase hex, path=/, no HttpOnly,
 * SameSite or Secure — as stock OpenCart 3 sends it), data as JSON in `oc_session`.
 * The id is not regenerated at login (also as stock OpenCart does).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { SessionData } from '../app.ts';
import { sqlDate } from '../db/seed.ts';

export const SESSION_COOKIE = 'OCSESSID';
const SESSION_TTL_MS = 24 * 3600 * 1000;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const isSessionId = (v: string | undefined): v is string => !!v && /^[0-9a-f]{26}$/.test(v);

export function newSessionId(): string {
  return randomBytes(13).toString('hex');
}

/** OpenCart's token(32): [A-Za-z0-9]{32}. */
export function newUserToken(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  return out;
}

export function loadSession(db: Database, id: string, now: Date): SessionData | undefined {
  const row = db.get<{ data: string; expire: string }>('SELECT data, expire FROM oc_session WHERE session_id = $id', {
    id,
  });
  if (!row || row.expire < sqlDate(now)) return undefined;
  return JSON.parse(row.data) as SessionData;
}

export function saveSession(db: Database, id: string, data: SessionData, now: Date): void {
  db.run(
    `INSERT INTO oc_session (session_id, data, expire) VALUES ($id, $data, $exp)
          ON CONFLICT (session_id) DO UPDATE SET data = excluded.data, expire = excluded.expire`,
    { id, data: JSON.stringify(data), exp: sqlDate(new Date(now.getTime() + SESSION_TTL_MS)) },
  );
}

export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; path=/`;
}
