/**
 * Authorization matrix of every page and read route × every principal, generated from the
 * contract: the administrator and the viewer (access permission) read; the user without access
 * gets OpenCart's "Permission Denied!" page; anonymous callers and missing, stale or foreign
 * tokens get the login page — never data. Reads that reach a marketplace hold the data lock
 * (no marketplace fault of a resilience test may reach them).
 */
import {
  test,
  expect,
  authzTable,
  callerFor,
  group,
  PRINCIPAL_TEXT,
  requestAs,
  validParams,
  VERDICT_TEXT,
  verdictProblems,
} from '../../fixtures/index.ts';
import type { AdminClient, QaSettings, Role, TargetControl } from '../../fixtures/index.ts';

interface Deps {
  settings: QaSettings;
  apiAs: (role: Role) => Promise<AdminClient>;
  control: TargetControl;
}

test.describe('authorization: pages and reads', () => {
  for (const { route, who, verdict } of authzTable('read')) {
    const title = `${route.id}: ${PRINCIPAL_TEXT[who]} is ${VERDICT_TEXT[verdict]}`;
    // a stale token needs logins of its own (production logs in once per role: not there)
    const tag = who === 'stale-token' ? ['@security', '@logins'] : ['@security'];
    const check = async ({ settings, apiAs, control }: Deps) => {
      await group(route.module, route.id, 'authorization');
      const params = await validParams(route, { control, api: await apiAs('admin') });
      const res = await requestAs(route, await callerFor(who, settings, apiAs), params);
      expect(verdictProblems(route, who, verdict, res)).toEqual([]);
    };
    if (verdict === 'allowed' && route.callsMarketplace) {
      test(title, { tag }, async ({ settings, apiAs, control }) => {
        await check({ settings, apiAs, control });
      });
    } else {
      test(title, { tag }, async ({ settings, apiAs, control }) => check({ settings, apiAs, control }));
    }
  }
});
