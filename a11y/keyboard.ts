/**
 * Keyboard checks in the page: which controls should be reachable by Tab, walking the Tab order,
 * whether focus is visible (computed outline / box-shadow differ from the unfocused control), and
 * whether an open modal keeps focus inside.
 */
import type { Page } from '@playwright/test';

export const KB_ATTR = 'data-qa-kb';

export interface Control {
  idx: number;
  desc: string;
}
export interface FocusStop {
  idx: number | null;
  desc: string;
  visible: boolean;
  detail: string;
}

/**
 * Runs in the page: marks every visible, enabled control (inside `scope` when given) and stores its
 * unfocused look. Native controls count even with tabindex="-1" — taking one out of the Tab order is
 * exactly what this check must catch; other elements count when they put themselves in the order.
 */
function markControls(arg: { attr: string; scope: string | null }): { idx: number; desc: string }[] {
  const native = 'a[href], area[href], button, input, select, textarea, iframe, summary, [contenteditable="true"]';
  const root: ParentNode = arg.scope ? (document.querySelector(arg.scope) ?? document) : document;
  if (!arg.scope) (document.activeElement as HTMLElement | null)?.blur();
  const out: { idx: number; desc: string }[] = [];
  const candidates = Array.from(root.querySelectorAll<HTMLElement>(`${native}, [tabindex]`));
  for (const el of candidates) {
    if (!el.matches(native) && el.tabIndex < 0) continue;
    if ((el as HTMLButtonElement).disabled) continue;
    if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) || el.getClientRects().length === 0)
      continue;
    if (el.closest('[inert], [aria-hidden="true"]')) continue;
    const cs = getComputedStyle(el);
    const idx = out.length;
    el.setAttribute(arg.attr, String(idx));
    el.dataset.qaKbLook = JSON.stringify([`${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, cs.boxShadow]);
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    out.push({
      idx,
      desc: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${text ? ` "${text}"` : ''}`,
    });
  }
  return out;
}

/** Runs in the page: the focused element and whether its focus indicator is visible and differs from its unfocused look. */
function focusedStop(attr: string): { idx: number | null; desc: string; visible: boolean; detail: string } {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { idx: null, desc: 'body', visible: false, detail: 'focus is on the body' };
  const raw = el.getAttribute(attr);
  const cs = getComputedStyle(el);
  const outline = `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`;
  const before = JSON.parse(el.dataset.qaKbLook ?? '["", ""]') as [string, string];
  const hasOutline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const hasShadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
  const differs = outline !== before[0] || cs.boxShadow !== before[1];
  return {
    idx: raw === null ? null : Number(raw),
    desc: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
    visible: (hasOutline || hasShadow) && differs,
    detail: `focused outline "${outline}", box-shadow "${cs.boxShadow}"; unfocused outline "${before[0]}", box-shadow "${before[1]}"`,
  };
}

export async function markTabbable(page: Page, scope: string | null = null): Promise<Control[]> {
  return page.evaluate(markControls, { attr: KB_ATTR, scope });
}

export async function currentStop(page: Page): Promise<FocusStop> {
  return page.evaluate(focusedStop, KB_ATTR);
}

/**
 * Puts the sequential-focus starting point at the top of the document, then presses Tab until
 * focus wraps around to the first stop (or leaves the page twice in a row), collecting every stop.
 * Consecutive Tabs inside one control (the day / month / year fields of a date input) count once.
 * `limit` bounds the walk.
 */
export async function walkTabOrder(page: Page, limit: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    const body = document.body;
    body.setAttribute('tabindex', '-1');
    body.focus();
    body.removeAttribute('tabindex');
  });
  const stops: FocusStop[] = [];
  let outside = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await currentStop(page);
    if (stop.idx === null) {
      if (++outside >= 2) break;
      continue;
    }
    outside = 0;
    if (stop.idx === stops.at(-1)?.idx) continue;
    if (stop.idx === stops[0]?.idx) break;
    stops.push(stop);
  }
  return stops;
}

/** Presses `key` n times with a modal open; returns the stops that landed outside it. */
export async function escapesFromModal(
  page: Page,
  modalId: string,
  key: 'Tab' | 'Shift+Tab',
  n: number,
): Promise<string[]> {
  const outside: string[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(key);
    const where = await page.evaluate((id) => {
      const m = document.getElementById(id);
      const el = document.activeElement;
      return m && el && m.contains(el) ? null : `${el?.tagName.toLowerCase() ?? 'nothing'}${el?.id ? `#${el.id}` : ''}`;
    }, modalId);
    if (where) outside.push(`${key} #${i + 1} → ${where}`);
  }
  return outside;
}
