/**
 * Bad input to every state-changing action, generated from the contract's Param descriptions
 * (fixtures/api/bad-input.ts: missing, malformed, oversized, out of range; seeded fast-check
 * draws): each answers a clear, field-keyed error the route declares — never its success answer —
 * and leaves the store data unchanged, proven per request through `/__qa/digest`.
 */
import { test, expect, badInputTable, checkBadInput, group, validParams } from '../../fixtures/index.ts';

test.describe('bad input: state changes', () => {
  for (const { route, param, cases } of badInputTable('change')) {
    test(
      `${route.id}: bad ${param} gets a field-keyed error and changes nothing`,
      { tag: ['@writes'] },
      async ({ apiAs, control, guard }) => {
        await group(route.module, route.id, 'bad input');
        const api = await apiAs('admin');
        const valid = await validParams(route, { control, api });
        const writes = await guard.tracker();
        const problems: string[] = [];
        for (const c of cases) {
          const res = await api.send('POST', route.route, { form: c.apply(valid) });
          problems.push(...checkBadInput(route, c, res));
          const changed = await writes.check(c.label);
          if (changed.length)
            problems.push(`${c.label}: expected no data change; found writes to ${changed.join(', ')}`);
        }
        expect(problems, `${cases.length} bad values of ${param}`).toEqual([]);
      },
    );
  }
});
