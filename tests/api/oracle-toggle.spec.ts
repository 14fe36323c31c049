/**
 * Enabling or disabling a marketplace (`hub.toggle`) does what its answer says: the answer's
 * `enabled` is the status sent and its message says which, the store's setting `module_<marketplace>_status` holds it, and
 * the dashboard's numbers (hub.metrics) equal the oracle's computation from the store's data
 * afterwards — that marketplace shown enabled or not, the active ones counted. A disabled
 * marketplace is sent nothing: a product push to it ends without a request reaching it, and no
 * product mapping or listing changes.
 */
import {
  test,
  expect,
  expectedMetrics,
  group,
  ORACLE_MARKETPLACES,
  simulatorState,
  storeNow,
  waitForJob,
} from '../../fixtures/index.ts';

interface ToggleAnswer {
  success: string;
  marketplace: string;
  enabled: boolean;
}

test.describe('oracle: marketplace toggle', { tag: '@oracle' }, () => {
  for (const mp of ORACLE_MARKETPLACES) {
    test(
      `${mp}: disabled, then enabled again — the answer, the store's setting and the dashboard agree`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, oracle }) => {
        await group(mp, 'hub.toggle', 'oracle');
        const api = await apiAs('admin');
        for (const status of ['0', '1'] as const) {
          const res = await api.call<ToggleAnswer>('hub.toggle', { marketplace: mp, status });
          expect(res.body, `hub.toggle ${mp} status=${status}`).toMatchObject({
            marketplace: mp,
            enabled: status === '1',
          });
          // the message the admin reads says what happened, not the opposite
          expect(res.body.success, `hub.toggle ${mp} status=${status}: the success message`).toMatch(
            status === '1' ? /\benabled\b/i : /\bdisabled\b/i,
          );
          const setting = oracle.rows().settings.find((s) => s.key === `module_${mp}_status`);
          expect(setting?.value, `the store's setting module_${mp}_status after status=${status}`).toBe(status);
          const metrics = await api.call<{ metrics: unknown }>('hub.metrics');
          expect(metrics.body.metrics, `hub.metrics after ${mp} status=${status}, against ${oracle.source}`).toEqual(
            expectedMetrics(oracle.rows(), storeNow(metrics.headers)),
          );
        }
      },
    );
  }

  for (const mp of ORACLE_MARKETPLACES) {
    test(
      `${mp}: once disabled, a product push sends it nothing and changes no mapping`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, oracle }) => {
        await group(mp, 'hub.toggle', 'oracle');
        const api = await apiAs('admin');
        await api.call('hub.toggle', { marketplace: mp, status: '0' });
        const before = oracle.rows();
        const market = await simulatorState(control, mp);
        const sent = await api.call<{ job_id: number }>(`${mp}.sync_products`, { limit: 3 });
        const job = await waitForJob(api, sent.body.job_id);
        expect(job.status, `the push to disabled ${mp} (job ${job.job_id}) does not end done`).toBe('failed');
        expect((await simulatorState(control, mp)).requests.length, `${mp} received no request while disabled`).toBe(
          market.requests.length,
        );
        expect(oracle.rows().productMappings, `no product mapping changed while ${mp} is disabled`).toEqual(
          before.productMappings,
        );
      },
    );
  }
});
