/**
 * Stored script injection, generated from contracts/stored-fields.ts: for every value a user or a
 * marketplace can store that a page or modal shows back, a script payload is stored the way its
 * setter would (admin route, signed or unsigned webhook) and every place that shows it must show
 * it as text — on desktop and on phone (the ui-desktop and ui-phone projects).
 */
import { test } from '../../fixtures/index.ts';
import type { AdminBrowser, ReportingPage, WebhooksPage } from '../../fixtures/index.ts';
import { STORED_FIELDS, type ShownOn, type StoredField } from '../../contracts/stored-fields.ts';
import {
  expectShownAsText,
  payloadFor,
  storePayload,
  type StoreCtx,
  type StoredPayload,
} from '../../fixtures/index.ts';

interface Pages {
  admin: AdminBrowser;
  webhooks: WebhooksPage;
  reporting: ReportingPage;
}

async function reveal(s: ShownOn, pages: Pages, deliveryId: number | undefined): Promise<void> {
  if (s.reveal === 'webhook details modal') {
    if (deliveryId === undefined) throw new Error(`${s.route}: the webhook details modal needs the delivery id`);
    await pages.webhooks.open();
    await pages.webhooks.viewDelivery(deliveryId);
  } else if (s.reveal === 'report refresh') {
    await pages.reporting.open();
    await pages.reporting.refresh();
  } else {
    await pages.admin.open(s.route);
  }
}

async function storedShowsAsText(field: StoredField, ctx: StoreCtx, pages: Pages): Promise<void> {
  const p: StoredPayload = payloadFor(field);
  const id = await test.step(`store the payload through ${field.via} (${field.field})`, () =>
    storePayload(field, p, ctx));
  for (const s of field.shownOn) {
    await test.step(`${s.route} (${s.reveal}) shows it as text`, async () => {
      await reveal(s, pages, id);
      await expectShownAsText(pages.admin.page, s.where, p, `${s.route} (${s.reveal}) ${s.where}`);
    });
  }
}

test.describe('stored script injection', () => {
  for (const field of STORED_FIELDS) {
    const title = `${field.id}: a script stored by ${field.setBy} shows as text on ${field.shownOn.map((s) => `${s.route} (${s.reveal})`).join(', ')}`;
    if (field.via === 'webhook:order-created') {
      // the order line must name a product the store has and has never sold (a report shows one
      // name per product): its SKU comes from the store's database
      test(
        title,
        { tag: ['@writes', '@security'] },
        async ({ apiAs, control, settings, admin, webhooks, reporting, oracle }) => {
          const rows = oracle.rows();
          const sold = new Set(rows.orderProducts.map((l) => l.product_id));
          const sku = rows.products.find((p) => !sold.has(p.product_id))?.sku ?? '';
          await storedShowsAsText(
            field,
            { api: await apiAs('admin'), control, settings, sku: () => sku },
            { admin, webhooks, reporting },
          );
        },
      );
    } else {
      test(
        title,
        { tag: ['@writes', '@security'] },
        async ({ apiAs, control, settings, admin, webhooks, reporting }) => {
          await storedShowsAsText(
            field,
            { api: await apiAs('admin'), control, settings },
            { admin, webhooks, reporting },
          );
        },
      );
    }
  }
});
