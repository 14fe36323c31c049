/**
 * State changes that take no parameter (test_connection, get_orders): their only bad input is
 * unexpected input — unknown, nested and oversized parameters, a malformed JSON body. OpenCart
 * ignores parameters it does not read, so the action must answer exactly its contract and write
 * nothing beyond its own effect: after a clean run, a run with junk imports nothing new.
 */
import { test, expect, group, isDeclaredError, fits, unexpectedInputTable } from '../../fixtures/index.ts';

const JUNK = {
  unexpected: 'x',
  marketplace: 'amazon',
  limit: '-1',
  product_id: '0',
  status: ['1', '0'],
  nested: { a: { b: { c: 'd' } } },
  '__proto__[polluted]': '1',
  big: 'x'.repeat(100_000),
};

test.describe('bad input: actions without parameters', () => {
  for (const route of unexpectedInputTable()) {
    test(
      `${route.id}: unexpected parameters and a malformed body are ignored`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, guard }) => {
        await group(route.module, route.id, 'bad input');
        const api = await apiAs('admin');
        const clean = await api.send('POST', route.route);
        expect(clean.kind, clean.text.slice(0, 300)).toBe('json');
        // the action's own log row is its effect; every other table must stay as the clean run left it
        const writes = await guard.tracker({ except: ['meschain_sync_log'] });
        for (const [what, opts] of [
          ['junk form parameters', { form: JUNK }],
          ['a malformed JSON body', { body: { contentType: 'application/json', text: '{"marketplace": "amazon", ' } }],
        ] as const) {
          const res = await api.send('POST', route.route, opts);
          expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(200);
          expect(res.kind, `${what}: ${res.text.slice(0, 300)}`).toBe('json');
          const known =
            (route.success !== undefined && fits(route.success, res.body)) || isDeclaredError(route, res.body);
          expect(
            known,
            `${what}: expected the route's success answer or a declared error; found ${res.text.slice(0, 300)}`,
          ).toBe(true);
          expect(await writes.check(what), `${what}: expected nothing written beyond the action's log`).toEqual([]);
        }
      },
    );
  }
});
