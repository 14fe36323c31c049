/**
 * Enabling or disabling a marketplace (`hub.toggle`) does what its answer says: the answer's
 * `enabled` is the status sent and its message says which, the store's setting `module_<marketplace>_status` holds it, and
 * the dashboard's numbers (hub.metrics) equal the oracle's computation from the store's data
 * afterwards — that marketplace shown enabled or not, the active ones counted.
 */
import { test, expect, expectedMetrics, group, ORACLE_MARKETPLACES, storeNow } from '../../fixtures/index.ts';

interface ToggleAnswer { success: string; marketplace: string; enabled: boolean }

test.describe('oracle: marketplace toggle', { tag: '@oracle' }, () => {
  for (const mp of ORACLE_MARKETPLACES) {
    test(`${mp}: disabled, then enabled again — the answer, the store's setting and the dashboard agree`, { tag: ['@writes', '@reference-only'] }, async ({ apiAs, oracle }) => {
      await group(mp, 'hub.toggle', 'oracle');
      const api = await apiAs('admin');
      for (const status of ['0', '1'] as const) {
        const res = await api.call<ToggleAnswer>('hub.toggle', { marketplace: mp, status });
        expect(res.body, `hub.toggle ${mp} status=${status}`).toMatchObject({ marketplace: mp, enabled: status === '1' });
        // the message the admin reads says what happened, not the opposite
        expect(res.body.success, `hub.toggle ${mp} status=${status}: the success message`).toMatch(status === '1' ? /\benabled\b/i : /\bdisabled\b/i);
        const setting = oracle.rows().settings.find((s) => s.key === `module_${mp}_status`);
        expect(setting?.value, `the store's setting module_${mp}_status after status=${status}`).toBe(status);
        const metrics = await api.call<{ metrics: unknown }>('hub.metrics');
        expect(metrics.body.metrics, `hub.metrics after ${mp} status=${status}, against ${oracle.source}`).toEqual(expectedMetrics(oracle.rows(), storeNow(metrics.headers)));
      }
    });
  }
});
