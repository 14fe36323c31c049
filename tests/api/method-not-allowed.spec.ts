/**
 * Every state change is POST-only: GET (the CSRF-by-link and prefetch risk), PUT and DELETE with
 * the contract's valid example answer 405 JSON with `Allow: POST`, and change nothing.
 */
import { COMMON_ANSWERS } from '../../contracts/meschain-routes.ts';
import { test, expect, changeRoutes, group, schemaProblems, validParams } from '../../fixtures/index.ts';

test.describe('state changes refuse other methods', () => {
  for (const route of changeRoutes()) {
    test(
      `${route.id}: GET, PUT and DELETE answer 405 and change nothing`,
      { tag: ['@security', '@writes'] },
      async ({ apiAs, control, guard }) => {
        await group(route.module, route.id, 'method');
        const api = await apiAs('admin');
        const params = await validParams(route, { control, api });
        const problems: string[] = [];
        for (const method of ['GET', 'PUT', 'DELETE'] as const) {
          const res = await guard.unchanged(`${method} ${route.route}`, () =>
            api.send(method, route.route, method === 'GET' ? { query: params } : { form: params }),
          );
          const found = `${res.status} ${res.kind}: ${res.text.slice(0, 200)}`;
          if (res.status !== 405) problems.push(`${method}: expected 405; found ${found}`);
          else if (res.kind !== 'json' || schemaProblems(COMMON_ANSWERS.wrongMethod, res.body))
            problems.push(`${method}: expected a JSON {error} answer; found ${found}`);
          else if (!/\bPOST\b/.test(res.headers.allow ?? ''))
            problems.push(`${method}: expected the header Allow: POST; found ${JSON.stringify(res.headers.allow)}`);
        }
        expect(problems).toEqual([]);
      },
    );
  }
});
