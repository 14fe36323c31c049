/** The web app manifest the admin pages link: required fields, and icons that exist as declared. */
import { test, expect } from '../../fixtures/index.ts';
import { pngSize } from '../../fixtures/pages/png.ts';

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}
interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  lang: string;
  icons: Icon[];
  shortcuts?: { name: string; url: string; icons?: Icon[] }[];
}

async function linkedManifest(
  page: import('@playwright/test').Page,
): Promise<{ url: string; manifest: Manifest; contentType: string }> {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href, 'a <link rel="manifest"> on the admin page').toBeTruthy();
  const url = new URL(href!, page.url()).href;
  const res = await page.request.get(url);
  expect(res.status(), 'manifest answer').toBe(200);
  return { url, manifest: (await res.json()) as Manifest, contentType: res.headers()['content-type'] ?? '' };
}

test.describe('web app manifest', () => {
  test('the admin pages link a manifest with every field an installable app needs', async ({ admin, page }) => {
    await admin.open('hub');
    const { url, manifest: m, contentType } = await linkedManifest(page);
    expect(contentType).toMatch(/^application\/(manifest\+)?json/);
    expect(m.name).toBe('MesChain-Sync – Multi-Marketplace Integration Platform');
    expect(m.short_name).toBe('MesChain-Sync');
    expect(m.display).toBe('standalone');
    expect(m.theme_color).toBe('#3B82F6');
    expect(m.background_color).toBe('#F3F4F6');
    expect(m.lang).toBe('tr-TR');
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', m.theme_color);
    const scope = new URL(m.scope, url);
    for (const target of [m.start_url, ...(m.shortcuts ?? []).map((s) => s.url)]) {
      expect(new URL(target, url).href.startsWith(scope.href), `${target} lies inside the scope ${m.scope}`).toBe(true);
    }
    expect((m.shortcuts ?? []).map((s) => s.name)).toEqual(expect.arrayContaining(['Dashboard', 'Orders']));
    const sizes = m.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes('any')).map((i) => i.sizes);
    expect(sizes, 'icons for install and splash screens').toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(
      m.icons.some((i) => i.purpose?.split(' ').includes('maskable')),
      'a maskable icon',
    ).toBe(true);
  });

  test('every icon the manifest declares exists as a PNG of its declared size', async ({ admin, page }) => {
    await admin.open('hub');
    const { url, manifest } = await linkedManifest(page);
    const icons = [...manifest.icons, ...(manifest.shortcuts ?? []).flatMap((s) => s.icons ?? [])];
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      await test.step(`icon ${icon.src} (${icon.sizes})`, async () => {
        const res = await page.request.get(new URL(icon.src, url).href);
        expect(res.status(), `${icon.src} answer`).toBe(200);
        expect(res.headers()['content-type'], `${icon.src} content type`).toBe(icon.type);
        const size = pngSize(await res.body());
        expect(typeof size === 'string' ? size : `${size.width}x${size.height}`, `${icon.src} as a PNG`).toBe(
          icon.sizes,
        );
      });
    }
  });
});
