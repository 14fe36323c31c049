/**
 * The stored-XSS matrix covers the contract: every free-text parameter of a state-changing route
 * is either a stored field with the pages that show it (contracts/stored-fields.ts, one generated
 * UI test each) or listed as never shown, with the reason. A new free-text parameter in the
 * contract fails here until someone says where it is shown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES } from '../../contracts/meschain-routes.ts';
import { STORED_FIELDS, unplacedFreeText } from '../../contracts/stored-fields.ts';

test('every free-text parameter of a state change is a stored field or explained as never shown', () => {
  assert.deepEqual(
    unplacedFreeText(),
    [],
    'add them to STORED_FIELDS (with the pages that show them) or to NOT_SHOWN (with why)',
  );
});

test('every stored field names a real route and parameter, and at least one place that shows it', () => {
  for (const f of STORED_FIELDS) {
    assert.ok(f.shownOn.length > 0, `${f.id}: shownOn is empty`);
    for (const s of f.shownOn)
      assert.ok(
        ROUTES.some((r) => r.kind === 'page' && r.route === s.route),
        `${f.id}: ${s.route} is not a page of the contract`,
      );
    if (f.via.startsWith('webhook:')) continue;
    const route = ROUTES.find((r) => r.id === f.via);
    assert.ok(route, `${f.id}: no route ${f.via} in the contract`);
    assert.ok(
      route.params.some((p) => p.name === f.field),
      `${f.id}: ${f.via} has no parameter ${f.field}`,
    );
  }
});

test('the coverage check can fail: a free-text parameter added to a route, and nowhere placed, is reported', () => {
  const withNote = ROUTES.map((r) =>
    r.id === 'trendyol.save'
      ? { ...r, params: [...r.params, { name: 'brand_note', type: 'string' as const, required: false, example: 'x' }] }
      : r,
  );
  assert.deepEqual(unplacedFreeText(withNote), ['trendyol.save brand_note']);
  const withTightId = ROUTES.map((r) =>
    r.id === 'trendyol.save'
      ? {
          ...r,
          params: [
            ...r.params,
            { name: 'brand_id', type: 'string' as const, required: false, example: '1', pattern: '^\\d+$' },
          ],
        }
      : r,
  );
  assert.deepEqual(unplacedFreeText(withTightId), [], 'a parameter whose pattern admits no markup is not free text');
});
