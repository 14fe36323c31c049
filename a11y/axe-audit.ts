/**
 * Runs axe-core on the page as it is now and records the result (file + Allure attachment).
 * It never fails on violations — the gate's impact policy judges them — only when the page is
 * not the one intended (the login form OpenCart serves with HTTP 200 when the token is lost, its
 * permission or not-found page: fixtures/opencart/page-proof.ts).
 */
import { basename } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { QaSettings } from '../fixtures/settings.ts';
import { AXE_RESULT_TYPES, AXE_TAGS } from './axe-rules.ts';
import { axeDir, reportsDir, writeAxeRecord, type AuditState, type AxeAuditRecord } from './axe-record.ts';
import { auditSecrets } from './mask.ts';
import type { AuditPage } from './pages.ts';
import { provePage } from '../fixtures/opencart/page-proof.ts';

export interface AuditInput {
  page: Page;
  settings: QaSettings;
  token: string | undefined;
  target: AuditPage;
  viewport: string;
  state: AuditState;
  testInfo: TestInfo;
}

async function sessionId(page: Page): Promise<string | undefined> {
  return (await page.context().cookies()).find((c) => c.name === 'OCSESSID')?.value;
}

export async function auditAndRecord(a: AuditInput): Promise<AxeAuditRecord> {
  const { page, target } = a;
  // page proof: an audit of the login form, "Permission Denied!" or "Page Not Found!" is not an audit of this page
  const proof = provePage(await page.content(), { route: target.route });
  expect(proof.ok, `${proof.reason} — the audit would test that page instead`).toBe(true);
  await expect(page).toHaveURL(new RegExp(`[?&]route=${target.route.replace(/\//g, '\\/')}(&|$)`));
  // legacy mode: one axe.run in the page, no second blank page to finish the run (axe-core's
  // default cross-origin mode). The extension's pages have no cross-origin frames; about 0.2 s less per audit.
  const axe = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags([...AXE_TAGS])
    .options({ resultTypes: [...AXE_RESULT_TYPES] })
    .analyze();
  const record: AxeAuditRecord = {
    url: page.url(),
    route: target.route,
    page: target.key,
    title: await page.title(),
    viewport: a.viewport,
    state: a.state,
    axe,
  };
  const secrets = auditSecrets(a.settings, { token: a.token, sessionId: await sessionId(page) });
  const { path, text } = writeAxeRecord(axeDir(reportsDir()), record, secrets);
  await a.testInfo.attach(`axe ${basename(path)}`, { body: text, contentType: 'application/json' });
  const summary = axe.violations.map((v) => `${v.impact ?? 'n/a'} ${v.id} ×${v.nodes.length}`).join(', ');
  a.testInfo.annotations.push({
    type: 'axe',
    description: `${axe.violations.length} violated rule(s)${summary ? `: ${summary}` : ''} — judged by the gate (a11y.*)`,
  });
  return record;
}
