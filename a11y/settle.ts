/**
 * Waiting for a page to be "settled" before an audit, without sleeps: network idle, the page's
 * own ready marker and heading visible, and every Chart.js canvas drawn with no animation running.
 * Also opening and closing the Bootstrap 3 modals the audits look at.
 */
import { expect, type Page } from '@playwright/test';
import type { AuditPage, ModalSpec } from './pages.ts';

interface ChartLike {
  chartArea?: { width: number; height: number };
}
interface ChartGlobal {
  getChart(c: HTMLCanvasElement): ChartLike | undefined;
  animator?: { running(c: ChartLike): boolean };
}

/** Runs in the page: true when every canvas carries a Chart.js chart that has been laid out and is not animating. */
function chartsDrawn(): boolean {
  // flot (stock OpenCart's dashboard chart) draws synchronously when plotted: only Chart.js canvases animate
  const canvases = Array.from(document.querySelectorAll('canvas')).filter((c) => !/\bflot-/.test(c.className));
  if (canvases.length === 0) return true;
  const C = (window as unknown as { Chart?: ChartGlobal }).Chart;
  if (!C) return false;
  return canvases.every((c) => {
    const chart = C.getChart(c);
    return (
      !!chart?.chartArea &&
      chart.chartArea.width > 0 &&
      chart.chartArea.height > 0 &&
      !(C.animator?.running(chart) ?? false)
    );
  });
}

export async function waitForSettled(page: Page, p: AuditPage): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('h1').first(), `${p.route}: expected the page heading "${p.heading}"`).toContainText(
    p.heading,
  );
  if (p.ready)
    await expect(page.locator(p.ready).first(), `${p.route}: expected ${p.ready} on the settled page`).toBeVisible();
  await page.waitForFunction(chartsDrawn, undefined, { timeout: 10_000 });
}

/** Bootstrap 3 has finished showing the modal: class `in`, fully opaque, focus moved into it. */
export async function waitForModalShown(page: Page, id: string): Promise<void> {
  await expect(page.locator(`#${id}`), `modal #${id} should open`).toBeVisible();
  await page.waitForFunction(
    (modalId) => {
      const m = document.getElementById(modalId);
      // a modal without tabindex (stock OpenCart's security notice) cannot take focus: Bootstrap's
      // focus move does nothing there — the keyboard checks report that, the settle step must not hang
      return (
        !!m &&
        m.classList.contains('in') &&
        getComputedStyle(m).opacity === '1' &&
        (m.contains(document.activeElement) || !m.hasAttribute('tabindex'))
      );
    },
    id,
    { timeout: 5_000 },
  );
}

export async function waitForModalHidden(page: Page, id: string): Promise<void> {
  await expect(page.locator(`#${id}`), `modal #${id} should close`).toBeHidden();
  await expect(page.locator('.modal-backdrop'), 'the modal backdrop should be gone').toHaveCount(0);
}

/**
 * Opens the modal the way a keyboard user does (focus the opener, Enter) — or waits for the page
 * to open it — and waits until it is shown.
 */
export async function openModal(page: Page, modal: ModalSpec): Promise<void> {
  if (modal.opener !== 'on-load') {
    const opener = page.locator(modal.opener).first();
    await opener.focus();
    await opener.press('Enter');
  }
  await waitForModalShown(page, modal.id);
}

/** Closes a shown modal with its close button and waits until it is gone. */
export async function closeModal(page: Page, id: string): Promise<void> {
  await page.locator(`#${id} button.close[data-dismiss="modal"]`).click();
  await waitForModalHidden(page, id);
}
