/**
 * One source of truth: every suite layer covers every marketplace and page of the contract. A
 * marketplace or page added to the contract and left out of a layer fails here, naming the layer
 * — proven below by adding one (Amazon) to the contract the check reads.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MARKETPLACE_CONTRACT } from '../../contracts/marketplaces.ts';
import { ROUTES } from '../../contracts/meschain-routes.ts';
import { LAYERS, layerGaps, type ContractShape } from '../helpers/contract-layers.ts';

const CONTRACT: ContractShape = {
  marketplaces: MARKETPLACE_CONTRACT.map((m) => ({ id: m.id, secretFields: m.secretFields })),
  pages: ROUTES.filter((r) => r.kind === 'page').map((r) => ({ route: r.route, h1: r.page!.h1 })),
};

describe('suite layers against the contract', () => {
  test('every layer covers every marketplace, secret setting and page of the contract', () => {
    assert.ok(CONTRACT.marketplaces.length >= 3 && CONTRACT.pages.length >= 7, 'the contract was read');
    assert.deepEqual(layerGaps(CONTRACT), []);
  });

  test('a marketplace and its page added to the contract but to no layer: every layer is named', () => {
    const amazon: ContractShape = {
      marketplaces: [...CONTRACT.marketplaces, { id: 'amazon', secretFields: ['lwa_client_secret', 'refresh_token'] }],
      pages: [...CONTRACT.pages, { route: 'extension/module/amazon', h1: /Amazon/ }],
    };
    const gaps = layerGaps(amazon);
    for (const layer of LAYERS)
      assert.ok(
        gaps.some((g) => g.startsWith(`${layer.name}:`)),
        `no gap named for ${layer.name}:\n${gaps.join('\n')}`,
      );
    assert.ok(
      gaps.includes(
        'secret masking (fixtures/auth/secret-values.ts, CREDENTIAL_OF): lacks secret setting amazon.refresh_token',
      ),
      gaps.join('\n'),
    );
    assert.ok(gaps.includes('axe audits (a11y/pages.ts): lacks page extension/module/amazon'), gaps.join('\n'));
  });

  test("a page whose heading in a layer does not answer the contract's is named", () => {
    const renamed: ContractShape = {
      ...CONTRACT,
      pages: CONTRACT.pages.map((p) =>
        p.route === 'extension/module/reporting' ? { ...p, h1: /^Reports and analytics$/ } : p,
      ),
    };
    assert.deepEqual(
      layerGaps(renamed)
        .filter((g) => g.includes('reporting'))
        .map((g) => g.split(':')[0]),
      ['page objects (fixtures/opencart/admin-pages.ts)', 'axe audits (a11y/pages.ts)'],
    );
  });
});
