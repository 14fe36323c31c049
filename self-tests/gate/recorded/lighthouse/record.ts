/**
 * Re-records the Lighthouse 13 outputs that self-tests/gate/lighthouse-adapter.test.ts reads, with
 * the real runner (a11y/lighthouse/run-lighthouse.ts: Debian's Chromium, desktop preset, logged in)
 * against fresh reference targets, trimmed to what an adapter reads (no i18n, screenshots,
 * timings, entities, audit details other than resource-summary) to keep the files small:
 *   clean/    hub and reporting, 3 runs each, on the clean target
 *   heavy/    the hub, 1 run, with the `heavy-page` fault (60 extra 2 MB render-blocking scripts)
 *   login/    the hub URL audited without its user_token: OpenCart served the login form (HTTP 200)
 *   noproof/  a clean run with its `meschainQa` proof block removed (an LHR from another tool)
 *   broken/   a clean run cut off half-way;  empty/  an empty run file
 * Run after a Lighthouse upgrade:  bash scripts/with-toolchain.sh node self-tests/gate/recorded/lighthouse/record.ts
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchTarget } from '../../../helpers/target.ts';
import { adminEntry, loginOverHttp } from '../../../../fixtures/opencart/login.ts';
import { auditSecrets } from '../../../../a11y/mask.ts';
import { pageByKey } from '../../../../a11y/pages.ts';
import { launchChromium, setSessionCookie } from '../../../../a11y/lighthouse/chromium.ts';
import { auditOnce, runLighthouse } from '../../../../a11y/lighthouse/run-lighthouse.ts';
import type { FaultName } from '../../../../reference-target/faults.ts';

const HERE = import.meta.dirname;
const work = mkdtempSync(join(tmpdir(), 'lighthouse-record-'));

interface LhrAudit { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; numericUnit?: string; displayValue?: string; details?: unknown }
interface LhrCategory { id: string; title: string; score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }
interface Lhr { audits: Record<string, LhrAudit>; categories: Record<string, LhrCategory>; configSettings?: { formFactor?: string; throttlingMethod?: string }; [k: string]: unknown }

function trim(lhr: Lhr): unknown {
  const { i18n: _i18n, fullPageScreenshot: _fps, timing: _timing, entities: _entities, stackPacks: _stack, categoryGroups: _groups, environment: _env, ...rest } = lhr;
  const audits = Object.fromEntries(Object.entries(lhr.audits).map(([id, a]) => [id, {
    id: a.id, title: a.title, score: a.score, scoreDisplayMode: a.scoreDisplayMode,
    ...(a.numericValue !== undefined ? { numericValue: a.numericValue, numericUnit: a.numericUnit } : {}),
    ...(a.displayValue !== undefined ? { displayValue: a.displayValue } : {}),
    ...(id === 'resource-summary' ? { details: a.details } : {}),
  }]));
  const categories = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, {
    id: c.id, title: c.title, score: c.score, auditRefs: c.auditRefs.map((r) => ({ id: r.id, weight: r.weight, ...(r.group ? { group: r.group } : {}) })),
  }]));
  return { ...rest, configSettings: { formFactor: lhr.configSettings?.formFactor, throttlingMethod: lhr.configSettings?.throttlingMethod }, categories, audits };
}

const read = (path: string): Lhr => JSON.parse(readFileSync(path, 'utf8')) as Lhr;

function save(set: string, name: string, content: string): void {
  mkdirSync(resolve(HERE, set), { recursive: true });
  writeFileSync(resolve(HERE, set, name), content);
  console.log(`recorded ${set}/${name} (${content.length} bytes)`);
}

async function recordRuns(set: string, faults: FaultName[], pages: string[], runs: number): Promise<string> {
  const t = await launchTarget(faults);
  const reportsDir = join(work, set);
  try {
    await runLighthouse({ baseUrl: t.target.storeUrl, settings: t.settings, reportsDir, runs, pages, gateProfile: 'local' });
  } finally {
    await t.target.close();
  }
  const dir = join(reportsDir, 'lighthouse');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) save(set, name, `${JSON.stringify(trim(read(join(dir, name))))}\n`);
  return dir;
}

async function clean(): Promise<void> {
  const dir = await recordRuns('clean', [], ['hub', 'reporting'], 3);
  const text = `${JSON.stringify(trim(read(join(dir, 'hub-run1.json'))))}\n`;
  save('broken', 'hub-run1.json', text.slice(0, Math.floor(text.length / 2)));
  save('empty', 'hub-run1.json', '');
  const { meschainQa: _proof, ...noProof } = JSON.parse(text) as Record<string, unknown>;
  save('noproof', 'hub-run1.json', `${JSON.stringify(noProof)}\n`);
}

async function heavy(): Promise<void> {
  await recordRuns('heavy', ['heavy-page'], ['hub'], 1);
}

/** The hub audited with the session cookie but without the user_token: OpenCart answers with its login form. */
async function login(): Promise<void> {
  const t = await launchTarget();
  const session = await loginOverHttp(t.settings, 'admin');
  const chrome = await launchChromium(t.settings.chromiumPath);
  try {
    await setSessionCookie(chrome.port, t.settings.baseUrl, session.sessionId);
    const target = pageByKey('hub');
    const run = await auditOnce({ port: chrome.port, url: `${adminEntry(t.settings)}?route=${target.route}`, target, run: 1, gateProfile: 'local', secrets: auditSecrets(t.settings, session) });
    console.log(`login run: ${run.wrong ?? 'proved the page?!'}`);
    save('login', 'hub-run1.json', `${JSON.stringify(trim(run.lhr as unknown as Lhr))}\n`);
  } finally {
    await chrome.close();
    await t.target.close();
  }
}

// RECORD_ONLY=heavy (a comma list of clean, heavy, login) re-records only those sets
const only = process.env.RECORD_ONLY?.split(',');
for (const [set, record] of [['clean', clean], ['heavy', heavy], ['login', login]] as const) {
  if (!only || only.includes(set)) await record();
}
rmSync(work, { recursive: true, force: true });
