/**
 * Authorization matrix of every state-changing action × every principal (administrator, viewer,
 * user without access, anonymous, missing / stale / foreign user_token), generated from the
 * contract. Each refused principal sends the contract's VALID example — the request that would
 * change data if a check were missing — and the store data must stay unchanged (`/__qa/digest`).
 * The administrator's cell is the positive control: the same request is allowed.
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

test.describe('authorization: state changes', () => {
  for (const { route, who, verdict } of authzTable('change')) {
    const title = `${route.id}: ${PRINCIPAL_TEXT[who]} is ${VERDICT_TEXT[verdict]}`;
    if (verdict === 'allowed') {
      test(title, { tag: ['@security', '@writes', '@reference-only'] }, async ({ settings, apiAs, control }) => {
        await group(route.module, route.id, 'authorization');
        const caller = await callerFor(who, settings, apiAs);
        const res = await requestAs(route, caller, await validParams(route, { control, api: await apiAs('admin') }));
        expect(verdictProblems(route, who, verdict, res)).toEqual([]);
      });
    } else {
      test(title, { tag: ['@security', '@writes'] }, async ({ settings, apiAs, control, guard }) => {
        await group(route.module, route.id, 'authorization');
        const params = await validParams(route, { control, api: await apiAs('admin') });
        const caller = await callerFor(who, settings, apiAs);
        const res = await guard.unchanged(`${route.id} as ${who}`, () => requestAs(route, caller, params));
        expect(verdictProblems(route, who, verdict, res)).toEqual([]);
      });
    }
  }
});
