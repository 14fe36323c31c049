/**
 * Lighthouse 13 behind the OpenCart login: logs in over HTTP, launches Debian's Chromium, sets
 * the OCSESSID cookie, and audits each page's token URL several times (desktop preset). Each run's
 * LHR goes to `<reportsDir>/lighthouse/<page>-run<N>.json` and the median run's HTML report to
 * `<page>.html`, with the user_token, the session id and every configured secret masked. Each LHR
 * carries a `meschainQa` block proving which page it audited (final URL route, `<title>`, login
 * form or not); the gate adapter re-checks it. Asynchronous throughout: the reference target may
 * serve from the same Node process.
 */
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import lighthouse, { desktopConfig, generateReport, type Result, type RunnerResult } from 'lighthouse';
import type { QaSettings } from '../../fixtures/settings.ts';
import { adminEntry, loginOverHttp, type AdminSession } from '../../fixtures/opencart/login.ts';
import { runSession } from '../../fixtures/auth/run-sessions.ts';
import { writeFileAtomic } from '../../gate/atomic-write.ts';
import { auditSecrets, isMasked, maskAuditText } from '../mask.ts';
import { pageByKey, type AuditPage } from '../pages.ts';
import { launchChromium, setSessionCookie } from './chromium.ts';
import { DEFAULT_LIGHTHOUSE_PAGES, GATHER, LIGHTHOUSE_CATEGORIES, LOAD_WAITS } from './config.ts';
import { medianIndex } from './median.ts';
import { hasLoginForm, titleOf } from '../landing.ts';
import { provePage } from '../../fixtures/opencart/page-proof.ts';
import { wrongPageReason, type RunProof } from './proof.ts';

export interface RunLighthouseOptions {
  baseUrl: string;
  settings: QaSettings;
  reportsDir: string;
  runs: number;
  /** page keys of a11y/pages.ts; default: DEFAULT_LIGHTHOUSE_PAGES */
  pages?: string[];
  gateProfile: 'local' | 'staging' | 'production';
  /** progress lines (default: console.log with a `[lighthouse]` prefix) */
  log?: (line: string) => void;
}

/** An LHR as written to disk: Lighthouse's result plus the page proof. */
export type RecordedLhr = Result & { meschainQa: RunProof };

export interface AuditRun {
  lhr: RecordedLhr;
  text: string;
  wrong: string | null;
}

export interface AuditOnceInput {
  port: number;
  url: string;
  target: AuditPage;
  run: number;
  gateProfile: string;
  secrets: readonly string[];
}

/** A run Lighthouse itself could not finish, in LHR shape so the adapter reports it as a wrong page. */
function failedRun(url: string, err: Error): Result {
  return {
    lighthouseVersion: 'n/a',
    requestedUrl: url,
    mainDocumentUrl: url,
    finalDisplayedUrl: url,
    fetchTime: new Date().toISOString(),
    runtimeError: { code: 'LIGHTHOUSE_FAILED', message: err.message },
    runWarnings: [],
    userAgent: '',
    environment: { networkUserAgent: '', hostUserAgent: '', benchmarkIndex: 0 },
    audits: {},
    configSettings: {} as Result['configSettings'],
    categories: {},
    categoryGroups: {},
    timing: { total: 0, entries: [] },
    i18n: { rendererFormattedStrings: {} },
    entities: [],
  } as unknown as Result;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page proof of the main document: its kind and the reason (an empty document when Lighthouse failed). */
function pageProofOf(doc: string, target: AuditPage): Pick<RunProof, 'kind' | 'reason'> {
  const p = provePage(doc, { route: target.route, heading: new RegExp(escapeRegExp(target.heading)) });
  return { kind: p.kind, reason: p.reason };
}

/** One Lighthouse navigation of `url`, masked and proven. */
export async function auditOnce(a: AuditOnceInput): Promise<AuditRun> {
  const started = performance.now();
  let result: RunnerResult | undefined;
  let error: Error | undefined;
  try {
    result = await lighthouse(
      a.url,
      {
        port: a.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
        ...LOAD_WAITS,
        ...GATHER,
      },
      desktopConfig,
    );
    if (!result) error = new Error('Lighthouse returned no result');
  } catch (err) {
    error = err as Error;
  }
  const lhr = result?.lhr ?? failedRun(a.url, error ?? new Error('unknown failure'));
  const doc = result?.artifacts.MainDocumentContent ?? '';
  const proof: RunProof = {
    generatedBy: 'meschain-qa',
    page: a.target.key,
    route: a.target.route,
    run: a.run,
    gateProfile: a.gateProfile,
    title: titleOf(doc),
    loginForm: hasLoginForm(doc),
    ...pageProofOf(doc, a.target),
    durationMs: Math.round(performance.now() - started),
  };
  const text = maskAuditText(JSON.stringify({ ...lhr, meschainQa: proof }), a.secrets);
  if (!isMasked(text, a.secrets))
    throw new Error(`Lighthouse report of ${a.target.key}: a secret survived masking; nothing was written.`);
  const masked = JSON.parse(text) as RecordedLhr;
  return { lhr: masked, text, wrong: wrongPageReason(masked.finalDisplayedUrl, proof, masked.runtimeError?.message) };
}

const score = (lhr: Result, id: string): string => {
  const s = lhr.categories[id]?.score;
  return typeof s === 'number' ? String(Math.round(s * 100)) : '–';
};

async function logout(settings: QaSettings, session: AdminSession): Promise<void> {
  try {
    const res = await fetch(`${adminEntry(settings)}?route=common/logout&user_token=${session.token}`, {
      headers: { cookie: session.cookie },
      redirect: 'manual',
    });
    await res.arrayBuffer();
  } catch {
    // the session expires on its own; a failed logout does not change any audit
  }
}

export async function runLighthouse(opts: RunLighthouseOptions): Promise<{ reports: string[] }> {
  const log = opts.log ?? ((line: string) => console.log(`[lighthouse] ${line}`));
  const targets = (opts.pages ?? [...DEFAULT_LIGHTHOUSE_PAGES]).map(pageByKey);
  if (!Number.isInteger(opts.runs) || opts.runs < 1)
    throw new Error(`runLighthouse: expected runs ≥ 1; found ${opts.runs}.`);
  const settings: QaSettings = { ...opts.settings, baseUrl: opts.baseUrl.replace(/\/+$/, '') };
  const dir = resolve(opts.reportsDir, 'lighthouse');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  // the run's admin session when the preflight left one (one login per role per run), else its own
  const borrowed = runSession({ ...process.env, QA_REPORTS_DIR: opts.reportsDir }, settings.baseUrl, 'admin');
  const session = borrowed ?? (await loginOverHttp(settings, 'admin'));
  const secrets = auditSecrets(settings, session);
  const chrome = await launchChromium(settings.chromiumPath);
  const reports: string[] = [];
  const started = performance.now();
  try {
    await setSessionCookie(chrome.port, settings.baseUrl, session.sessionId);
    for (const target of targets) {
      const params = Object.entries(target.params ?? {})
        .map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('');
      const url = `${adminEntry(settings)}?route=${target.route}&user_token=${session.token}${params}`;
      const runs: AuditRun[] = [];
      for (let n = 1; n <= opts.runs; n++) {
        const run = await auditOnce({ port: chrome.port, url, target, run: n, gateProfile: opts.gateProfile, secrets });
        const path = resolve(dir, `${target.key}-run${n}.json`);
        writeFileAtomic(path, run.text);
        reports.push(path);
        runs.push(run);
        log(
          `${target.key} run ${n}/${opts.runs}: ${(run.lhr.meschainQa.durationMs / 1000).toFixed(1)} s, performance ${score(run.lhr, 'performance')}, ` +
            `best practices ${score(run.lhr, 'best-practices')}${run.wrong ? ` — WRONG PAGE: ${run.wrong}` : ''}`,
        );
      }
      const proven = runs.filter((r) => !r.wrong);
      const pool = proven.length > 0 ? proven : runs;
      const chosen = pool[medianIndex(pool.map((r) => r.lhr.categories.performance?.score ?? 0))]!;
      const html = maskAuditText(generateReport(chosen.lhr, 'html'), secrets);
      const htmlPath = resolve(dir, `${target.key}.html`);
      writeFileAtomic(htmlPath, html);
      reports.push(htmlPath);
    }
  } finally {
    await chrome.close();
    if (!borrowed) await logout(settings, session);
  }
  log(`${targets.length} page(s) × ${opts.runs} run(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { reports };
}
