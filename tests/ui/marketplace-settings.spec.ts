/**
 * Marketplace settings (Trendyol, Hepsiburada, N11): credentials are write-only — no stored secret
 * ever reaches an input value or the HTML, before or after a save — bad input is refused under
 * each field, the category mapping table shows the stored mappings, and after a save the stored
 * credentials still pass "Test connection".
 */
import { test, expect } from '../../fixtures/index.ts';
import { MARKETPLACE_TITLES as TITLE, MARKETPLACES, SECRET_SETTING_KEYS } from '../../contracts/marketplaces.ts';
import { ROUTES as CONTRACT_ROUTES } from '../../contracts/meschain-routes.ts';
import type { MarketplaceSettings } from '../../fixtures/pages/marketplace-settings.ts';
import { marketplaceSecrets } from '../../fixtures/auth/secret-values.ts';

/** Asserts no known secret is in an input value or anywhere in the page's HTML (messages name the place, never the secret). */
async function expectNoSecretShown(settings: MarketplaceSettings): Promise<void> {
  const secrets = marketplaceSecrets();
  const inputs = await settings.inputs();
  const html = await settings.page.content();
  secrets.forEach((secret, i) => {
    for (const input of inputs)
      expect(input.value.includes(secret), `stored secret #${i + 1} in the value of input "${input.name}"`).toBe(false);
    expect(html.includes(secret), `stored secret #${i + 1} in the page HTML`).toBe(false);
  });
  const secretInputs = settings.secretInputs();
  expect(await secretInputs.count(), 'secret fields are password inputs').toBeGreaterThan(0);
  for (const input of await secretInputs.all()) await expect(input).toHaveValue('');
}

for (const mp of MARKETPLACES) {
  test.describe(`${TITLE[mp]} settings`, () => {
    test(`the ${TITLE[mp]} page shows the stored settings and mappings but never a stored secret`, async ({
      marketplaceSettings,
      admin,
      evidence,
    }) => {
      await marketplaceSettings.open(mp);
      await expectNoSecretShown(marketplaceSettings);
      const stored = await admin.json<{
        mappings: {
          opencart_category_id: number;
          marketplace_category_id: string;
          marketplace_category_name: string;
        }[];
      }>(`extension/module/${mp}/category_mapping`);
      const rows = await marketplaceSettings.mappingRows();
      expect(
        [...rows].sort((a, b) => a.category_id - b.category_id),
        'category mapping table',
      ).toEqual(
        stored.mappings.map((m) => ({
          category_id: m.opencart_category_id,
          marketplace_category_id: m.marketplace_category_id,
          marketplace_category_name: m.marketplace_category_name,
        })),
      );
      await evidence.screenshot(`${TITLE[mp]} settings`);
    });

    // @writes: should the store accept the bad values, they would replace working credentials
    test(
      `bad ${TITLE[mp]} settings are refused with a message under each field`,
      { tag: '@writes' },
      async ({ guard, marketplaceSettings, page }) => {
        await marketplaceSettings.open(mp);
        const fields = await marketplaceSettings
          .form()
          .locator('input[type="text"], input[type="password"]')
          .evaluateAll((els) =>
            els.map((el) => ({ name: el.getAttribute('name') ?? '', secret: el.getAttribute('type') === 'password' })),
          );
        await marketplaceSettings.fill(
          Object.fromEntries(fields.map((f) => [f.name, f.secret ? 'short' : 'not valid!'])),
        );
        await guard.unchanged(`saving refused ${mp} settings`, () => marketplaceSettings.save());
        for (const f of fields) {
          await expect(marketplaceSettings.fieldError(f.name), `error under ${f.name}`).not.toBeEmpty();
          await expect(marketplaceSettings.field(f.name)).toHaveAttribute('aria-invalid', 'true');
        }
        await expect(marketplaceSettings.alert('success')).toHaveCount(0);
        await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused();
      },
    );

    test(
      `saving unchanged ${TITLE[mp]} settings keeps the stored secrets and still shows none`,
      { tag: '@writes' },
      async ({ marketplaceSettings }) => {
        await marketplaceSettings.open(mp);
        await marketplaceSettings.save();
        await marketplaceSettings.expectSuccess(`Success: You have modified ${TITLE[mp]} settings!`);
        await expectNoSecretShown(marketplaceSettings);
        await expect(marketplaceSettings.secretInputs().first()).toHaveAttribute('placeholder', /stored/);
        await test.step('the stored credentials still work', async () => {
          await marketplaceSettings.testConnection();
          await marketplaceSettings.expectSuccess(/\(\d[\d,]* ms\)/);
        });
      },
    );

    test(`each ${TITLE[mp]} secret field tells how long it must be, as the contract says`, async ({
      marketplaceSettings,
    }) => {
      await marketplaceSettings.open(mp);
      const save = CONTRACT_ROUTES.find((r) => r.id === `${mp}.save`)!;
      for (const key of SECRET_SETTING_KEYS[mp]) {
        const { minLength, maxLength } = save.params.find((p) => p.name === key)!;
        // what a screen reader reads with the field (its help text, by aria-describedby)
        await expect(marketplaceSettings.field(key), `${key}: its description`).toHaveAccessibleDescription(
          new RegExp(`\\b${minLength}\\b.*\\b${maxLength}\\b`),
        );
      }
    });

    // the module's status, as OpenCart shows it: the Status column of Extensions › Modules
    test(
      `a ${TITLE[mp]} status saved as Disabled, then Enabled, shows so in the Extensions list`,
      { tag: ['@writes', '@desktop-only'] },
      async ({ marketplaceSettings, extensionsList }) => {
        for (const [value, shown, other] of [
          ['0', 'Disabled', 'Enabled'],
          ['1', 'Enabled', 'Disabled'],
        ] as const) {
          await marketplaceSettings.open(mp);
          await marketplaceSettings.field('status').selectOption(value);
          await marketplaceSettings.save();
          await marketplaceSettings.expectSuccess(`Success: You have modified ${TITLE[mp]} settings!`);
          await extensionsList.open();
          await expect(extensionsList.row(mp), `${mp}'s row`).toContainText(shown);
          await expect(extensionsList.row(mp), `${mp}'s row`).not.toContainText(other);
          await marketplaceSettings.open(mp);
          await expect(marketplaceSettings.field('status'), 'the settings page shows the stored status').toHaveValue(
            value,
          );
        }
      },
    );
  });
}
