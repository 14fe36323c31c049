/**
 * The runner's stages (runner/stages/), each on its own: what it refuses before anything starts,
 * what it derives, what it writes. The canaries run them together through the real pipeline.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Preflight } from '../../fixtures/opencart/preflight.ts';
import type { QaOptions } from '../../runner/options.ts';
import { clearReportFolders, foldersMergedAs, REPORT_FOLDERS } from '../../runner/report-folders.ts';
import { CouldNotEvaluate } from '../../runner/say.ts';
import { Timings } from '../../runner/timings.ts';
import { adapt } from '../../runner/stages/adapt.ts';
import { checkSettings } from '../../runner/stages/check-settings.ts';
import { judge } from '../../runner/stages/evaluate.ts';
import { blockedBy, preflightMetrics, scopeOf } from '../../runner/stages/preflight.ts';
import { playwrightArgs } from '../../runner/stages/run-tools.ts';
import { selectSuites } from '../../runner/stages/select-suites.ts';

const OPTS: QaOptions = {
  suites: 'all',
  profile: 'local',
  loadProfile: 'smoke',
  help: false,
  playwrightArgs: [],
  tags: [],
  merge: [],
  noReport: true,
};
const tmp = () => mkdtempSync(join(tmpdir(), 'meschain-stage-'));

function preflight(extension: Preflight['extension'], missing: string[] = []): Preflight {
  const modules = ['meschain_sync', 'trendyol', 'n11'].map((code) => ({
    code,
    route: `extension/module/${code}`,
    listed: true,
    installed: !missing.includes(code),
    access: { admin: missing.includes(code) ? ('not-found' as const) : ('page' as const) },
  }));
  return {
    store: 'http://127.0.0.1:1',
    opencartVersion: '3.0.5.0',
    roles: ['admin'],
    logins: 1,
    api: { username: 'Default', ok: true },
    modules:
      extension === 'absent'
        ? modules.map((m) => ({ ...m, listed: false, installed: false, access: { admin: 'not-found' as const } }))
        : modules,
    extension,
    summary: `MesChain-Sync ${extension}`,
    origins: ['http://localhost:8780'],
  };
}

describe('report folders: one list', () => {
  test('a run clears every folder of the list, keeps the gate history, and starts with an empty allure-results', () => {
    const dir = tmp();
    for (const f of REPORT_FOLDERS) {
      if (f.name.endsWith('.json')) writeFileSync(join(dir, f.name), '{}');
      else {
        mkdirSync(join(dir, f.name));
        writeFileSync(join(dir, f.name, 'stale.txt'), 'an earlier run');
      }
    }
    writeFileSync(join(dir, 'gate-history.jsonl'), '{"earlier":true}\n');
    clearReportFolders(dir);
    assert.deepEqual(readdirSync(dir).sort(), ['allure-results', 'gate-history.jsonl']);
    assert.deepEqual(readdirSync(join(dir, 'allure-results')), []);
  });

  test("--merge copies each tool's folder, merges blob reports and Allure results; names are unique", () => {
    assert.deepEqual(foldersMergedAs('copy'), ['api', 'k6', 'scaling', 'a11y', 'lighthouse']);
    assert.deepEqual(foldersMergedAs('blob'), ['blob']);
    assert.deepEqual(foldersMergedAs('allure-results'), ['allure-results']);
    assert.equal(new Set(REPORT_FOLDERS.map((f) => f.name)).size, REPORT_FOLDERS.length);
  });
});

describe('stage 1: suites and settings, refused before anything starts', () => {
  const available = ['core', 'api', 'security', 'oracle', 'ui', 'load'] as const;
  test('a suite this checkout cannot run, and production under more than smoke load, are could-not-evaluate', () => {
    assert.throws(
      () => selectSuites({ ...OPTS, suites: ['lighthouse'] }, [...available]),
      (e: Error) =>
        e instanceof CouldNotEvaluate &&
        /suite lighthouse has no tests or runner .*available: core, api/.test(e.message),
    );
    assert.throws(
      () => selectSuites({ ...OPTS, profile: 'production', loadProfile: 'load' }, [...available]),
      /production runs the k6 smoke profile at most; found --load load/,
    );
    assert.deepEqual(selectSuites(OPTS, [...available]), [...available]);
  });

  test('a shard runs the Playwright suites only', () => {
    assert.deepEqual(selectSuites({ ...OPTS, shard: { index: 1, total: 2 } }, [...available]), [
      'core',
      'api',
      'security',
      'oracle',
      'ui',
    ]);
  });

  test('a bad setting, a reference target asked to be a real store, a Chromium that is not there: each named', async () => {
    const saved = { ...process.env };
    const restore = () => {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    };
    try {
      const attempt = async (env: Record<string, string>, suites: QaOptions['suites'] = ['api']) => {
        restore();
        Object.assign(process.env, { QA_BASE_URL: '', QA_TARGET_KIND: 'reference', MESCHAIN_FAULTS: '' }, env);
        return checkSettings(OPTS, suites === 'all' ? [] : suites, tmp(), new Timings());
      };
      await assert.rejects(
        attempt({ QA_WORKERS: 'many' }),
        (e: Error) => e instanceof CouldNotEvaluate && /QA_WORKERS/.test(e.message) && /found "many"/.test(e.message),
      );
      await assert.rejects(
        attempt({ QA_TARGET_KIND: 'opencart' }),
        /QA_TARGET_KIND: expected "reference" when QA_BASE_URL is empty/,
      );
      await assert.rejects(
        attempt({ PLAYWRIGHT_CHROMIUM_PATH: '/nowhere/chromium' }, ['ui']),
        /PLAYWRIGHT_CHROMIUM_PATH: expected the path of an existing file .*found "\/nowhere\/chromium"/,
      );
      const ok = await attempt({}, ['api']);
      assert.equal(ok.ownTargets, true);
      assert.equal(ok.env.QA_TARGET_KIND, 'reference');
    } finally {
      restore();
    }
  });
});

describe('stage 2: what the preflight means for the run', () => {
  test("an absent extension blocks every suite but core, with the preflight's sentence; no module metrics", () => {
    const env: NodeJS.ProcessEnv = {};
    const scope = scopeOf(preflight('absent'), ['core', 'api', 'ui'], env);
    assert.deepEqual(scope.suites, ['core']);
    assert.deepEqual(scope.blocked, [
      { suite: 'api', reason: 'MesChain-Sync absent' },
      { suite: 'ui', reason: 'MesChain-Sync absent' },
    ]);
    assert.deepEqual(scope.runMetrics, {});
    assert.equal(
      env.QA_CORE_ONLY_PROJECTS,
      'api,ui-desktop,ui-phone,a11y',
      'projects only core needs run only its tests',
    );
    assert.deepEqual(blockedBy(undefined, ['api']), []);
  });

  test("a partly installed extension: each missing module counted and named to the workers; the store's origins passed on", () => {
    const env: NodeJS.ProcessEnv = {};
    const scope = scopeOf(preflight('partial', ['n11']), ['core', 'api'], env);
    assert.deepEqual(scope.suites, ['core', 'api']);
    assert.deepEqual(scope.runMetrics, { 'preflight.modules_probed': 3, 'preflight.modules_missing': 1 });
    assert.equal(env.QA_MISSING_MODULES, 'n11:not-found');
    assert.equal(env.QA_STORE_ORIGINS, 'http://localhost:8780');
    assert.equal(env.QA_CORE_ONLY_PROJECTS, 'ui-desktop,ui-phone,a11y');
    assert.deepEqual(preflightMetrics(preflight('installed')), {
      'preflight.modules_probed': 3,
      'preflight.modules_missing': 0,
    });
  });
});

describe('stage 3: Playwright arguments', () => {
  test('tags, the production guard and a shard', () => {
    assert.deepEqual(
      playwrightArgs({
        ...OPTS,
        tags: ['@security', '@core'],
        shard: { index: 2, total: 3 },
        playwrightArgs: ['--headed'],
      }),
      ['--grep', '@security|@core', '--shard', '2/3', '--headed'],
    );
    assert.deepEqual(playwrightArgs({ ...OPTS, profile: 'production' }), [
      '--grep-invert',
      '@writes|@reference-only|@logins',
    ]);
  });
});

describe('stages 4–5: adapt and evaluate', () => {
  test('a missing result file makes every suite it belongs to unreadable; a tool that did not run is added once', async () => {
    const dir = tmp();
    const a = await adapt(['api', 'security', 'load'], dir, [
      { suite: 'load', message: 'k6 did not run: no binary' },
      { suite: 'api', message: 'Playwright crashed' },
    ]);
    assert.deepEqual(a.unreadable.map((u) => u.suite).sort(), ['api', 'load', 'security']);
    assert.match(
      a.unreadable.find((u) => u.suite === 'api')!.message,
      /results\.json/,
      "the adapter's own reason comes first",
    );
    assert.equal(a.unreadable.find((u) => u.suite === 'load')!.message.includes('summary.json'), true);
  });

  test('the verdict is written atomically with one history line; baselines only after a green run', () => {
    const dir = tmp();
    const gate = judge({
      reportsDir: dir,
      profile: 'local',
      suites: ['load'],
      adapted: { results: [], unreadable: [] },
      runMetrics: {},
      targetKind: 'reference',
      blocked: [],
    });
    assert.equal(gate.status, 'failed', 'load ran and produced nothing: missing evidence');
    assert.equal(JSON.parse(readFileSync(join(dir, 'gate.json'), 'utf8')).status, 'failed');
    assert.equal(readFileSync(join(dir, 'gate-history.jsonl'), 'utf8').trim().split('\n').length, 1);
    assert.equal(existsSync(join(dir, 'gate-baselines.json')), false);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('.tmp')),
      [],
      'no temporary file left behind',
    );
  });
});
