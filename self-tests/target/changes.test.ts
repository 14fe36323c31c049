/**
 * What the per-test reset relies on (fixtures/clean-store.ts): the target says exactly what
 * changed since its last reset — data rows, simulator requests and faults, not the session rows
 * of a login — and a reset puts it back to nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTarget } from '../helpers/target.ts';
import { loginOverHttp } from '../../fixtures/opencart/login.ts';
import { AdminClient } from '../../fixtures/opencart/admin-client.ts';
import { storeShape, workersFor } from '../../fixtures/store.ts';

describe('what changed since the last reset', () => {
  const t = useTarget();

  test('a fresh target and a login change nothing', async () => {
    assert.deepEqual(t.current.target.changes(), []);
    await loginOverHttp(t.current.settings, 'admin');
    assert.deepEqual(t.current.target.changes(), [], 'session rows of a login are not data');
  });

  test('a settings save is a data write; a reset forgets it', async () => {
    const admin = new AdminClient(t.current.settings, await loginOverHttp(t.current.settings, 'admin'));
    await admin.post('extension/module/meschain_sync/save', { status: '1', sync_interval: '30' });
    assert.deepEqual(t.current.target.dataWrites(), { oc_setting: t.current.target.dataWrites().oc_setting });
    assert.match(t.current.target.changes().join('\n'), /oc_setting: \d+ row\(s\) written/);
    await t.current.target.reset();
    assert.deepEqual(t.current.target.changes(), []);
  });

  test('a simulator request, a simulator fault and a switched fault each count; a reset undoes them', async () => {
    const { target } = t.current;
    await fetch(`${target.app.simulators.trendyol}/__sim/state`).then((r) => r.arrayBuffer()); // control route: not an API request
    assert.deepEqual(target.changes(), []);
    const admin = new AdminClient(t.current.settings, await loginOverHttp(t.current.settings, 'admin'));
    await admin.post('extension/module/trendyol/test_connection');
    assert.match(target.changes().join('\n'), /trendyol simulator: \d+ request\(s\) received/);
    target.simulators.setFaults('n11', { latencyMs: 5 });
    target.app.faults.set(['slow-api']);
    const changes = target.changes().join('\n');
    assert.match(changes, /n11 simulator: faults set/);
    assert.match(changes, /faults switched to "slow-api"/);
    await target.reset();
    assert.deepEqual(target.changes(), []);
    assert.deepEqual(target.app.faults.list(), [], 'back to the start-up faults');
  });
});

describe('store shape and workers', () => {
  test('QA_BASE_URL empty: own reference targets, QA_WORKERS workers (default 2)', () => {
    assert.equal(storeShape({}), 'own-reference-target');
    assert.equal(workersFor({}), 2);
    assert.equal(workersFor({ QA_WORKERS: '3' }), 3);
  });

  test('QA_BASE_URL set: one shared store, always one worker', () => {
    assert.equal(storeShape({ QA_BASE_URL: 'http://127.0.0.1:8790' }), 'shared-store');
    assert.equal(workersFor({ QA_BASE_URL: 'http://127.0.0.1:8790', QA_WORKERS: '4' }), 1);
  });

  test('a bad QA_WORKERS says what was expected and what was found', () => {
    assert.throws(
      () => workersFor({ QA_WORKERS: '-1' }),
      /QA_WORKERS: expected a whole number of Playwright workers from 1 to 16; found "-1"/,
    );
  });
});
