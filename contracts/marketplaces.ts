/**
 * The marketplaces MesChain-Sync covers in this contract, as data — the one list every suite
 * layer derives from (routes and schemas, stored fields, the API suite's data readers, page
 * objects, the oracle, k6 journeys, secret masking). `self-tests/contract/layers.test.ts` fails,
 * naming the layer, when a layer does not cover a marketplace or page of the contract.
 *
 * Plain data with no imports: k6 scripts import it too. (The reference target keeps its own
 * list: it is the product under test, and a marketplace it forgets is what the suites catch.)
 */
export const MARKETPLACE_CONTRACT = [
  { id: 'trendyol', title: 'Trendyol', secretFields: ['api_key', 'api_secret'] },
  { id: 'hepsiburada', title: 'Hepsiburada', secretFields: ['api_token'] },
  { id: 'n11', title: 'N11', secretFields: ['app_key', 'app_secret'] },
] as const;

export type Marketplace = (typeof MARKETPLACE_CONTRACT)[number]['id'];

export const MARKETPLACES: readonly Marketplace[] = MARKETPLACE_CONTRACT.map((m) => m.id);

export const MARKETPLACE_TITLES = Object.fromEntries(MARKETPLACE_CONTRACT.map((m) => [m.id, m.title])) as Record<
  Marketplace,
  string
>;

/** Setting keys whose values are secrets: never answered in clear, stored encrypted. */
export const SECRET_SETTING_KEYS = Object.fromEntries(
  MARKETPLACE_CONTRACT.map((m) => [m.id, [...m.secretFields]]),
) as Record<Marketplace, string[]>;
