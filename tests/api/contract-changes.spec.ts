/**
 * Contract of every state-changing action, generated from contracts/meschain-routes.ts: with the
 * contract's valid example, as administrator, over POST, it answers HTTP 200 JSON fitting its
 * success schema. Writes: each test starts and ends on the seed while holding the data lock.
 */
import { test, assertJsonAnswer, contractTable, group, keyTest, validParams } from '../../fixtures/index.ts';

test.describe('contract: state changes', () => {
  for (const route of contractTable('change')) {
    test(
      `${route.id}: valid input answers its success schema`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        await group(route.module, route.id, 'contract');
        keyTest();
        const api = await apiAs('admin');
        const params = await validParams(route, { control, api });
        const res = await api.send('POST', route.route, { form: params });
        assertJsonAnswer(route, res, route.success ?? {}, 'success');
      },
    );
  }
});
