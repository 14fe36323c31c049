/**
 * Each suite layer, asked what it covers: which marketplaces and which admin pages. The layers
 * test compares them with the contract (contracts/marketplaces.ts, the page routes of
 * contracts/meschain-routes.ts) and names every layer that falls short.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROUTES } from '../../contracts/meschain-routes.ts';
import { marketplace as marketplaceSchema } from '../../contracts/schemas.ts';
import { STORED_FIELDS } from '../../contracts/stored-fields.ts';
import { CREDENTIAL_OF } from '../../fixtures/auth/secret-values.ts';
import { ADMIN_PAGES } from '../../fixtures/opencart/admin-pages.ts';
import { COMMISSION, ORACLE_MARKETPLACES } from '../../fixtures/oracle/marketplaces.ts';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';
import { AUDIT_PAGES } from '../../a11y/pages.ts';
import { lighthouseOptionsFromEnv } from '../../a11y/lighthouse/config.ts';

export interface ContractShape {
  marketplaces: { id: string; secretFields: readonly string[] }[];
  /** admin page routes of the contract, with the heading they must answer */
  pages: { route: string; h1: RegExp | string }[];
}

export interface Layer {
  name: string;
  /** marketplace ids it covers (undefined: not a marketplace layer) */
  marketplaces?: () => string[];
  /** `<marketplace>.<field>` secret settings it can mask */
  secrets?: () => string[];
  /** admin page routes it covers, with the heading it expects */
  pages?: () => { route: string; heading?: string }[];
}

const k6MarketplaceSource = () => readFileSync(resolve(PROJECT_ROOT, 'perf/lib/marketplace.ts'), 'utf8');

export const LAYERS: Layer[] = [
  {
    name: 'API contract routes (contracts/meschain-routes.ts)',
    marketplaces: () => [...new Set(ROUTES.filter((r) => r.id.endsWith('.save')).map((r) => r.module))],
  },
  {
    name: 'JSON Schemas (contracts/schemas.ts, marketplace enum)',
    marketplaces: () => [...(marketplaceSchema.enum as string[])],
  },
  {
    name: 'stored-XSS fields (contracts/stored-fields.ts)',
    marketplaces: () => [...new Set(STORED_FIELDS.map((f) => f.id.split('.')[0]!))],
  },
  {
    name: 'secret masking (fixtures/auth/secret-values.ts, CREDENTIAL_OF)',
    secrets: () =>
      Object.entries(CREDENTIAL_OF).flatMap(([mp, fields]) => Object.keys(fields).map((f) => `${mp}.${f}`)),
  },
  {
    name: 'oracle (fixtures/oracle/marketplaces.ts: ORACLE_MARKETPLACES and COMMISSION)',
    marketplaces: () => ORACLE_MARKETPLACES.filter((mp) => mp in COMMISSION),
  },
  {
    name: 'k6 journeys (perf/lib/marketplace.ts)',
    // k6 modules cannot load in Node: the journeys' list must be the contract's own, not a copy
    marketplaces: () =>
      /export \{ MARKETPLACES\b[^}]*\};/.test(k6MarketplaceSource()) &&
      /from '\.\.\/\.\.\/contracts\/marketplaces\.ts'/.test(k6MarketplaceSource())
        ? [...(marketplaceSchema.enum as string[])]
        : [],
  },
  {
    name: 'page objects (fixtures/opencart/admin-pages.ts)',
    pages: () => Object.values(ADMIN_PAGES).map((p) => ({ route: p.route, heading: p.heading })),
  },
  { name: 'axe audits (a11y/pages.ts)', pages: () => AUDIT_PAGES.map((p) => ({ route: p.route, heading: p.heading })) },
  {
    name: 'Lighthouse page list (a11y/lighthouse/config.ts, QA_LIGHTHOUSE_PAGES=all)',
    pages: () =>
      (lighthouseOptionsFromEnv({ QA_LIGHTHOUSE_PAGES: 'all' }).pages ?? []).map((key) => ({
        route: AUDIT_PAGES.find((p) => p.key === key)?.route ?? key,
      })),
  },
];

/** One line per gap: the layer, and what of the contract it lacks. */
export function layerGaps(contract: ContractShape, layers: Layer[] = LAYERS): string[] {
  const gaps: string[] = [];
  for (const layer of layers) {
    if (layer.marketplaces) {
      const has = new Set(layer.marketplaces());
      for (const m of contract.marketplaces) if (!has.has(m.id)) gaps.push(`${layer.name}: lacks marketplace ${m.id}`);
    }
    if (layer.secrets) {
      const has = new Set(layer.secrets());
      for (const m of contract.marketplaces)
        for (const f of m.secretFields)
          if (!has.has(`${m.id}.${f}`)) gaps.push(`${layer.name}: lacks secret setting ${m.id}.${f}`);
    }
    if (layer.pages) {
      const pages = layer.pages();
      for (const p of contract.pages) {
        const found = pages.find((x) => x.route === p.route);
        if (!found) {
          gaps.push(`${layer.name}: lacks page ${p.route}`);
          continue;
        }
        const answers = (h: string) => (typeof p.h1 === 'string' ? h === p.h1 : p.h1.test(h));
        if (found.heading !== undefined && !answers(found.heading))
          gaps.push(
            `${layer.name}: expects the heading "${found.heading}" on ${p.route}; the contract's is ${String(p.h1)}`,
          );
      }
    }
  }
  return gaps;
}
