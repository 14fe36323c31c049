/**
 * Error answers of the contract besides validation: when a marketplace refuses the stored
 * credentials, the actions that call it answer their declared error shape — `{error}` for order
 * and category pulls, `{error, latency_ms}` for connection tests — over HTTP 200 JSON (never a
 * PHP error page), and import nothing; an unknown job is a declared `{error}`.
 * (A marketplace that answers 5xx or 429 is the resilience suite's subject.)
 */
import { routeById, SECRET_SETTING_KEYS } from '../../contracts/meschain-routes.ts';
import { test, expect, assertJsonAnswer, group, MARKETPLACES, validParams } from '../../fixtures/index.ts';
import { errorText } from '../../contracts/schemas.ts';

test.describe('contract: error answers', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}: with refused credentials, pulls and connection tests answer their declared errors`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs, control, guard }) => {
        await group(mp, `${mp} (credentials refused)`, 'contract');
        const api = await apiAs('admin');
        const wrong = Object.fromEntries((SECRET_SETTING_KEYS[mp] ?? []).map((k) => [k, `qa-wrong-${k}-0000`]));
        const save = await api.call(`${mp}.save`, {
          ...(await validParams(routeById(`${mp}.save`), { control, api })),
          ...wrong,
        });
        expect(save.body, 'saving credentials the marketplace will refuse').toHaveProperty('success');
        const writes = await guard.tracker({ except: ['meschain_sync_log'] });
        for (const id of [`${mp}.get_orders`, `${mp}.get_categories`]) {
          const route = routeById(id);
          const res = await api.send(route.method, route.route);
          assertJsonAnswer(route, res, errorText, 'error (credentials refused)');
        }
        for (const [id, params] of [
          [`${mp}.test_connection`, {}],
          ['hub.testConnection', { marketplace: mp }],
        ] as const) {
          const route = routeById(id);
          const res = await api.send('POST', route.route, { form: params });
          assertJsonAnswer(route, res, route.success ?? {}, 'answer (credentials refused)');
          expect((res.body as { error?: unknown }).error, `${id}: the failed connection test says why`).toEqual(
            expect.any(String),
          );
        }
        expect(await writes.check('failed pulls'), 'a failed pull imports nothing').toEqual([]);
      },
    );
  }

  test('hub.job: an unknown job answers a declared {error}', async ({ apiAs }) => {
    const route = routeById('hub.job');
    await group(route.module, route.id, 'contract');
    const res = await (await apiAs('admin')).send('GET', route.route, { query: { job_id: 99_999_999 } });
    assertJsonAnswer(route, res, errorText, 'error (no such job)');
  });
});
