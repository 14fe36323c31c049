/**
 * The axe adapter on recorded real axe-core 4.14 audit records (recorded by
 * self-tests/gate/recorded/axe/record.ts from the a11y Playwright project against the reference
 * target): clean audits, the `a11y-regression` fault, an audit that landed on the login page,
 * broken and empty files, and baselines with expired and fixed entries; plus what the gate
 * makes of them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { readAxeResults } from '../../gate/adapters/axe.ts';
import { ResultsUnreadable, type SuiteResult } from '../../gate/model.ts';
import { GATES } from '../../gate/gates.ts';
import { evaluate } from '../../gate/engine.ts';
import { applyPolicies } from '../../gate/policy.ts';
import { BASELINE_AT_RECORDING as A11Y_BASELINE } from './recorded/axe/baseline-at-recording.ts';
import type { BaselineEntry } from '../../a11y/baseline-types.ts';

const recorded = (set: string) => resolve(import.meta.dirname, 'recorded', 'axe', set);
const NOW = new Date('2026-11-24T12:00:00Z');
const HUB = 'extension.module.meschain_sync-desktop-settled.json';

/** A fresh directory holding the given recorded files (`set/name` or whole sets). */
function dirWith(...items: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'axe-adapter-'));
  for (const item of items) {
    const [set, name] = item.split('/');
    const names = name ? [name] : readdirSync(recorded(set!));
    for (const n of names) copyFileSync(join(recorded(set!), n), join(dir, n));
  }
  return dir;
}

function gateOn(result: SuiteResult): Map<string, { status: string; message: string }> {
  const policy = applyPolicies([result], [], [], NOW);
  const gate = evaluate({
    spec: GATES,
    profile: 'local',
    ran: ['a11y'],
    results: [result],
    unreadable: [],
    policy,
    waivers: [],
    now: NOW,
  });
  return new Map(
    gate.conditions
      .filter((c) => c.id.startsWith('a11y.'))
      .map((c) => [c.id, { status: c.status, message: c.message }]),
  );
}

const entry = (rule: string, target: string, expires: string, extra: Partial<BaselineEntry> = {}): BaselineEntry => ({
  rule,
  target,
  expires,
  owner: 'qa@meschain',
  reason: 'self-test',
  ...extra,
});

describe('axe adapter', () => {
  test("OpenCart core pages make part of the core suite: their violations are reported and warn, never failed as the extension's", () => {
    const r = readAxeResults(recorded('clean'), [], NOW, 'OpenCart core');
    assert.equal(r.suite, 'core');
    assert.equal(r.metrics['pages.audited'], 1);
    // the footer link is in every page's footer: seen on the dashboard too, so reported on both sides
    assert.deepEqual(r.findings.map((f) => `${f.owner} ${f.fingerprint}`).sort(), [
      'OpenCart core heading-order|#modal-security-title',
      'OpenCart core link-in-text-block|a[href$="www.opencart.com"]',
    ]);
    assert.equal(r.metrics['violations.moderate'], 1);
    assert.ok(
      r.tests.every((t) => t.status === 'passed'),
      'a core violation is not a failed test of the core suite',
    );
    r.metrics['violations.serious'] = 2; // as on a stock store's dashboard
    const policy = applyPolicies([r], [], [], NOW);
    const gate = evaluate({
      spec: GATES,
      profile: 'local',
      ran: ['core'],
      results: [r],
      unreadable: [],
      policy,
      waivers: [],
      now: NOW,
    });
    const serious = gate.conditions.find((c) => c.id === 'core.a11y.serious')!;
    assert.equal(serious.status, 'warn', serious.message);
    assert.equal(gate.conditions.find((c) => c.id === 'core.a11y.critical')!.status, 'passed');
  });

  test('clean audits with the baseline of their day: every page audited, every violation accepted, nothing new', () => {
    const r = readAxeResults(recorded('clean'), A11Y_BASELINE, NOW);
    assert.equal(r.suite, 'a11y');
    assert.equal(r.tool, 'axe-core');
    // the extension's pages only: the dashboard's audit is OpenCart core's (the core suite's)
    assert.equal(r.metrics['pages.audited'], 4);
    assert.equal(r.metrics['audits.total'], 5);
    for (const impact of ['critical', 'serious', 'moderate', 'minor'])
      assert.equal(r.metrics[`violations.${impact}`], 0, impact);
    assert.equal(r.metrics['violations.accepted'], 4);
    assert.equal(r.metrics['baseline.expired'], 0);
    assert.equal(r.metrics['baseline.fixed'], 0);
    assert.ok(
      r.findings.every((f) => f.waivedBy?.startsWith('a11y/baseline.ts')),
      'accepted findings say which baseline entry accepted them',
    );
    const gate = gateOn(r);
    for (const id of ['a11y.critical', 'a11y.serious', 'a11y.moderate', 'a11y.minor', 'a11y.baseline.expired'])
      assert.equal(gate.get(id)?.status, 'passed', id);
  });

  test('violations count once per fingerprint (rule + target) across pages, viewports and states', () => {
    const r = readAxeResults(recorded('clean'), [], NOW);
    // link-in-text-block on the footer is in 5 of the 6 audits, .table-responsive on the hub and the sync log: one each
    assert.deepEqual(r.findings.map((f) => f.fingerprint).sort(), [
      'link-in-text-block|a[href$="www.opencart.com"]',
      'scrollable-region-focusable|.table-responsive',
      'scrollable-region-focusable|section[aria-labelledby="daily-breakdown-title"] > .table-responsive',
      'scrollable-region-focusable|section[aria-labelledby="top-products-title"] > .table-responsive',
    ]);
    assert.equal(r.metrics['violations.serious'], 4);
    assert.equal(r.metrics['violations.moderate'], 0, 'the only moderate one is on the dashboard: OpenCart core');
    const footer = r.findings.find((f) => f.rule === 'link-in-text-block')!;
    assert.equal(footer.impact, 'serious');
    assert.equal(footer.target, 'a[href$="www.opencart.com"]');
    assert.match(footer.helpUrl ?? '', /dequeuniversity\.com\/rules\/axe\/4\.14\/link-in-text-block/);
    assert.match(footer.page ?? '', /extension\/module\/meschain_sync/);
    assert.ok(footer.title.length > 0);
    const tables = r.findings.find((f) => f.fingerprint === 'scrollable-region-focusable|.table-responsive')!;
    assert.equal(tables.page, 'extension/module/log_viewer, extension/module/meschain_sync');
    // every violation shows in Allure as a failed test, every audit as a passed one
    assert.equal(r.tests.filter((t) => t.id.startsWith('axe › violation › ') && t.status === 'failed').length, 4);
    assert.equal(r.tests.filter((t) => !t.id.startsWith('axe › violation › ') && t.status === 'passed').length, 5);
    const gate = gateOn(r);
    assert.equal(gate.get('a11y.serious')?.status, 'failed');
    assert.match(gate.get('a11y.serious')!.message, /4 violations breaks <= 0/);
    assert.equal(gate.get('a11y.moderate')?.status, 'passed');
    assert.equal(gate.get('a11y.critical')?.status, 'passed');
  });

  test('the a11y-regression fault (no labels, no alt text, low contrast) turns critical and serious red', () => {
    const r = readAxeResults(dirWith(`regression/${HUB}`), A11Y_BASELINE, NOW);
    assert.equal(r.metrics['pages.audited'], 1);
    assert.equal(r.metrics['violations.critical'], 7);
    assert.equal(r.metrics['violations.serious'], 27, 'the footer link is accepted by the baseline; the rest is new');
    for (const rule of ['image-alt', 'label', 'select-name', 'color-contrast'])
      assert.ok(
        r.findings.some((f) => f.rule === rule && !f.waivedBy),
        rule,
      );
    const gate = gateOn(r);
    assert.equal(gate.get('a11y.critical')?.status, 'failed');
    assert.equal(gate.get('a11y.serious')?.status, 'failed');
  });

  test('an expired baseline entry fails baseline.expired and no longer accepts its violation', () => {
    const baseline = [entry('link-in-text-block', 'a[href$="www.opencart.com"]', '2026-11-23')];
    const r = readAxeResults(dirWith(`clean/${HUB}`), baseline, NOW);
    assert.equal(r.metrics['baseline.expired'], 1);
    assert.equal(r.metrics['violations.serious'], 1);
    assert.ok(
      r.tests.some(
        (t) => t.id === 'axe › baseline › link-in-text-block|a[href$="www.opencart.com"]' && t.status === 'failed',
      ),
    );
    assert.ok(r.notes.some((n) => /expired on 2026-11-23/.test(n)));
    assert.equal(gateOn(r).get('a11y.baseline.expired')?.status, 'failed');
    // the expiry day itself still counts
    assert.equal(
      readAxeResults(
        dirWith(`clean/${HUB}`),
        [entry('link-in-text-block', 'a[href$="www.opencart.com"]', '2026-11-24')],
        NOW,
      ).metrics['baseline.expired'],
      0,
    );
  });

  test('a baseline entry no longer seen is reported as fixed so the baseline shrinks', () => {
    const baseline = [
      entry('color-contrast', '#gone', '2027-01-31'),
      entry('color-contrast', '#elsewhere', '2027-01-31', { route: 'extension/module/webhooks' }), // route not audited here: unknown, not fixed
      entry('link-in-text-block', 'a[href$="www.opencart.com"]', '2027-01-31'),
    ];
    const r = readAxeResults(dirWith(`clean/${HUB}`), baseline, NOW);
    assert.equal(r.metrics['baseline.fixed'], 1);
    assert.ok(r.notes.some((n) => n.includes('color-contrast|#gone') && /delete the entry/.test(n)));
    assert.equal(r.metrics['violations.serious'], 0);
  });

  test('an audit that landed on the login page does not count as audited, and says why', () => {
    const r = readAxeResults(dirWith(`login/${HUB}`), [], NOW);
    assert.equal(r.metrics['pages.audited'], 0);
    assert.equal(r.metrics['audits.wrong_page'], 1);
    assert.equal(r.metrics['pages.wrong'], 1);
    assert.equal(r.findings.length, 0, "violations of the login page are not the hub's");
    const t = r.tests.find((x) => x.status === 'failed')!;
    assert.match(t.error ?? '', /login page/);
    const gate = gateOn(r);
    assert.equal(gate.get('a11y.serious')?.status, 'failed');
    assert.match(gate.get('a11y.serious')!.message, /missing evidence: 0 pages audited by axe/);
  });

  test('a login-page audit beside good ones: only the good ones count', () => {
    const dir = dirWith(`clean/${HUB}`, 'clean/extension.module.reporting-phone-settled.json');
    copyFileSync(join(recorded('login'), HUB), join(dir, 'extension.module.meschain_sync-phone-settled.json'));
    const r = readAxeResults(dir, A11Y_BASELINE, NOW);
    assert.equal(r.metrics['pages.audited'], 2);
    assert.equal(r.metrics['audits.wrong_page'], 1);
  });

  test('a broken or empty record makes the results unreadable (could not evaluate), never a pass', () => {
    assert.throws(
      () => readAxeResults(recorded('broken'), [], NOW),
      (e: unknown) => e instanceof ResultsUnreadable && /invalid JSON/.test(e.message) && e.message.includes(HUB),
    );
    assert.throws(
      () => readAxeResults(recorded('empty'), [], NOW),
      (e: unknown) => e instanceof ResultsUnreadable && /empty file/.test(e.message),
    );
    const dir = dirWith();
    copyFileSync(
      resolve(import.meta.dirname, 'recorded', 'lighthouse', 'clean', 'hub-run1.json'),
      join(dir, 'not-axe.json'),
    );
    assert.throws(
      () => readAxeResults(dir, [], NOW),
      (e: unknown) => e instanceof ResultsUnreadable && /expected \{ url, route/.test(e.message),
    );
  });

  test('no records (empty or missing folder) is missing evidence: the gate fails, never passes', () => {
    for (const dir of [dirWith(), join(tmpdir(), 'no-such-axe-dir')]) {
      const r = readAxeResults(dir, A11Y_BASELINE, NOW);
      assert.equal(r.metrics['pages.audited'], 0);
      assert.match(r.notes.join('\n'), /no axe audit records/);
      assert.equal(gateOn(r).get('a11y.critical')?.status, 'failed');
    }
  });

  test('a baseline entry without owner, reason or a real expiry is refused with what to fix', () => {
    const bad = [{ ...entry('label', '#x', '2027-01-01'), owner: '' }];
    assert.throws(() => readAxeResults(recorded('clean'), bad, NOW), /A11Y_BASELINE\[0\]: expected an owner/);
    assert.throws(
      () => readAxeResults(recorded('clean'), [entry('label', '#x', '31.12.2027')], NOW),
      /expected expires as YYYY-MM-DD/,
    );
  });

  test('recorded audits carry no user_token or session id in clear', () => {
    for (const set of ['clean', 'regression']) {
      for (const name of readdirSync(recorded(set))) {
        const text = readFileSync(join(recorded(set), name), 'utf8');
        assert.doesNotMatch(text, /user_token=[A-Za-z0-9]{32}/, `${set}/${basename(name)}`);
        assert.match(text, /user_token=\[MASKED\]/);
      }
    }
  });
});

test('the live baseline (a11y/baseline.ts) is valid and has no expired entry', async () => {
  const { A11Y_BASELINE: live } = await import('../../a11y/baseline.ts');
  const r = readAxeResults(recorded('clean'), live, new Date());
  assert.equal(r.metrics['baseline.expired'], 0);
});
