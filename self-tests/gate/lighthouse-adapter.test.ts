/**
 * The Lighthouse adapter on recorded real Lighthouse 13.5 results (recorded by
 * self-tests/gate/recorded/lighthouse/record.ts with a11y/lighthouse/run-lighthouse.ts against the
 * reference target): three runs each of the hub and reporting on the clean target, the hub with
 * the `heavy-page` fault, an audit that landed on the login page, a result without the page proof,
 * broken and empty files; plus the runner's medians and masking, and what the gate makes of it all.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readLighthouseReports } from '../../gate/adapters/lighthouse.ts';
import { ResultsUnreadable, type SuiteResult } from '../../gate/model.ts';
import { GATES } from '../../gate/gates.ts';
import { evaluate } from '../../gate/engine.ts';
import { applyPolicies } from '../../gate/policy.ts';
import { median, medianIndex } from '../../a11y/lighthouse/median.ts';
import { isMasked, maskAuditText } from '../../a11y/mask.ts';
import { lighthouseOptionsFromEnv } from '../../a11y/lighthouse/config.ts';
import type { ProfileName } from '../../gate/spec-types.ts';

const recorded = (set: string) => resolve(import.meta.dirname, 'recorded', 'lighthouse', set);
const NOW = new Date('2026-11-24T12:00:00Z');

interface RecordedLhr {
  finalDisplayedUrl: string;
  categories: Record<string, { score: number }>;
  audits: Record<
    string,
    {
      numericValue?: number;
      details?: { items: { resourceType: string; transferSize: number; requestCount: number }[] };
    }
  >;
  meschainQa: { page: string; durationMs: number };
}
const load = (set: string, name: string): RecordedLhr =>
  JSON.parse(readFileSync(join(recorded(set), name), 'utf8')) as RecordedLhr;

function dirWith(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-adapter-'));
  for (const [as, from] of Object.entries(files))
    copyFileSync(join(recorded(from.split('/')[0]!), from.split('/')[1]!), join(dir, as));
  return dir;
}

function gateOn(
  result: SuiteResult,
  profile: ProfileName = 'local',
): Map<string, { status: string; message: string; actual: number | null }> {
  const policy = applyPolicies([result], [], [], NOW);
  const gate = evaluate({
    spec: GATES,
    profile,
    ran: ['lighthouse'],
    results: [result],
    unreadable: [],
    policy,
    waivers: [],
    now: NOW,
  });
  return new Map(
    gate.conditions
      .filter((c) => c.id.startsWith('lighthouse.'))
      .map((c) => [c.id, { status: c.status, message: c.message, actual: c.actual }]),
  );
}

/** The per-page median of a metric, computed straight from the recorded files. */
function expectedMedian(page: string, read: (l: RecordedLhr) => number): number {
  const values = [1, 2, 3].map((n) => read(load('clean', `${page}-run${n}.json`))).sort((a, b) => a - b);
  return values[1]!;
}
const scriptBytes = (l: RecordedLhr) =>
  l.audits['resource-summary']!.details!.items.find((i) => i.resourceType === 'script')!.transferSize;

describe('lighthouse adapter', () => {
  test('clean hub and reporting: both pages proven, worst-page medians within every threshold', () => {
    const r = readLighthouseReports(recorded('clean'));
    assert.equal(r.suite, 'lighthouse');
    assert.equal(r.metrics['pages.attempted'], 2);
    assert.equal(r.metrics['pages.audited'], 2);
    assert.equal(r.metrics['pages.wrong'], 0);
    for (const page of ['hub', 'reporting']) {
      assert.equal(
        r.metrics[`page.${page}.score.performance`],
        expectedMedian(page, (l) => Math.round(l.categories.performance!.score * 100)),
      );
      assert.equal(
        r.metrics[`page.${page}.lcp_ms`],
        expectedMedian(page, (l) => l.audits['largest-contentful-paint']!.numericValue!),
      );
      assert.equal(r.metrics[`page.${page}.script_bytes`], expectedMedian(page, scriptBytes));
    }
    assert.equal(
      r.metrics['score.performance'],
      Math.min(r.metrics['page.hub.score.performance']!, r.metrics['page.reporting.score.performance']!),
    );
    assert.equal(r.metrics.lcp_ms, Math.max(r.metrics['page.hub.lcp_ms']!, r.metrics['page.reporting.lcp_ms']!));
    assert.ok(r.metrics.requests! > 0 && r.metrics.requests! <= 40);
    for (const [id, c] of gateOn(r)) assert.equal(c.status, 'passed', `${id}: ${c.message}`);
  });

  test('every page shows in Allure: proof, category scores, and each weighted audit that is not good', () => {
    const r = readLighthouseReports(recorded('clean'));
    const ids = r.tests.map((t) => `${t.status} ${t.id}`);
    assert.ok(ids.includes('passed lighthouse › hub › intended page'));
    assert.ok(ids.includes('passed lighthouse › reporting › category › performance'));
    // a weak audit is reported with its score, never red by itself: the gate judges the page by its conditions
    assert.ok(ids.includes('passed lighthouse › hub › link-in-text-block'), ids.join('\n'));
    const audit = r.tests.find((t) => t.id === 'lighthouse › hub › link-in-text-block')!;
    assert.equal(audit.finding, true);
    assert.match(audit.error ?? '', /score \d+/);
    assert.ok(
      r.tests.filter((t) => !t.finding).every((t) => t.status === 'passed'),
      'the clean run has no red Lighthouse result',
    );
    assert.ok(r.notes.some((n) => /^hub: median of 3 run\(s\).*Lighthouse time per run/.test(n)));
  });

  test('the heavy-page fault turns performance, LCP, script bytes and requests red', () => {
    const r = readLighthouseReports(recorded('heavy'));
    assert.equal(r.metrics['pages.audited'], 1);
    assert.ok(r.metrics.script_bytes! > 60 * 2_000_000, `script bytes ${r.metrics.script_bytes}`);
    const gate = gateOn(r);
    for (const id of ['lighthouse.performance', 'lighthouse.lcp', 'lighthouse.script_bytes', 'lighthouse.requests'])
      assert.equal(gate.get(id)?.status, 'failed', id);
    assert.equal(gate.get('lighthouse.audited_intended_page')?.status, 'passed');
    assert.ok(gate.get('lighthouse.performance')!.actual! < 80);
  });

  test('an audit that landed on the login page counts as wrong and its numbers never count', () => {
    const r = readLighthouseReports(recorded('login'));
    assert.equal(r.metrics['pages.attempted'], 1);
    assert.equal(r.metrics['pages.audited'], 0);
    assert.equal(r.metrics['pages.wrong'], 1);
    assert.equal(r.metrics['score.performance'], undefined, "the login page scores are not the hub's");
    assert.match(r.tests[0]!.error ?? '', /login form/);
    const gate = gateOn(r);
    assert.equal(gate.get('lighthouse.audited_intended_page')?.status, 'failed');
    assert.equal(gate.get('lighthouse.performance')?.status, 'failed');
    assert.match(gate.get('lighthouse.performance')!.message, /missing evidence: 0 pages audited/);
  });

  test('one unproven run makes its whole page wrong; the other pages still count', () => {
    const dir = dirWith({
      'hub-run1.json': 'clean/hub-run1.json',
      'hub-run2.json': 'clean/hub-run2.json',
      'hub-run3.json': 'login/hub-run1.json',
      'reporting-run1.json': 'clean/reporting-run1.json',
    });
    const r = readLighthouseReports(dir);
    assert.equal(r.metrics['pages.wrong'], 1);
    assert.equal(r.metrics['pages.audited'], 1);
    assert.equal(r.metrics['score.performance'], r.metrics['page.reporting.score.performance']);
    assert.equal(gateOn(r).get('lighthouse.audited_intended_page')?.status, 'failed');
  });

  test('a result without the page proof (not written by the runner) counts as wrong', () => {
    const r = readLighthouseReports(recorded('noproof'));
    assert.equal(r.metrics['pages.wrong'], 1);
    assert.match(r.tests[0]!.error ?? '', /no proof of the page/);
  });

  test("a file named for one page holding another page's audit counts as wrong", () => {
    const r = readLighthouseReports(dirWith({ 'reporting-run1.json': 'clean/hub-run1.json' }));
    assert.equal(r.metrics['pages.wrong'], 1);
  });

  test('a broken or empty result makes the results unreadable, never a pass', () => {
    assert.throws(
      () => readLighthouseReports(recorded('broken')),
      (e: unknown) => e instanceof ResultsUnreadable && /invalid JSON/.test(e.message),
    );
    assert.throws(
      () => readLighthouseReports(recorded('empty')),
      (e: unknown) => e instanceof ResultsUnreadable && /empty file/.test(e.message),
    );
    const dir = dirWith();
    writeFileSync(join(dir, 'hub-run1.json'), '{"lighthouseVersion":"13.5.0"}');
    assert.throws(() => readLighthouseReports(dir), /expected a Lighthouse result/);
  });

  test('no results (empty or missing folder) is missing evidence: the gate fails, never passes', () => {
    for (const dir of [dirWith(), join(tmpdir(), 'no-such-lighthouse-dir')]) {
      const r = readLighthouseReports(dir);
      assert.equal(r.metrics['pages.attempted'], 0);
      const gate = gateOn(r);
      assert.equal(gate.get('lighthouse.audited_intended_page')?.status, 'failed');
      assert.match(gate.get('lighthouse.audited_intended_page')!.message, /missing evidence: 0 pages attempted/);
    }
  });

  test("the median run's HTML report is attached as an artifact; other files are ignored", () => {
    const dir = dirWith({ 'hub-run1.json': 'clean/hub-run1.json' });
    writeFileSync(join(dir, 'hub.html'), '<!doctype html><title>Lighthouse</title>');
    writeFileSync(join(dir, 'notes.txt'), 'not a report');
    const r = readLighthouseReports(dir);
    assert.deepEqual(r.artifacts, [
      { name: 'Lighthouse hub (median run).html', path: join(dir, 'hub.html'), contentType: 'text/html' },
    ]);
    assert.deepEqual(r.sources, [join(dir, 'hub-run1.json')]);
  });

  test('staging and production allow a slower page (thresholds come from the profile)', () => {
    const r = readLighthouseReports(recorded('heavy'));
    assert.equal(
      gateOn(r, 'staging').get('lighthouse.performance')?.status,
      r.metrics['score.performance']! >= 70 ? 'passed' : 'failed',
    );
  });
});

describe('lighthouse runner helpers', () => {
  test('median of runs and the median run', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(medianIndex([90, 100, 95]), 2);
    assert.equal(medianIndex([100, 100, 99]), 0, 'ties go to the earlier run');
    assert.throws(() => median([]));
  });

  test('masking takes the token and session out of URLs and leaves LHR keys alone', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const session = '0123456789abcdef0123456789';
    const lhr = JSON.stringify({
      finalDisplayedUrl: `http://h/admin/index.php?route=x&user_token=${token}`,
      headings: [{ key: 'url' }],
      note: `OCSESSID=${session}`,
    });
    const masked = maskAuditText(lhr, [token, session]);
    assert.ok(isMasked(masked, [token, session]));
    assert.match(masked, /"key":"url"/);
    assert.match(masked, /user_token=\[MASKED\]/);
    assert.ok(!isMasked(lhr, [token, session]));
  });

  test('recorded results carry no token: the final URL is masked', () => {
    for (const set of ['clean', 'heavy']) {
      for (const name of readdirSync(recorded(set))) {
        const text = readFileSync(join(recorded(set), name), 'utf8');
        assert.doesNotMatch(text, /user_token=[A-Za-z0-9]{32}/, `${set}/${name}`);
        assert.match(load(set, name).finalDisplayedUrl, /user_token=\[MASKED\]/);
      }
    }
  });

  test('pages and runs from the environment', () => {
    assert.deepEqual(lighthouseOptionsFromEnv({}), { runs: 3 });
    assert.equal(lighthouseOptionsFromEnv({ QA_LIGHTHOUSE_PAGES: 'all' }).pages?.length, 9);
    assert.deepEqual(lighthouseOptionsFromEnv({ QA_LIGHTHOUSE_PAGES: 'hub, webhooks', QA_LIGHTHOUSE_RUNS: '5' }), {
      pages: ['hub', 'webhooks'],
      runs: 5,
    });
    assert.throws(
      () => lighthouseOptionsFromEnv({ QA_LIGHTHOUSE_RUNS: 'zero' }),
      /QA_LIGHTHOUSE_RUNS: expected a whole number/,
    );
  });
});
