/**
 * One axe audit as written to `<reports>/a11y/<route>-<viewport>-<state>.json`: the raw axe
 * result plus the context needed to judge it (which page, which viewport, which state). Written
 * atomically (tmp + rename) and already masked, so it can go into reports and Allure as is.
 */
import { resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import { reportsDir } from '../fixtures/settings.ts';
import { writeFileAtomic } from '../gate/atomic-write.ts';
import { maskAuditText } from './mask.ts';
import { routeSlug } from './pages.ts';

export type AuditState = 'settled' | `modal:${string}`;

export interface AxeAuditRecord {
  /** page URL with the user_token masked */
  url: string;
  route: string;
  /** page key from a11y/pages.ts */
  page: string;
  title: string;
  viewport: string;
  state: AuditState;
  axe: AxeResults;
}

export { reportsDir };
export const axeDir = (reports: string): string => resolve(reports, 'a11y');

export const recordFileName = (r: Pick<AxeAuditRecord, 'route' | 'viewport' | 'state'>): string =>
  `${routeSlug(r.route)}-${r.viewport}-${routeSlug(r.state)}.json`;

/** Masks and writes the record; returns the path and the text written (for attaching). */
export function writeAxeRecord(
  dir: string,
  record: AxeAuditRecord,
  secrets: readonly string[],
): { path: string; text: string } {
  const text = maskAuditText(JSON.stringify(record, null, 1), secrets);
  const path = resolve(dir, recordFileName(record));
  writeFileAtomic(path, text);
  return { path, text };
}
