/**
 * The reference target implements the contract: every route answers its documented shape for
 * an administrator, every state change is POST-only and refuses a viewer, and the target has no
 * route the contract does not describe.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { useTarget } from '../helpers/target.ts';
import { ROUTES, COMMON_ANSWERS } from '../../contracts/meschain-routes.ts';
import { AdminClient } from '../../fixtures/opencart/admin-client.ts';
import { loginOverHttp } from '../../fixtures/opencart/login.ts';
import { exampleParams, type ExampleContext } from '../../fixtures/contract-examples.ts';
import { adminRoutes } from '../../reference-target/extension/routes.ts';
import type { Marketplace } from '../../reference-target/extension/modules.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
let admin: AdminClient;
let viewer: AdminClient;
let ctx: ExampleContext;

const t = useTarget([], async ({ settings, target }) => {
  admin = new AdminClient(settings, await loginOverHttp(settings, 'admin'));
  viewer = new AdminClient(settings, await loginOverHttp(settings, 'viewer'));
  ctx = {
    simulatorUrl: (mp) => target.app.simulators[mp as Marketplace],
    jobId: async () =>
      (await admin.post<{ job_id: number }>('extension/module/trendyol/send_product', { product_id: 1 })).body.job_id,
  };
});

const CORE = new Set([
  'common/dashboard',
  'error/permission',
  'error/not_found',
  'marketplace/extension',
  'extension/extension/module',
  'extension/extension/module/install',
  'extension/extension/module/uninstall',
]);

test('every extension route of the target is in the contract, and every contract route exists', () => {
  const served = [...adminRoutes().keys()].filter((r) => !CORE.has(r)).sort();
  const documented = ROUTES.map((r) => r.route).sort();
  assert.deepEqual(served, documented);
});

describe('as administrator, every route answers its contract', () => {
  for (const route of ROUTES) {
    test(`${route.id} (${route.method} ${route.route})`, async () => {
      await t.current.target.reset();
      const params = await exampleParams(route, ctx);
      if (route.kind === 'page') {
        const res = await admin.raw('GET', route.route);
        assert.equal(res.status, 200);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        const h1 =
          /<h1[^>]*>([\s\S]*?)<\/h1>/
            .exec(res.text)?.[1]
            ?.replace(/<[^>]+>/g, '')
            .trim() ?? '';
        assert.match(h1, route.page!.h1 instanceof RegExp ? route.page!.h1 : new RegExp(route.page!.h1));
        return;
      }
      if (route.kind === 'csv') {
        const res = await admin.raw('GET', route.route, { query: params });
        assert.equal(res.status, 200);
        assert.match(String(res.headers['content-type']), /^text\/csv/);
        assert.match(
          String(res.headers['content-disposition']),
          /attachment; filename="meschain_report_sales_\d{8}T\d{6}\.csv"/,
        );
        return;
      }
      const res = route.method === 'GET' ? await admin.get(route.route, params) : await admin.post(route.route, params);
      assert.equal(res.status, 200);
      assert.match(res.contentType, /^application\/json/);
      const validate = ajv.compile(route.success!);
      assert.ok(validate(res.body), `${route.id}: ${ajv.errorsText(validate.errors)}\n${res.text.slice(0, 500)}`);
    });
  }
});

describe('every state change is POST-only and needs modify permission', () => {
  for (const route of ROUTES.filter((r) => r.changesState)) {
    test(`${route.id}`, async () => {
      await t.current.target.reset();
      const digest = (await (await fetch(`${t.current.settings.baseUrl}/__qa/digest`)).json()) as { digest: string };
      const params = await exampleParams(route, ctx);
      const overGet = await admin.json('GET', route.route, { query: params });
      assert.equal(overGet.status, 405, `${route.id} over GET`);
      assert.equal(overGet.headers.allow, 'POST');
      const denied = await viewer.post(route.route, params);
      const validate = ajv.compile(COMMON_ANSWERS.permission);
      assert.ok(validate(denied.body), `${route.id} as viewer: ${denied.text.slice(0, 300)}`);
      const after = (await (await fetch(`${t.current.settings.baseUrl}/__qa/digest`)).json()) as { digest: string };
      assert.equal(after.digest, digest.digest, `${route.id}: refused calls must not change data`);
    });
  }
});
