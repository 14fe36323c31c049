/**
 * No admin route opens itself to other origins: with `Origin: https://evil.example`, no answer
 * (pages and reads over GET, state changes' CORS preflight) carries `Access-Control-Allow-Origin: *`
 * or echoes the foreign origin — a foreign site must never read admin data with the admin's cookie.
 */
import { ROUTES } from '../../contracts/meschain-routes.ts';
import { test, expect, group, validParams, type ApiAnswer } from '../../fixtures/index.ts';

const EVIL = 'https://evil.example';
const modules = [...new Set(ROUTES.map((r) => r.module))];

function corsProblem(id: string, res: ApiAnswer): string[] {
  const allow = res.headers['access-control-allow-origin'];
  if (allow !== '*' && allow !== EVIL) return [];
  return [
    `${id}: Access-Control-Allow-Origin: ${allow}${res.headers['access-control-allow-credentials'] ? ' (with credentials)' : ''}`,
  ];
}

test.describe('CORS on admin routes', () => {
  for (const module of modules) {
    const reads = ROUTES.filter((r) => r.module === module && !r.changesState);
    const changes = ROUTES.filter((r) => r.module === module && r.changesState);
    if (reads.length) {
      test(
        `${module}: pages and reads do not allow a foreign origin`,
        { tag: ['@security'] },
        async ({ apiAs, control }) => {
          await group(module, `${module} (all routes)`, 'CORS');
          const api = await apiAs('admin');
          const problems: string[] = [];
          for (const route of reads) {
            const res = await api.send('GET', route.route, {
              query: await validParams(route, { control, api }),
              headers: { origin: EVIL },
            });
            problems.push(...corsProblem(route.id, res));
          }
          expect(problems).toEqual([]);
        },
      );
    }
    if (changes.length) {
      test(
        `${module}: state changes do not allow a foreign origin (preflight)`,
        { tag: ['@security', '@writes'] },
        async ({ apiAs, guard }) => {
          await group(module, `${module} (all routes)`, 'CORS');
          const api = await apiAs('admin');
          const problems: string[] = [];
          for (const route of changes) {
            const res = await guard.unchanged(`preflight ${route.id}`, () =>
              api.send('OPTIONS', route.route, { headers: { origin: EVIL, 'access-control-request-method': 'POST' } }),
            );
            problems.push(...corsProblem(route.id, res));
          }
          expect(problems).toEqual([]);
        },
      );
    }
  }
});
