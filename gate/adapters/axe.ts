/**
 * axe-core audit records (`<reports>/a11y/*.json`, written by a11y/axe.a11y.ts) → the `a11y`
 * SuiteResult. Violations are counted by fingerprint (rule id + target selector), deduplicated
 * across pages, viewports and states; a fingerprint accepted by a live entry of a11y/baseline.ts
 * is not new. Metrics: `pages.audited`, `violations.critical|serious|moderate|minor` (new ones),
 * `baseline.expired`, `baseline.fixed` (entries no longer seen: delete them), and counts of
 * audits and of audits that landed on the wrong page (the login form), which never count as audited.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IMPACTS, isImpact, type Impact } from '../../a11y/axe-rules.ts';
import type { BaselineEntry } from '../../a11y/baseline-types.ts';
import { fingerprint, targetSelector, type AxeTarget } from '../../a11y/fingerprint.ts';
import { LOGIN_TITLE, routeOfUrl } from '../../a11y/landing.ts';
import { pageOwner, type PageOwner } from '../../zones.ts';
import { emptySuite, ResultsUnreadable, type Finding, type SuiteResult, type TestOutcome } from '../model.ts';
import { isExpired } from '../policy.ts';
import { isObject, readJsonFile } from './read-json.ts';

interface AxeNode {
  target: AxeTarget;
  impact?: string | null;
}
interface AxeRuleResult {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
interface AuditRecord {
  file: string;
  url: string;
  route: string;
  title: string;
  viewport: string;
  state: string;
  violations: AxeRuleResult[];
  others: AxeRuleResult[];
}

interface Seen {
  rule: string;
  target: string;
  impact: Impact;
  help: string;
  helpUrl: string;
  routes: Set<string>;
  where: Set<string>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RANK: Record<Impact, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

function ruleResults(path: string, axe: Record<string, unknown>, key: string): AxeRuleResult[] {
  const list = axe[key];
  if (list === undefined && key !== 'violations') return [];
  if (!Array.isArray(list))
    throw new ResultsUnreadable(path, `expected axe.${key} to be an array; found ${typeof list}.`);
  return list.map((v: unknown, i): AxeRuleResult => {
    if (!isObject(v) || typeof v.id !== 'string' || !Array.isArray(v.nodes)) {
      throw new ResultsUnreadable(
        path,
        `expected axe.${key}[${i}] to be an axe rule result (id, nodes); found another shape.`,
      );
    }
    const nodes = v.nodes.map((n: unknown, j): AxeNode => {
      if (!isObject(n) || !Array.isArray(n.target))
        throw new ResultsUnreadable(path, `expected axe.${key}[${i}].nodes[${j}].target to be an array of selectors.`);
      return { target: n.target as AxeTarget, impact: typeof n.impact === 'string' ? n.impact : null };
    });
    return {
      id: v.id,
      impact: typeof v.impact === 'string' ? v.impact : null,
      help: String(v.help ?? v.id),
      helpUrl: String(v.helpUrl ?? ''),
      nodes,
    };
  });
}

function readRecord(dir: string, file: string): AuditRecord {
  const path = join(dir, file);
  const json = readJsonFile(path, 'an axe audit record ({ url, route, title, viewport, state, axe })');
  if (!isObject(json) || !isObject(json.axe))
    throw new ResultsUnreadable(
      path,
      'expected { url, route, title, viewport, state, axe: <axe results> }; found another shape.',
    );
  for (const k of ['url', 'route', 'title', 'viewport', 'state'] as const) {
    if (typeof json[k] !== 'string')
      throw new ResultsUnreadable(path, `expected "${k}" to be a string; found ${typeof json[k]}.`);
  }
  const violations = ruleResults(path, json.axe, 'violations');
  for (const v of violations) {
    if (!isImpact(v.impact))
      throw new ResultsUnreadable(
        path,
        `violation ${v.id}: expected impact ${IMPACTS.join('|')}; found ${JSON.stringify(v.impact)}.`,
      );
  }
  const others = [...ruleResults(path, json.axe, 'passes'), ...ruleResults(path, json.axe, 'incomplete')];
  return {
    file,
    url: json.url as string,
    route: json.route as string,
    title: json.title as string,
    viewport: json.viewport as string,
    state: json.state as string,
    violations,
    others,
  };
}

/** Why a record is not an audit of its intended page, or null. */
function wrongPage(r: AuditRecord): string | null {
  const route = routeOfUrl(r.url);
  if (route !== r.route) return `the URL has route=${route ?? '(none)'}, expected ${r.route}`;
  if (r.title === LOGIN_TITLE) return `the page title is "${LOGIN_TITLE}" (the OpenCart login page)`;
  const login = [...r.violations, ...r.others].some((v) =>
    v.nodes.some((n) => targetSelector(n.target).includes('#input-username')),
  );
  if (login) return 'the page has the login form (#input-username): the user_token was lost';
  return null;
}

function checkBaseline(baseline: readonly BaselineEntry[]): void {
  baseline.forEach((e, i) => {
    const where = `a11y/baseline.ts A11Y_BASELINE[${i}]`;
    const fail = (msg: string) => {
      throw new ResultsUnreadable(where, msg);
    };
    if (!e.rule?.trim() || !e.target?.trim())
      fail('expected rule and target (the violation fingerprint); found them empty.');
    if (!e.owner?.trim()) fail('expected an owner (team or person); found none.');
    if (!e.reason?.trim()) fail('expected a reason (ticket, why it is acceptable for now); found none.');
    if (!e.expires || !DAY.test(e.expires) || Number.isNaN(Date.parse(`${e.expires}T00:00:00Z`))) {
      fail(
        `expected expires as YYYY-MM-DD; found ${JSON.stringify(e.expires)}. Every accepted violation needs an end date.`,
      );
    }
  });
}

const entryFp = (e: BaselineEntry): string => fingerprint(e.rule, e.target);
const entryLabel = (e: BaselineEntry): string => `${e.owner}: ${e.reason} (until ${e.expires})`;

/**
 * The audits of one owner's pages (zones.ts pageOwner): the extension's pages make the `a11y`
 * suite (its violations fail); OpenCart core pages (dashboard, Extensions list) make part of the
 * `core` suite — their violations are reported (`core.a11y.*`, warn), never failed as the
 * extension's, because the extension team cannot change OpenCart's markup.
 */
export function readAxeResults(
  dir: string,
  baseline: readonly BaselineEntry[],
  now: Date,
  owner: PageOwner = 'MesChain-Sync',
): SuiteResult {
  checkBaseline(baseline);
  const core = owner === 'OpenCart core';
  const r = emptySuite(core ? 'core' : 'a11y', 'axe-core');
  const all = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  if (all.length === 0) r.notes.push(`no axe audit records in ${dir}: did the a11y Playwright project run?`);
  const records = all.map((f) => readRecord(dir, f)).filter((rec) => pageOwner(rec.route) === owner);
  const files = records.map((rec) => rec.file);
  r.sources = files.map((f) => join(dir, f));

  const seen = new Map<string, Seen>();
  const audited = new Set<string>();
  const wrongRoutes = new Set<string>();
  let auditsOk = 0;
  for (const rec of records) {
    const id = `axe › ${rec.route} › ${rec.viewport} › ${rec.state}`;
    const wrong = wrongPage(rec);
    const test: TestOutcome = {
      id,
      title: `axe audit of ${rec.route} (${rec.viewport}, ${rec.state})`,
      suite: r.suite,
      status: wrong ? 'failed' : 'passed',
      attempts: 1,
      durationMs: 0,
      tags: ['a11y', `viewport:${rec.viewport}`],
      ...(wrong ? { error: `not an audit of ${rec.route}: ${wrong} (${rec.file})` } : {}),
    };
    r.tests.push(test);
    if (wrong) {
      wrongRoutes.add(rec.route);
      r.notes.push(`${rec.file}: ${wrong}; it does not count as audited.`);
      continue;
    }
    auditsOk++;
    audited.add(rec.route);
    for (const v of rec.violations) {
      for (const node of v.nodes) {
        const target = targetSelector(node.target);
        const fp = fingerprint(v.id, target);
        const impact: Impact = isImpact(node.impact) ? node.impact : (v.impact as Impact);
        const s = seen.get(fp) ?? {
          rule: v.id,
          target,
          impact,
          help: v.help,
          helpUrl: v.helpUrl,
          routes: new Set<string>(),
          where: new Set<string>(),
        };
        if (RANK[impact] < RANK[s.impact]) s.impact = impact;
        s.routes.add(rec.route);
        s.where.add(`${rec.route} (${rec.viewport}, ${rec.state})`);
        seen.set(fp, s);
      }
    }
  }

  const live = baseline.filter((e) => !isExpired(e.expires, now));
  const expired = baseline.filter((e) => isExpired(e.expires, now));
  const acceptedBy = (fp: string, s: Seen): BaselineEntry | undefined =>
    live.find((e) => entryFp(e) === fp && (!e.route || s.routes.has(e.route)));
  // the baseline is the extension gate's: "fixed, delete it" is judged on the extension's audits only
  const fixed = core
    ? []
    : baseline.filter((e) => {
        const s = seen.get(entryFp(e));
        if (e.route) return audited.has(e.route) && !s?.routes.has(e.route);
        return auditsOk > 0 && !s;
      });

  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  let accepted = 0;
  for (const [fp, s] of [...seen.entries()].sort(
    (a, b) => RANK[a[1].impact] - RANK[b[1].impact] || a[0].localeCompare(b[0]),
  )) {
    const entry = acceptedBy(fp, s);
    if (entry) accepted++;
    else counts[s.impact]++;
    const pages = [...s.routes].sort().join(', ');
    const finding: Finding = {
      fingerprint: fp,
      rule: s.rule,
      impact: s.impact,
      title: s.help,
      page: pages,
      target: s.target,
      helpUrl: s.helpUrl,
      owner,
      ...(entry ? { waivedBy: `a11y/baseline.ts — ${entryLabel(entry)}` } : {}),
    };
    r.findings.push(finding);
    r.tests.push({
      id: `axe › violation › ${fp}`,
      title: `${core ? '[OpenCart core] ' : ''}${s.impact} ${s.rule}: ${s.target}`,
      suite: r.suite,
      // a core page's violation is reported (core.a11y.* warns), not failed as the extension's, nor counted as a core test
      status: entry || core ? 'passed' : 'failed',
      ...(core ? { finding: true } : {}),
      attempts: 1,
      durationMs: 0,
      tags: ['a11y', `impact:${s.impact}`, entry ? 'baseline' : 'new'],
      error:
        `${entry ? `accepted by a11y/baseline.ts (${entryLabel(entry)}): ` : `new ${s.impact} violation: `}${s.help} — ${s.target}\n` +
        `seen on ${[...s.where].sort().join('; ')}\n${s.helpUrl}`,
    });
  }
  // the baseline is one list: its expiry is judged once, with the extension's audits (a11y.baseline.expired)
  for (const e of core ? [] : expired) {
    r.tests.push({
      id: `axe › baseline › ${entryFp(e)}`,
      title: `baseline entry expired: ${entryFp(e)}`,
      suite: r.suite,
      status: 'failed',
      attempts: 1,
      durationMs: 0,
      tags: ['a11y', 'baseline'],
      error: `a11y/baseline.ts entry ${entryFp(e)} expired on ${e.expires} (${e.owner}: ${e.reason}). Fix the violation or renew the entry with its owner.`,
    });
    r.notes.push(`baseline entry ${entryFp(e)} expired on ${e.expires} (${e.owner}): fix it or renew it.`);
  }
  for (const e of fixed)
    r.notes.push(
      `baseline entry ${entryFp(e)} was not seen in this run: the violation is fixed — delete the entry from a11y/baseline.ts so the baseline shrinks.`,
    );

  r.metrics = {
    'pages.audited': audited.size,
    'pages.wrong': wrongRoutes.size,
    'audits.total': auditsOk,
    'audits.wrong_page': records.length - auditsOk,
    'violations.critical': counts.critical,
    'violations.serious': counts.serious,
    'violations.moderate': counts.moderate,
    'violations.minor': counts.minor,
    'violations.accepted': accepted,
    'baseline.entries': baseline.length,
    'baseline.expired': expired.length,
    'baseline.fixed': fixed.length,
  };
  r.notes.unshift(
    `${auditsOk} axe audit(s) of ${audited.size} page(s); new violations by fingerprint: ${IMPACTS.map((i) => `${counts[i]} ${i}`).join(', ')}; ${accepted} accepted by the baseline.`,
  );
  return r;
}
