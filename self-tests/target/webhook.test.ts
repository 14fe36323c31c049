/** The public Trendyol webhook: 405 / 403 / 400 / 409 / 200 as the contract says, effects applied once. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTarget } from '../helpers/target.ts';
import { signWebhook } from '../../reference-target/extension/webhook.ts';
import { seedProducts } from '../../reference-target/db/catalog.ts';

const t = useTarget();
const url = () => `${t.current.settings.baseUrl}/index.php?route=extension/module/trendyol_webhook`;

function delivery(
  eventId: string,
  data: Record<string, unknown>,
  eventType = 'stock-updated',
  timestamp = new Date().toISOString(),
) {
  return JSON.stringify({ eventId, eventType, timestamp, data });
}

async function send(body: string, signature = signWebhook(t.current.settings.webhookSecret, body), method = 'POST') {
  const res = await fetch(url(), {
    method,
    headers: { 'content-type': 'application/json', 'x-trendyol-signature': signature },
    body: method === 'GET' ? undefined : body,
  });
  return { status: res.status, body: (await res.json()) as { status: string; error?: string } };
}

const product = seedProducts()[4]!;
const quantity = () =>
  t.current.target.app.db.get<{ quantity: number }>('SELECT quantity FROM oc_product WHERE product_id = $id', {
    id: product.productId,
  })!.quantity;

describe('trendyol webhook', () => {
  test('GET answers 405', async () => {
    const r = await send('', 'x', 'GET');
    assert.equal(r.status, 405);
  });

  test('a bad signature answers 403 and changes nothing', async () => {
    const before = quantity();
    const body = delivery('w-403', { sku: product.sku, quantity: 999 });
    const r = await send(body, signWebhook('not-the-secret', body));
    assert.equal(r.status, 403);
    assert.equal(quantity(), before);
  });

  test('a signature over another body is refused (the signature covers the payload)', async () => {
    const signed = delivery('w-a', { sku: product.sku, quantity: 1 });
    const r = await send(
      delivery('w-b', { sku: product.sku, quantity: 2 }),
      signWebhook(t.current.settings.webhookSecret, signed),
    );
    assert.equal(r.status, 403);
  });

  test('a bad payload answers 400', async () => {
    assert.equal((await send('{not json')).status, 400);
    assert.equal((await send(delivery('w-400', { sku: product.sku }, 'no-such-event'))).status, 400);
    assert.equal((await send(delivery('w-400b', { sku: product.sku, quantity: -1 }))).status, 400);
  });

  test('a valid delivery answers 200 {"status":"success"} and applies its effect; its replay answers 409', async () => {
    const body = delivery('w-ok-1', { sku: product.sku, quantity: 321 });
    const first = await send(body);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { status: 'success' });
    assert.equal(quantity(), 321);
    const replay = await send(body);
    assert.equal(replay.status, 409);
  });

  test('a stale timestamp is a replay (409)', async () => {
    const r = await send(
      delivery(
        'w-old',
        { sku: product.sku, quantity: 5 },
        'stock-updated',
        new Date(Date.now() - 3600_000).toISOString(),
      ),
    );
    assert.equal(r.status, 409);
  });

  test('order-created imports the order once', async () => {
    const data = {
      orderNumber: 'TY-WEBHOOK-1',
      total: 100,
      customer: { firstName: 'A', lastName: 'B', email: 'a@b.invalid', phone: '1' },
      lines: [
        {
          productId: product.productId,
          sku: product.sku,
          ean: product.ean,
          name: product.name,
          quantity: 1,
          price: 100,
        },
      ],
    };
    assert.equal((await send(delivery('w-order-1', data, 'order-created'))).status, 200);
    assert.equal((await send(delivery('w-order-2', data, 'order-created'))).status, 200);
    const n = t.current.target.app.db.get<{ n: number }>(
      `SELECT COUNT(*) n FROM meschain_order_mapping WHERE marketplace_order_id = 'TY-WEBHOOK-1'`,
    )!.n;
    assert.equal(n, 1);
  });
});
