/**
 * The public Trendyol webhook against its contract (WEBHOOK in contracts/meschain-routes.ts):
 * 405 for other methods, 403 for a missing, wrong or foreign signature, 400 for a bad payload —
 * none of them changes store data (only the webhook log records the attempt) — 200 for a signed
 * delivery, applied once; its replay and a stale delivery are rejected with 409 and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { WEBHOOK } from '../../contracts/meschain-routes.ts';
import { seedProducts } from '../../reference-target/db/catalog.ts';
import {
  test,
  expect,
  deliveryBody,
  group,
  metrics,
  schemaProblems,
  sendWebhook,
  signWebhook,
  type WebhookAnswer,
} from '../../fixtures/index.ts';

const LOG = ['meschain_webhook_log'];
const product = seedProducts().find((p) => p.productId === 5);
if (!product) throw new Error('seed: expected product 5');

const expectAnswer = (res: WebhookAnswer, status: number, what: string) => {
  expect(res.status, `${what}: ${res.text.slice(0, 200)}`).toBe(status);
  expect(res.contentType, what).toMatch(/^application\/json/);
  const problems = schemaProblems(status === 200 ? WEBHOOK.success : WEBHOOK.error, res.body);
  expect(problems, `${what}: answer schema`).toBeUndefined();
};

function newOrder(): Record<string, unknown> {
  const lines = [
    {
      productId: product?.productId,
      sku: product?.sku,
      ean: product?.ean,
      name: product?.name,
      quantity: 2,
      price: 100,
    },
  ];
  return {
    orderNumber: `QA${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    createdAt: new Date().toISOString(),
    status: 'Created',
    total: 200,
    lines,
    customer: { firstName: 'QA', lastName: 'Webhook', email: 'qa.webhook@example.invalid', phone: '+90 555 000 0000' },
  };
}

test.describe('webhook: trendyol', () => {
  test.beforeEach(async () => {
    await group('security', 'webhook', 'trendyol_webhook');
  });

  test(
    'other methods than POST answer 405, saying POST is allowed',
    { tag: ['@security', '@writes'] },
    async ({ settings, guard }) => {
      const body = deliveryBody('stock-updated', { sku: product.sku, quantity: 7 });
      for (const method of ['GET', 'PUT'] as const) {
        const res = await guard.unchanged(method, () => sendWebhook(settings, body, { method }), { except: LOG });
        expectAnswer(res, WEBHOOK.answers.wrongMethod, method);
        // RFC 9110 §15.5.6: a 405 names the methods the resource supports
        expect(res.headers.allow, `${method}: the Allow header`).toMatch(/\bPOST\b/);
      }
    },
  );

  test(
    'a missing, wrong or foreign signature answers 403 and changes nothing',
    { tag: ['@security', '@writes'] },
    async ({ settings, guard }) => {
      const body = deliveryBody('stock-updated', { sku: product.sku, quantity: 999 });
      const other = deliveryBody('stock-updated', { sku: product.sku, quantity: 1 });
      const cases: [string, string | null][] = [
        ['no signature header', null],
        ['signed with another secret', signWebhook('not-the-shared-secret', body)],
        ['a valid signature of another body', signWebhook(settings.webhookSecret, other)],
        ['a signature that is not hex', 'sha256=not-a-signature'],
        ['an empty signature', ''],
      ];
      for (const [what, signature] of cases) {
        expectAnswer(
          await guard.unchanged(what, () => sendWebhook(settings, body, { signature }), { except: LOG }),
          WEBHOOK.answers.badSignature,
          what,
        );
      }
    },
  );

  test(
    'a signed but bad payload answers 400 and changes nothing',
    { tag: ['@security', '@writes'] },
    async ({ settings, guard }) => {
      const cases: [string, string][] = [
        ['not JSON', '{"eventId": "qa-1", '],
        ['a JSON array', '[]'],
        [
          'an unknown event',
          deliveryBody('stock-updated', { sku: product.sku, quantity: 1 }).replace(
            '"stock-updated"',
            '"price-exploded"',
          ),
        ],
        [
          'no event id',
          JSON.stringify({
            eventType: 'stock-updated',
            timestamp: new Date().toISOString(),
            data: { sku: product.sku, quantity: 1 },
          }),
        ],
        ['data that does not fit the event', deliveryBody('stock-updated', { sku: product.sku, quantity: -5 })],
        [
          'data that is a list, not an object',
          JSON.stringify({
            eventId: `qa-${randomUUID()}`,
            eventType: 'stock-updated',
            timestamp: new Date().toISOString(),
            data: [],
          }),
        ],
      ];
      for (const [what, body] of cases) {
        expectAnswer(
          await guard.unchanged(what, () => sendWebhook(settings, body), { except: LOG }),
          WEBHOOK.answers.badPayload,
          what,
        );
      }
    },
  );

  test(
    'a signed delivery is applied once; its replay answers 409 and changes nothing',
    { tag: ['@security', '@writes', '@reference-only'] },
    async ({ settings, apiAs, guard }) => {
      const api = await apiAs('admin');
      const before = (await metrics(api)).total_orders;
      const body = deliveryBody('order-created', newOrder());
      expectAnswer(await sendWebhook(settings, body), WEBHOOK.answers.ok, 'first delivery');
      expect((await metrics(api)).total_orders, 'the delivered order was imported').toBe(before + 1);
      expectAnswer(
        await guard.unchanged('replay', () => sendWebhook(settings, body), { except: LOG }),
        WEBHOOK.answers.replay,
        'the same delivery again',
      );
      expect((await metrics(api)).total_orders, 'the replay imported nothing').toBe(before + 1);
    },
  );

  test(
    `a delivery older than ${WEBHOOK.maxClockSkewSeconds} s answers 409 and changes nothing`,
    { tag: ['@security', '@writes', '@reference-only'] },
    async ({ settings, guard }) => {
      const stale = new Date(Date.now() - (WEBHOOK.maxClockSkewSeconds + 120) * 1000);
      const body = deliveryBody('order-created', newOrder(), { timestamp: stale });
      expectAnswer(
        await guard.unchanged('stale delivery', () => sendWebhook(settings, body), { except: LOG }),
        WEBHOOK.answers.replay,
        'stale delivery',
      );
    },
  );
});
