/**
 * Masking for audit outputs (axe JSON, Lighthouse LHR and HTML). Unlike fixtures/secrets.ts it
 * leaves JSON keys such as `"key"` alone (Lighthouse report tables need them) and masks: every
 * known secret value verbatim (the session's user_token and OCSESSID, the settings' passwords and
 * keys), plus any `user_token=`, `api_token=` and `OCSESSID=` value.
 */
import { MASK } from '../fixtures/secrets.ts';
import { secretValues, type QaSettings } from '../fixtures/settings.ts';

const PATTERNS: [RegExp, string][] = [
  [/(user_token=)[A-Za-z0-9]{8,}/g, `$1${MASK}`],
  [/(user_token%3D)[A-Za-z0-9]{8,}/gi, `$1${MASK}`],
  [/(api_token=)[A-Za-z0-9]{8,}/g, `$1${MASK}`],
  [/(OCSESSID=)[0-9a-f]{8,}/g, `$1${MASK}`],
];

export function maskAuditText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of [...secrets].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length))
    out = out.split(s).join(MASK);
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

/** Every value to mask in an audit of a logged-in session. */
export function auditSecrets(settings: QaSettings, session: { token?: string; sessionId?: string }): string[] {
  return [...secretValues(settings), session.token ?? '', session.sessionId ?? ''].filter((s) => s.length >= 4);
}

/** True when none of the secrets (nor an unmasked token parameter) is left in the text. */
export function isMasked(text: string, secrets: readonly string[] = []): boolean {
  return (
    !secrets.some((s) => s.length >= 4 && text.includes(s)) && !/user_token=(?!\[MASKED\])[A-Za-z0-9]{8,}/.test(text)
  );
}
