/** The main flows the keyboard checks walk, as data (page keys from a11y/pages.ts). */
export const KEYBOARD_PAGES = [
  'hub',
  'trendyol',
  'reporting',
  'log_viewer',
  'webhooks',
  'dashboard',
  'extensions',
] as const;
