/**
 * Canaries of the gate itself, through the real pipeline: a run that collects no test is red,
 * never green; a bad option could not be evaluated; a production run writes nothing (the clean
 * run is in clean-run.test.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runQa, runQaProcess } from '../helpers/run-qa.ts';

describe('gate canaries', () => {
  test('a run that collects no test fails on missing evidence (exit 1), never passes', async () => {
    const r = await runQa({ suites: ['api'], args: ['--', '--grep', 'no test has this title'] });
    assert.equal(r.exitCode, 1, r.stdout.slice(-3000));
    assert.equal(r.condition('api.contract.failures').status, 'failed');
    assert.match(r.condition('api.contract.failures').message, /missing evidence: 0 tests executed/);
    assert.equal(r.condition('tests.pass_rate').status, 'failed');
  });

  for (const [name, value, message] of [
    ['QA_RETRIES', '-1', /QA_RETRIES: expected a whole number of retries per test from 0 to 5 .*; found "-1"/],
    ['QA_WORKERS', 'many', /QA_WORKERS: expected a whole number of Playwright workers from 1 to 16.*; found "many"/],
    ['QA_TARGET_KIND', 'bogus', /QA_TARGET_KIND: expected "reference" or "opencart"; found "bogus"/],
    ['MESCHAIN_FAULTS', 'slow-apii', /MESCHAIN_FAULTS: expected a comma list of .*; found unknown "slow-apii"/],
    [
      'QA_STORE_DB',
      'postgres://qa@db/shop',
      /QA_STORE_DB: expected sqlite:\/path\/to\/store.sqlite .*; found "postgres:\/\/qa@db\/shop"/,
    ],
    ['TARGET_DATA_SCALE', '50', /TARGET_DATA_SCALE: expected a whole number 1-20 .*; found "50"/],
    [
      'QA_THIRD_PARTY_ALLOW',
      'https://fonts.googleapis.com/css',
      /QA_THIRD_PARTY_ALLOW: expected host names .*; found "https:\/\/fonts.googleapis.com\/css"/,
    ],
    [
      'QA_STORE_DB',
      'mysql://127.0.0.1:3307/',
      /QA_STORE_DB: expected mysql:\/\/user:password@host:port\/database\?prefix=oc_ .*; found "mysql:\/\/127.0.0.1:3307\/"/,
    ],
  ] as const) {
    test(`a bad ${name} stops the run before any suite: exit 2, naming the setting and what is allowed`, async () => {
      const r = await runQaProcess(['--suite', 'api'], { env: { [name]: value } });
      assert.equal(r.code, 2, r.out);
      assert.match(r.out, message);
      assert.doesNotMatch(r.out, /\[qa\] Playwright:/, 'no suite ran');
    });
  }

  test('a bad option is a could-not-evaluate exit 2 with what was expected', async () => {
    await assert.rejects(
      runQa({ suites: ['api'], args: ['--env', 'moon'] }),
      /wrote no gate.json \(exit 2\)[\s\S]*--env: expected one of local, staging, production; found moon/,
    );
  });
});

describe('production profile', () => {
  test('--env production against the reference target writes nothing (data digests before and after compared)', async () => {
    const r = await runQa({ suites: ['api', 'security'], args: ['--env', 'production'] });
    assert.equal(r.condition('production.read_only').status, 'passed', r.condition('production.read_only').message);
    assert.equal(r.condition('production.read_only').evidence.actual, 1);
    assert.equal(r.exitCode, 0, r.stdout.slice(-3000));
    assert.match(r.stdout, /production run: no store data changed/);
  });
});
