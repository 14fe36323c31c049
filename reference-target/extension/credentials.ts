/**
 * Marketplace credentials at rest: AES-256-GCM with the target's key, stored in `oc_setting`
 * as `enc:v1:<iv>:<tag>:<ciphertext>` (base64). The browser only ever sees a mask.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
}

export function decryptSecret(stored: string, key: Buffer): string {
  if (!isEncrypted(stored)) throw new Error('expected an enc:v1 value; found plain text in oc_setting');
  const [iv, tag, ct] = stored.slice(PREFIX.length).split(':');
  if (!iv || !tag || ct === undefined) throw new Error('malformed enc:v1 value in oc_setting');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** What the browser gets instead of a stored secret: never any of its characters. */
export const SECRET_MASK = '********';
