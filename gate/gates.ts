/**
 * THE gate spec: every quality condition the deployment decision rests on, as data.
 * Thresholds default to the deployment plan's targets (average response < 200 ms, error rate
 * < 0.1 %, 100 % of tests passing, no open security finding); profiles override per environment.
 * k6 reads its thresholds from here too (perf/), so there is one source of truth.
 *
 * Each condition: a stable `id`, the `suite` it belongs to and the `metric` it reads (from its
 * `source`: the suite by default, else every test, the policy registries or the run itself — each
 * source is judged by its own rule in gate/rules/), `comparator` + `threshold`, `severity` (blocker
 * fails the gate, warn only reports), the minimum `evidence`, and `help`.
 */
import type { GateSpec } from './spec-types.ts';

const tests = (min = 1) => ({ metric: 'tests.executed', min, label: 'tests executed' });
const samples = (min: number) => ({ metric: 'http.requests', min, label: 'HTTP samples' });
const axePages = (min = 1) => ({ metric: 'pages.audited', min, label: 'pages audited by axe' });
const lhPages = (min = 1) => ({ metric: 'pages.audited', min, label: 'pages audited by Lighthouse (intended page proven)' });

export const GATES: GateSpec = {
  version: 1,
  conditions: [
    // --- every test suite --------------------------------------------------------------------
    { id: 'tests.pass_rate', title: '100 % of executed tests pass', suite: 'all', source: 'tests', metric: 'tests.pass_rate', comparator: '>=', threshold: 100, unit: '%',
      severity: 'blocker', evidence: tests(), help: 'Open the failed tests in the Allure report (Categories → Product defects); fix the product or the test. A known, owned failure goes into gate/waivers.ts with an expiry.' },
    { id: 'tests.flaky', title: 'no test passed only on retry', suite: 'all', source: 'tests', metric: 'tests.flaky', comparator: '<=', threshold: 0, unit: 'tests',
      severity: 'blocker', evidence: tests(), help: 'A flaky test hides a race. Find it under "Flaky" in Allure, fix the wait it depends on; to unblock meanwhile add it to gate/quarantine.ts with an owner and an expiry.' },
    { id: 'tests.quarantine.expired', title: 'no quarantine entry is past its expiry', suite: 'all', source: 'policy', metric: 'quarantine.expired', comparator: '<=', threshold: 0, unit: 'entries',
      severity: 'blocker', evidence: { metric: 'quarantine.read', min: 1, label: 'quarantine list read' }, help: 'Fix the test and remove its entry from gate/quarantine.ts, or renew the expiry with a reason.' },
    { id: 'waivers.expired', title: 'no waiver is past its expiry', suite: 'all', source: 'policy', metric: 'waivers.expired', comparator: '<=', threshold: 0, unit: 'waivers',
      severity: 'blocker', evidence: { metric: 'waivers.read', min: 1, label: 'waiver registry read' }, help: 'Fix the waived failure and delete the waiver in gate/waivers.ts, or renew it with its owner.' },

    { id: 'production.read_only', title: 'a production run wrote no store data', suite: 'all', source: 'run', metric: 'data.tables_changed', comparator: '<=', threshold: 0, unit: 'tables',
      severity: 'blocker', evidence: { metric: 'data.digest_checked', min: 1, label: 'write checks (table digests, row counts and checksums, or the requests sent)' },
      appliesTo: { profiles: ['production'] },
      help: 'A test wrote data during a production-profile run (reference target: table digests; real store with QA_STORE_DB: the row count of every oc_ table and a checksum of each small one, OpenCart\'s login bookkeeping left out; without it: the requests the run sent). Tag it @writes (the production profile excludes those) and find how it slipped past the read-only guards. Give QA_STORE_DB for the stronger evidence.' },

    // --- OpenCart core (runs on every store: with the extension, without it, or half installed) ----
    { id: 'core.failures', title: 'OpenCart\'s own login, token, lockout and logout behave', suite: 'core', metric: 'tests.failed', comparator: '<=', threshold: 0, unit: 'tests',
      severity: 'blocker', evidence: tests(), help: 'A test tagged @core failed: the store\'s own admin login, user_token, lockout or logout did not behave as OpenCart 3 does (docs: opencart3-admin.md). Nothing of the extension is involved; check the store\'s set-up (users, groups, API key) first.' },

    { id: 'extension.modules_missing', title: 'every MesChain-Sync module is installed and opens for the administrator', suite: 'all', source: 'run', metric: 'preflight.modules_missing',
      whenAbsent: 'no module was judged: the extension is not installed, or no preflight ran (--merge of runs without one)', comparator: '<=', threshold: 0, unit: 'modules',
      severity: 'blocker', evidence: { metric: 'preflight.modules_probed', min: 1, label: 'module pages probed by the preflight' },
      help: 'The preflight table (top of the run, reports/preflight.json) names each missing module and what its page answered (not-found: no controller file; permission: the Administrator group lacks the route). Install or repair the extension; the tests of those modules were skipped with this reason.' },

    // --- API contract and security ---------------------------------------------------------------
    { id: 'api.contract.failures', title: 'every route answers its contract', suite: 'api', metric: 'tests.failed', comparator: '<=', threshold: 0, unit: 'tests',
      severity: 'blocker', evidence: tests(), help: 'A route answered outside contracts/meschain-routes.ts (status, content type, JSON Schema). The failed test attaches request and response; fix the route or, when the contract changed on purpose, the contract.' },
    { id: 'api.contract.coverage', title: 'every contract route is tested', suite: 'api', metric: 'contract.coverage', comparator: '>=', threshold: 100, unit: '%',
      severity: 'blocker', evidence: { metric: 'contract.routes', min: 1, label: 'contract routes counted' }, help: 'A route in contracts/meschain-routes.ts has no contract, bad-input or authorization test. Add it to the generated suites in tests/api/.' },
    { id: 'security.findings', title: 'no open security finding', suite: 'security', metric: 'findings.open', comparator: '<=', threshold: 0, unit: 'findings',
      severity: 'blocker', evidence: tests(), help: 'A security test failed (authorization, secrets, webhook signature, CSV injection, CORS, lockout). Treat it as a release blocker; see the finding in Allure (suite security).' },

    { id: 'oracle.failures', title: 'every answer equals the store\'s own data', suite: 'oracle', metric: 'tests.failed', comparator: '<=', threshold: 0, unit: 'tests',
      severity: 'blocker', evidence: tests(), appliesTo: { targetKinds: ['reference'] },
      help: 'A number, list or record the extension answered differently from what the store\'s database says (fixtures/oracle computes it on its own), or a batch item landed on the wrong product. The failed test names the field, the expected and the found value.' },

    // --- UI and PWA --------------------------------------------------------------------------------
    { id: 'ui.failures', title: 'dashboard flows work on desktop and phone', suite: 'ui', metric: 'tests.failed', comparator: '<=', threshold: 0, unit: 'tests',
      severity: 'blocker', evidence: tests(), help: 'A dashboard flow failed; the Allure result has screenshots and a trace (secrets masked).' },
    { id: 'pwa.failures', title: 'the dashboards install and work offline', suite: 'pwa', metric: 'tests.failed', comparator: '<=', threshold: 0, unit: 'tests',
      severity: 'blocker', evidence: tests(), help: 'Manifest, icons or service worker broke. Check the failed PWA test; the worker script is reference-target/public/javascript/meschain/sw.js on the reference target.' },

    // --- load (k6) ----------------------------------------------------------------------------------
    { id: 'perf.api.avg', title: 'average response time', suite: 'load', metric: 'http.avg_ms', comparator: '<', threshold: 200, unit: 'ms',
      severity: 'blocker', evidence: samples(50), help: 'The deployment plan promises < 200 ms on average. Look at the per-scenario metrics in Allure to find the slow endpoint.' },
    { id: 'perf.api.error_rate', title: 'HTTP error rate', suite: 'load', metric: 'http.error_rate', comparator: '<', threshold: 0.1, unit: '%',
      severity: 'blocker', evidence: samples(50), help: 'More than 0.1 % of requests failed under load (5xx, timeouts, login page instead of JSON). See the failed checks in the k6 result.' },
    { id: 'perf.dashboard.p95', title: 'hub dashboard p95 under load', suite: 'load', metric: 'scenario.dashboard.p95_ms', comparator: '<', threshold: 500, unit: 'ms',
      severity: 'blocker', evidence: { metric: 'scenario.dashboard.requests', min: 20, label: 'dashboard samples' }, help: 'Admins polling the hub see slow pages. Profile the metrics and chartData routes.' },
    { id: 'perf.checks', title: 'k6 checks pass', suite: 'load', metric: 'checks.pass_rate', comparator: '>=', threshold: 99.9, unit: '%',
      severity: 'blocker', evidence: { metric: 'checks.total', min: 50, label: 'checks evaluated' }, help: 'k6 checks do not fail a run by themselves; this condition does. See which check failed in the k6 result.' },

    { id: 'perf.scaling.report', title: 'a report on 10× the data costs at most 15× the seed\'s', suite: 'scaling', metric: 'scaling.report.ratio', comparator: '<=', threshold: 15, unit: '×',
      severity: 'blocker', evidence: { metric: 'scaling.ops', min: 1, label: 'operations timed on the seed and on 10× the data' }, appliesTo: { targetKinds: ['reference'] },
      help: 'Generating a report got much slower on a bigger store than the data grew: look for a query per row or a scan inside a loop (perf/scaling/run-scaling.ts times it; reports/scaling/summary.json has the medians).' },
    { id: 'perf.scaling.push', title: 'a 50-product push costs about the same on a 10× catalogue', suite: 'scaling', metric: 'scaling.push.ratio', comparator: '<=', threshold: 3, unit: '×',
      severity: 'blocker', evidence: { metric: 'scaling.ops', min: 1, label: 'operations timed on the seed and on 10× the data' }, appliesTo: { targetKinds: ['reference'] },
      help: 'Pushing the same number of products got slower with the size of the catalogue: something scans every product per item pushed.' },

    // --- accessibility (axe) -----------------------------------------------------------------------
    { id: 'a11y.audited_intended_page', title: 'every axe audit ran on the intended page', suite: 'a11y', metric: 'pages.wrong', comparator: '<=', threshold: 0, unit: 'pages',
      severity: 'blocker', evidence: axePages(), help: 'An axe audit landed on another page (usually the login page after a lost user_token): its findings say nothing about the extension. See the audit JSON in Allure.' },
    { id: 'a11y.critical', title: 'no new critical accessibility violation', suite: 'a11y', metric: 'violations.critical', comparator: '<=', threshold: 0, unit: 'violations',
      severity: 'blocker', evidence: axePages(), help: 'Fix the violation (Allure has the axe JSON with selectors), or accept it into a11y/baseline.ts with an owner and an expiry.' },
    { id: 'a11y.serious', title: 'no new serious accessibility violation', suite: 'a11y', metric: 'violations.serious', comparator: '<=', threshold: 0, unit: 'violations',
      severity: 'blocker', evidence: axePages(), help: 'Fix the violation (Allure has the axe JSON with selectors), or accept it into a11y/baseline.ts with an owner and an expiry.' },
    { id: 'a11y.moderate', title: 'moderate accessibility violations', suite: 'a11y', metric: 'violations.moderate', comparator: '<=', threshold: 0, unit: 'violations',
      severity: 'warn', evidence: axePages(), help: 'Plan the fix; moderate and minor violations warn by default (make them blockers here when the team is ready).' },
    { id: 'a11y.minor', title: 'minor accessibility violations', suite: 'a11y', metric: 'violations.minor', comparator: '<=', threshold: 0, unit: 'violations',
      severity: 'warn', evidence: axePages(), help: 'Plan the fix; moderate and minor violations warn by default.' },
    // OpenCart core pages (dashboard, Extensions list; zones.ts pageOwner) are the core suite's:
    // the team cannot fix OpenCart's markup, so their violations warn by default
    { id: 'core.a11y.critical', title: 'critical accessibility violations on OpenCart core pages', suite: 'core', metric: 'violations.critical', comparator: '<=', threshold: 0, unit: 'violations',
      severity: 'warn', evidence: { metric: 'pages.audited', min: 1, label: 'core pages audited by axe' },
      help: 'OpenCart\'s own markup, not the extension\'s to fix: report it to the admin theme\'s owner or upstream. Make it a blocker only in a team that owns the theme.' },
    { id: 'core.a11y.serious', title: 'serious accessibility violations on OpenCart core pages', suite: 'core', metric: 'violations.serious', comparator: '<=', threshold: 0, unit: 'violations',
      severity: 'warn', evidence: { metric: 'pages.audited', min: 1, label: 'core pages audited by axe' },
      help: 'OpenCart\'s own markup, not the extension\'s to fix: report it to the admin theme\'s owner or upstream.' },
    { id: 'a11y.baseline.expired', title: 'no accepted violation is past its expiry', suite: 'a11y', metric: 'baseline.expired', comparator: '<=', threshold: 0, unit: 'entries',
      severity: 'blocker', evidence: axePages(), help: 'An accepted violation in a11y/baseline.ts expired: fix it or renew the entry with its owner.' },

    // --- Lighthouse -----------------------------------------------------------------------------------
    { id: 'lighthouse.audited_intended_page', title: 'every audit ran on the intended page', suite: 'lighthouse', metric: 'pages.wrong', comparator: '<=', threshold: 0, unit: 'pages',
      severity: 'blocker', evidence: { metric: 'pages.attempted', min: 1, label: 'pages attempted' }, help: 'An audit ended on another page (usually the login page after a lost user_token). Check the final URL and title in the Lighthouse report.' },
    { id: 'lighthouse.performance', title: 'performance score (median, worst page)', suite: 'lighthouse', metric: 'score.performance', comparator: '>=', threshold: 80, unit: 'score',
      severity: 'blocker', evidence: lhPages(), help: 'Open the Lighthouse HTML in Allure; fix the biggest opportunity first.' },
    { id: 'lighthouse.best_practices', title: 'best-practices score (median, worst page)', suite: 'lighthouse', metric: 'score.best_practices', comparator: '>=', threshold: 90, unit: 'score',
      severity: 'blocker', evidence: lhPages(), help: 'See the failing best-practices audits in the Lighthouse report.' },
    { id: 'lighthouse.lcp', title: 'Largest Contentful Paint (median, worst page)', suite: 'lighthouse', metric: 'lcp_ms', comparator: '<=', threshold: 2500, unit: 'ms',
      severity: 'blocker', evidence: lhPages(), help: 'Render-blocking resources or a slow server response; see the LCP breakdown in the report.' },
    { id: 'lighthouse.tbt', title: 'Total Blocking Time (median, worst page)', suite: 'lighthouse', metric: 'tbt_ms', comparator: '<=', threshold: 300, unit: 'ms',
      severity: 'blocker', evidence: lhPages(), help: 'Long main-thread tasks; see "Reduce JavaScript execution time".' },
    { id: 'lighthouse.cls', title: 'Cumulative Layout Shift (median, worst page)', suite: 'lighthouse', metric: 'cls', comparator: '<=', threshold: 0.1, unit: '',
      severity: 'blocker', evidence: lhPages(), help: 'Reserve space for charts and images; see "Avoid large layout shifts".' },
    { id: 'lighthouse.script_bytes', title: 'script transfer size (worst page)', suite: 'lighthouse', metric: 'script_bytes', comparator: '<=', threshold: 600_000, unit: 'bytes',
      severity: 'blocker', evidence: lhPages(), help: 'A page ships more JavaScript than its budget; see "Reduce unused JavaScript".' },
    { id: 'lighthouse.requests', title: 'request count (worst page)', suite: 'lighthouse', metric: 'requests', comparator: '<=', threshold: 40, unit: 'requests',
      severity: 'blocker', evidence: lhPages(), help: 'A page makes more requests than its budget; bundle or lazy-load.' },
  ],
  // --- regression against the last green runs (k6 latencies, Lighthouse metrics) ----------------
  regressions: [
    { id: 'regression.perf.api.avg', title: 'average response vs baseline', suite: 'load', metric: 'http.avg_ms', better: 'lower', tolerancePct: 25, minDelta: 20, window: 5, minRuns: 3,
      severity: 'blocker', help: 'The API got slower than its recent green runs. Compare the k6 metrics in Allure (Metrics tab) with the previous runs.' },
    { id: 'regression.perf.api.p95', title: 'p95 response vs baseline', suite: 'load', metric: 'http.p95_ms', better: 'lower', tolerancePct: 25, minDelta: 50, window: 5, minRuns: 3,
      severity: 'blocker', help: 'Tail latency regressed against the recent green runs.' },
    { id: 'regression.lighthouse.lcp', title: 'LCP vs baseline', suite: 'lighthouse', metric: 'lcp_ms', better: 'lower', tolerancePct: 20, minDelta: 250, window: 5, minRuns: 3,
      severity: 'blocker', help: 'Largest Contentful Paint regressed against the recent green runs; see the Lighthouse report.' },
    { id: 'regression.lighthouse.tbt', title: 'TBT vs baseline', suite: 'lighthouse', metric: 'tbt_ms', better: 'lower', tolerancePct: 30, minDelta: 50, window: 5, minRuns: 3,
      severity: 'warn', help: 'Total Blocking Time regressed against the recent green runs.' },
    { id: 'regression.lighthouse.performance', title: 'performance score vs baseline', suite: 'lighthouse', metric: 'score.performance', better: 'higher', tolerancePct: 5, minDelta: 3, window: 5, minRuns: 3,
      severity: 'blocker', help: 'The Lighthouse performance score dropped against the recent green runs.' },
  ],
  profiles: {
    local: { description: 'the reference target on a developer machine: the plan\'s targets as they are', overrides: {} },
    staging: {
      description: 'a real store before release: network latency allowed for, flaky tests warn while quarantined',
      overrides: {
        'perf.api.avg': { threshold: 300 },
        'perf.dashboard.p95': { threshold: 800 },
        'lighthouse.performance': { threshold: 70 },
        'lighthouse.lcp': { threshold: 3000 },
      },
    },
    production: {
      description: 'read-only smoke on the live store: fewer samples, no load beyond smoke',
      overrides: {
        'perf.api.avg': { threshold: 300, evidence: { min: 20 } },
        'perf.api.error_rate': { evidence: { min: 20 } },
        'perf.dashboard.p95': { threshold: 800, evidence: { min: 5 } },
        'perf.checks': { evidence: { min: 20 } },
        'lighthouse.performance': { threshold: 70 },
        'lighthouse.lcp': { threshold: 3000 },
      },
    },
  },
};

/** k6 thresholds derived from the spec (used by perf/; one source of truth). */
export function loadThresholds(profile: keyof GateSpec['profiles'] = 'local'): { avgMs: number; errorRatePct: number; dashboardP95Ms: number; checksPct: number } {
  const get = (id: string): number => {
    const base = GATES.conditions.find((c) => c.id === id);
    if (!base) throw new Error(`gate spec: no condition ${id}`);
    return GATES.profiles[profile].overrides[id]?.threshold ?? base.threshold;
  };
  return { avgMs: get('perf.api.avg'), errorRatePct: get('perf.api.error_rate'), dashboardP95Ms: get('perf.dashboard.p95'), checksPct: get('perf.checks') };
}
