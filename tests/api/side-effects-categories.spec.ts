/**
 * Category mapping CRUD: a saved mapping is listed with what was saved, saving the same category
 * again updates that one mapping in place, deleting removes it, and deleting it again is a
 * field-keyed error.
 */
import { test, expect, categoryMappings, fieldErrorsOf, group, MARKETPLACES } from '../../fixtures/index.ts';

const CATEGORY = 15; // mapped on no marketplace in the seed

test.describe('side effects: category mappings', () => {
  for (const mp of MARKETPLACES) {
    test(
      `${mp}: a category mapping persists, updates in place and deletes`,
      { tag: ['@writes', '@reference-only'] },
      async ({ apiAs }) => {
        await group(mp, `${mp}.save_category_mapping / delete_category_mapping`, 'side effects');
        const api = await apiAs('admin');
        const mine = async () => (await categoryMappings(api, mp)).filter((m) => m.opencart_category_id === CATEGORY);
        expect(await mine(), 'category 15 starts unmapped').toEqual([]);

        await api.call(`${mp}.save_category_mapping`, {
          category_id: CATEGORY,
          marketplace_category_id: 'QA-15',
          marketplace_category_name: 'QA Kategori 15',
        });
        const saved = await mine();
        expect(saved).toEqual([
          expect.objectContaining({
            marketplace: mp,
            marketplace_category_id: 'QA-15',
            marketplace_category_name: 'QA Kategori 15',
          }),
        ]);

        await api.call(`${mp}.save_category_mapping`, {
          category_id: CATEGORY,
          marketplace_category_id: 'QA-15b',
          marketplace_category_name: 'Yeniden adlandırıldı',
        });
        expect(await mine()).toEqual([
          expect.objectContaining({
            mapping_id: saved[0]?.mapping_id,
            marketplace_category_id: 'QA-15b',
            marketplace_category_name: 'Yeniden adlandırıldı',
          }),
        ]);

        await api.call(`${mp}.delete_category_mapping`, { category_id: CATEGORY });
        expect(await mine()).toEqual([]);
        const again = await api.call(`${mp}.delete_category_mapping`, { category_id: CATEGORY });
        expect(Object.keys(fieldErrorsOf(again.body) ?? {}), 'deleting a missing mapping names the field').toContain(
          'category_id',
        );
      },
    );
  }
});
