/** Small display helpers shared by the page controllers (the page scripts format the same way). */

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatInt = (n: number): string => intFmt.format(n);
export const formatMoney = (n: number): string => `${moneyFmt.format(n)} TRY`;
export const formatPercent = (n: number): string => `${n.toFixed(1)}%`;
export const formatDateTime = (s: string | null): string => (s ? `${s} UTC` : 'Never');

export interface Option {
  value: string;
  text: string;
}

/** Bootstrap label class for a sync / webhook status. */
export function statusClass(status: string): string {
  switch (status) {
    case 'success':
      return 'label-success';
    case 'warning':
      return 'label-warning';
    case 'error':
    case 'failed':
    case 'rejected':
      return 'label-danger';
    default:
      return 'label-default';
  }
}

export interface PageLink {
  page: number;
  text: string;
  label: string;
  href: string;
  active: boolean;
}

/** OpenCart-style pagination links: |< < 1 2 3 > >| around the current page. */
export function paginationLinks(page: number, pages: number, href: (page: number) => string): PageLink[] {
  if (pages <= 1) return [];
  const out: PageLink[] = [];
  const link = (p: number, text: string, label = ''): PageLink => ({
    page: p,
    text,
    label,
    href: href(p),
    active: p === page && text === String(p),
  });
  if (page > 1) out.push(link(1, '|<', 'first page'), link(page - 1, '<', 'previous page'));
  const from = Math.max(1, Math.min(page - 4, pages - 9));
  const to = Math.min(pages, from + 9);
  for (let p = from; p <= to; p++) out.push(link(p, String(p), p === page ? '(current page)' : ''));
  if (page < pages) out.push(link(page + 1, '>', 'next page'), link(pages, '>|', 'last page'));
  return out;
}

/** "Showing 1 to 20 of 312 (16 Pages)", OpenCart's wording. */
export function resultsText(total: number, page: number, limit: number, pages: number): string {
  if (total === 0) return 'Showing 0 to 0 of 0 (0 Pages)';
  const start = (page - 1) * limit + 1;
  return `Showing ${start} to ${Math.min(total, page * limit)} of ${total} (${pages} Pages)`;
}

export const isDate = (v: string | undefined): v is string =>
  !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** Positive integer query parameter with a default and an upper bound. */
export function intParam(v: string | undefined, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}
