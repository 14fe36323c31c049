/**
 * Credentials never travel back in clear: the settings pages show no stored secret (secret inputs
 * are write-only and empty), no page, JSON answer or export carries a stored marketplace
 * credential or any other known secret, and a failing marketplace call does not echo the
 * credentials it was given — in its answer, the job error or the sync log.
 */
import { ROUTES, SECRET_SETTING_KEYS, routeById } from '../../contracts/meschain-routes.ts';
import { test, expect, group, knownSecrets, MARKETPLACES, validParams, waitForJob } from '../../fixtures/index.ts';

const leaks = (text: string, secrets: readonly string[]): string[] =>
  secrets.filter((s) => text.includes(s)).map((s) => `${s.slice(0, 3)}…(${s.length} chars)`);

test.describe('secrets', () => {
  test.beforeEach(async () => {
    await group('security', 'secrets', 'credentials never in clear');
  });

  test(
    'settings pages show no stored secret and leave every secret input empty',
    { tag: ['@security'] },
    async ({ settings, apiAs }) => {
      const api = await apiAs('admin');
      const secrets = knownSecrets(settings);
      for (const mp of MARKETPLACES) {
        const page = await api.page(`extension/module/${mp}`);
        expect(leaks(page.text, secrets), `${mp} settings page`).toEqual([]);
        const secretInputs = [...page.text.matchAll(/<input[^>]*type="password"[^>]*>/g)].map((m) => m[0]);
        expect(secretInputs.length, `${mp}: one password input per secret field`).toBe(
          (SECRET_SETTING_KEYS[mp] ?? []).length,
        );
        for (const input of secretInputs)
          expect(/\svalue="([^"]*)"/.exec(input)?.[1] ?? '', `${mp}: ${input.slice(0, 80)}`).toBe('');
      }
    },
  );

  test(
    'no page, JSON answer or export carries a known secret, for the administrator or the viewer',
    { tag: ['@security'] },
    async ({ settings, apiAs, control }) => {
      const secrets = knownSecrets(settings);
      const found: string[] = [];
      for (const role of ['admin', 'viewer'] as const) {
        const api = await apiAs(role);
        for (const route of ROUTES.filter((r) => !r.changesState)) {
          const res = await api.send('GET', route.route, {
            query: await validParams(route, { control, api: await apiAs('admin') }),
          });
          const l = leaks(res.text + JSON.stringify(res.headers), secrets);
          if (l.length) found.push(`${route.id} as ${role}: ${l.join(', ')}`);
        }
      }
      expect(found).toEqual([]);
    },
  );

  for (const mp of MARKETPLACES) {
    test(
      `${mp}: credentials that fail are not echoed by the connection test, the job or the sync log`,
      { tag: ['@security', '@writes', '@reference-only'] },
      async ({ apiAs, control }) => {
        const api = await apiAs('admin');
        const fresh: Record<string, string> = {};
        for (const key of SECRET_SETTING_KEYS[mp] ?? []) fresh[key] = `qa-${key}-${mp}-wrong-9f2c`;
        const params = { ...(await validParams(routeById(`${mp}.save`), { control, api })), ...fresh };
        expect((await api.call(`${mp}.save`, params)).body).toHaveProperty('success');
        const secrets = Object.values(fresh);

        const answers = [
          (await api.send('GET', `extension/module/${mp}`)).text,
          (await api.send('POST', `extension/module/${mp}/test_connection`)).text,
          (await api.send('POST', 'extension/module/meschain_sync/testConnection', { form: { marketplace: mp } })).text,
        ];
        const sync = await api.call<{ job_id: number }>(`${mp}.sync_products`, { limit: 1 });
        const job = await waitForJob(api, sync.body.job_id);
        expect(job.failed, `wrong credentials: the product is not synced (${job.error ?? 'no job error'})`).toBe(1);
        answers.push(
          JSON.stringify(job),
          (await api.send('GET', 'extension/module/log_viewer/list', { query: { marketplace: mp, limit: 100 } })).text,
        );
        expect(answers.flatMap((t) => leaks(t, secrets))).toEqual([]);
      },
    );
  }
});
