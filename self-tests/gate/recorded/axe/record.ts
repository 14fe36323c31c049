/**
 * Re-records the axe-core outputs that self-tests/gate/axe-adapter.test.ts reads, by running the
 * real a11y Playwright project (a11y/axe.a11y.ts, axe-core 4.14) against fresh reference targets,
 * then trimming each record (passes keep rule ids and one target, HTML snippets cut) to keep it small:
 *   clean/       six audits of the clean target (hub desktop + phone, reporting phone, log viewer
 *                phone, dashboard with the security modal, webhooks with the detail modal)
 *   regression/  the hub on desktop with the `a11y-regression` fault (labels, alt text, contrast)
 *   login/       axe run on the hub URL without a user_token: OpenCart answered with the login page
 *   broken/      a clean record cut off half-way, as a crash while writing would leave it
 *   empty/       an empty record file
 * Run after an axe-core upgrade:  bash scripts/with-toolchain.sh node self-tests/gate/recorded/axe/record.ts
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { launchTarget } from '../../../helpers/target.ts';
import { PROJECT_ROOT } from '../../../../fixtures/settings.ts';
import { adminEntry } from '../../../../fixtures/opencart/login.ts';
import { AXE_RESULT_TYPES, AXE_TAGS } from '../../../../a11y/axe-rules.ts';
import type { AxeAuditRecord } from '../../../../a11y/axe-record.ts';
import { recordFileName } from '../../../../a11y/axe-record.ts';
import type { FaultName } from '../../../../reference-target/faults.ts';

const HERE = import.meta.dirname;
const work = mkdtempSync(join(tmpdir(), 'axe-record-'));

interface RuleResult { id: string; impact?: string | null; help: string; helpUrl: string; tags?: string[]; nodes: { target: unknown; impact?: string | null; html?: string; failureSummary?: string }[] }

function trim(record: AxeAuditRecord): unknown {
  const axe = record.axe as unknown as Record<string, unknown> & { violations: RuleResult[]; incomplete: RuleResult[]; passes: RuleResult[] };
  const rule = (full: boolean) => (v: RuleResult) => ({
    id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.slice(0, full ? undefined : 1).map((n) => full
      ? { target: n.target, impact: n.impact ?? null, html: (n.html ?? '').slice(0, 160), failureSummary: (n.failureSummary ?? '').slice(0, 300) }
      : { target: n.target }),
  });
  return {
    ...record,
    axe: {
      testEngine: axe.testEngine, testRunner: axe.testRunner, timestamp: axe.timestamp, url: axe.url, toolOptions: axe.toolOptions,
      violations: axe.violations.map(rule(true)), incomplete: axe.incomplete.map(rule(false)), passes: axe.passes.map(rule(false)), inapplicable: [],
    },
  };
}

function save(set: string, name: string, content: string): void {
  mkdirSync(resolve(HERE, set), { recursive: true });
  writeFileSync(resolve(HERE, set, name), content);
  console.log(`recorded ${set}/${name} (${content.length} bytes)`);
}

/** Runs the a11y project's axe spec against a fresh target and returns the directory of its records. */
async function runSpec(name: string, faults: FaultName[], grep?: string): Promise<string> {
  const t = await launchTarget(faults);
  const reportsDir = join(work, name);
  try {
    const code = await new Promise<number | null>((done) => {
      const child = spawn('playwright', ['test', 'a11y/axe.a11y.ts', '--project', 'a11y', ...(grep ? ['--grep', grep] : []), '--reporter', 'dot'], {
        cwd: PROJECT_ROOT, stdio: 'inherit',
        env: { ...process.env, QA_BASE_URL: t.target.storeUrl, QA_TARGET_KIND: 'reference', QA_REPORTS_DIR: reportsDir, QA_RETRIES: '0' },
      });
      child.on('exit', done);
    });
    if (code !== 0) throw new Error(`the axe spec failed (exit ${code}) for ${name}`);
  } finally {
    await t.target.close();
  }
  return join(reportsDir, 'a11y');
}

const CLEAN = [
  { route: 'extension/module/meschain_sync', viewport: 'desktop', state: 'settled' },
  { route: 'extension/module/meschain_sync', viewport: 'phone', state: 'settled' },
  { route: 'extension/module/reporting', viewport: 'phone', state: 'settled' },
  { route: 'extension/module/log_viewer', viewport: 'phone', state: 'settled' },
  { route: 'common/dashboard', viewport: 'desktop', state: 'modal:modal-security' },
  { route: 'extension/module/webhooks', viewport: 'desktop', state: 'modal:modal-webhook-detail' },
] as const;

const hub = recordFileName(CLEAN[0]);
const recordOf = (dir: string, name: string): string => `${JSON.stringify(trim(JSON.parse(readFileSync(join(dir, name), 'utf8')) as AxeAuditRecord), null, 1)}\n`;

async function clean(): Promise<void> {
  const dir = await runSpec('clean', []);
  for (const c of CLEAN) {
    const name = recordFileName(c);
    const text = recordOf(dir, name);
    save('clean', name, text);
    if (name === hub) {
      save('broken', name, text.slice(0, Math.floor(text.length / 2)));
      save('empty', name, '');
    }
  }
}

async function regression(): Promise<void> {
  save('regression', hub, recordOf(await runSpec('regression', ['a11y-regression'], 'axe desktop hub settled'), hub));
}

/** The hub URL without a user_token: OpenCart serves the login form with HTTP 200 — what a lost token audits. */
async function login(): Promise<void> {
  const t = await launchTarget();
  const browser = await chromium.launch({ executablePath: t.settings.chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${adminEntry(t.settings)}?route=extension/module/meschain_sync`);
    const axe = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).options({ resultTypes: [...AXE_RESULT_TYPES] }).analyze();
    const record: AxeAuditRecord = {
      url: page.url().replace(`:${new URL(t.target.storeUrl).port}`, ':8790'), route: 'extension/module/meschain_sync', page: 'hub',
      title: await page.title(), viewport: 'desktop', state: 'settled', axe,
    };
    save('login', hub, `${JSON.stringify(trim(record), null, 1)}\n`);
  } finally {
    await browser.close();
    await t.target.close();
  }
}

// RECORD_ONLY=login (a comma list of clean, regression, login) re-records only those sets
const only = process.env.RECORD_ONLY?.split(',');
for (const [set, record] of [['clean', clean], ['regression', regression], ['login', login]] as const) {
  if (!only || only.includes(set)) await record();
}
rmSync(work, { recursive: true, force: true });
