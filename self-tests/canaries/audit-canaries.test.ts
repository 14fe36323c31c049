/**
 * Canaries of the accessibility and Lighthouse gates, through the real pipeline (scripts/qa.ts →
 * the a11y Playwright project with axe-core / the Lighthouse runner → adapters → gate):
 * `a11y-regression` turns the axe impact conditions red, `heavy-page` turns the Lighthouse
 * performance budget red (the clean run is in clean-run.test.ts). Lighthouse runs once per page
 * here (QA_LIGHTHOUSE_RUNS=1) to keep `npm test` short; `npm run qa` takes the median of 3.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS } from '../../reference-target/faults.ts';
import { runQa } from '../helpers/run-qa.ts';

const ONE_RUN = { QA_LIGHTHOUSE_RUNS: '1' };

describe('audit canaries (axe + Lighthouse)', () => {
  test(`a11y-regression (${FAULTS['a11y-regression'].effect}) turns ${FAULTS['a11y-regression'].gate} red`, async () => {
    const r = await runQa({ faults: ['a11y-regression'], suites: ['a11y'], args: ['--', '--grep', 'axe desktop hub'] });
    assert.equal(r.condition(FAULTS['a11y-regression'].gate).status, 'failed', r.stdout.slice(-3000));
    assert.equal(r.condition('a11y.critical').status, 'failed', 'missing labels and alt text are critical');
    assert.ok(r.condition('a11y.serious').evidence.actual >= 1, 'judged on a real audit, not on missing evidence');
    assert.equal(r.condition('a11y.baseline.expired').status, 'passed');
    assert.equal(r.exitCode, 1);
  });

  test(`heavy-page (${FAULTS['heavy-page'].effect}) turns ${FAULTS['heavy-page'].gate} red`, async () => {
    const r = await runQa({
      faults: ['heavy-page'],
      suites: ['lighthouse'],
      env: { ...ONE_RUN, QA_LIGHTHOUSE_PAGES: 'hub' },
    });
    assert.equal(r.condition(FAULTS['heavy-page'].gate).status, 'failed', r.stdout.slice(-3000));
    assert.equal(r.condition('lighthouse.script_bytes').status, 'failed');
    assert.equal(r.condition('lighthouse.requests').status, 'failed');
    assert.equal(r.condition('lighthouse.audited_intended_page').status, 'passed', 'the heavy hub is still the hub');
    assert.equal(r.exitCode, 1);
  });
});
