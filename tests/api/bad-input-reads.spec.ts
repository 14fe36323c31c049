/**
 * Bad input to every read route with parameters, generated from the contract: out-of-range,
 * malformed or oversized filters get a field-keyed error the route declares, never a page of data
 * computed from a value the contract rules out.
 */
import { test, expect, badInputTable, checkBadInput, group, validParams } from '../../fixtures/index.ts';

test.describe('bad input: read routes', () => {
  for (const { route, param, cases } of badInputTable('read')) {
    test(`${route.id}: bad ${param} gets a field-keyed error`, async ({ apiAs, control }) => {
      await group(route.module, route.id, 'bad input');
      const api = await apiAs('admin');
      const valid = await validParams(route, { control, api });
      const problems: string[] = [];
      for (const c of cases)
        problems.push(...checkBadInput(route, c, await api.send('GET', route.route, { query: c.apply(valid) })));
      expect(problems, `${cases.length} bad values of ${param}`).toEqual([]);
    });
  }
});
