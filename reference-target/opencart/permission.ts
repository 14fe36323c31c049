/** OpenCart 3's startup/permission: which route key a route is checked as, and the checks. */
import type { AdminUser } from '../app.ts';

const EXTENSION_TYPES = [
  'analytics',
  'captcha',
  'dashboard',
  'feed',
  'fraud',
  'module',
  'payment',
  'shipping',
  'theme',
  'total',
  'report',
  'advertise',
];

/** Routes that need a login but no access permission. */
export const PERMISSION_IGNORE = [
  'common/dashboard',
  'common/login',
  'common/logout',
  'common/forgotten',
  'common/reset',
  'error/not_found',
  'error/permission',
];

/** `extension/module/meschain_sync/metrics` → `extension/module/meschain_sync`; `catalog/product/edit` → `catalog/product`. */
export function permissionKey(route: string): string {
  const parts = route.split('/');
  const key = parts.slice(0, 2);
  if (parts[0] === 'extension' && parts[1] && EXTENSION_TYPES.includes(parts[1]) && parts[2]) key.push(parts[2]);
  return key.join('/');
}

export function hasPermission(user: AdminUser, kind: 'access' | 'modify', key: string): boolean {
  return user[kind].includes(key);
}
