/** Shapes of the waiver registry and the quarantine list (data in gate/waivers.ts, gate/quarantine.ts). */
export interface Waiver {
  /** what it accepts: a gate condition id, a test id (or a unique part of it), or a finding fingerprint */
  match: { condition?: string; test?: string; fingerprint?: string };
  owner: string;
  reason: string;
  /** last day it applies, YYYY-MM-DD; past it the waiver no longer applies and `waivers.expired` blocks */
  expires: string;
}

export interface QuarantineEntry {
  /** test id or a unique part of it (e.g. "ui-desktop › tests/ui/hub.spec.ts › …") */
  test: string;
  owner: string;
  reason: string;
  expires: string;
}
