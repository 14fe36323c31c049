/**
 * The simulated marketplaces' category trees: the store's 20 top-level categories, each with
 * two sub-categories. Trendyol's top-level ids are 400 + n, as in the seeded category mappings.
 */
import { CATEGORY_NAMES } from '../db/catalog.ts';
import type { Marketplace } from '../extension/modules.ts';

export interface SimCategory {
  id: number;
  name: string;
  parentId: number | null;
}

const TOP_LEVEL_BASE: Record<Marketplace, number> = { trendyol: 400, hepsiburada: 18_000_000, n11: 1_000_000 };
const SUB_NAMES = ['Fırsat Ürünleri', 'Yeni Sezon'] as const;

function subId(mp: Marketplace, topId: number, k: number): number {
  return mp === 'trendyol' ? topId * 10 + k : topId * 100 + k;
}

/** Flat list, parents before children, in a stable order. */
export function categoryTree(mp: Marketplace): SimCategory[] {
  const out: SimCategory[] = [];
  CATEGORY_NAMES.forEach((name, i) => {
    const id = mp === 'trendyol' ? TOP_LEVEL_BASE[mp] + i + 1 : TOP_LEVEL_BASE[mp] + (i + 1) * 100;
    out.push({ id, name, parentId: null });
    SUB_NAMES.forEach((sub, k) => out.push({ id: subId(mp, id, k + 1), name: `${name} / ${sub}`, parentId: id }));
  });
  return out;
}
