/**
 * Logging in the way an admin does, in sessions of its own (role `anonymous`: no saved login).
 * Works against a stock OpenCart 3.0.x store: only OpenCart's own login behaviour is asserted.
 */
import { test, expect } from '../../fixtures/index.ts';
import { adminEntry } from '../../fixtures/opencart/login.ts';

test.use({ role: 'anonymous' });

// @core: OpenCart's own login form and session, judged on every store (with MesChain-Sync or without)
test.describe('admin login', { tag: ['@core', '@logins'] }, () => {
  test('an administrator logs in through the form and lands on the dashboard with a user_token', async ({
    admin,
    evidence,
  }) => {
    const token = await admin.login('admin');
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    await admin.expectOn('common/dashboard', 'Dashboard');
    await admin.dismissSecurityModal();
    await evidence.screenshot('dashboard after login');
  });

  test('the marketplace viewer logs in through the form and lands on the dashboard with a user_token', async ({
    admin,
    page,
  }) => {
    const token = await admin.login('viewer');
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    await admin.expectOn('common/dashboard', 'Dashboard');
    await expect(page.locator('a[href*="route=common/logout"]').first(), 'the logged-in header').toBeAttached();
  });

  test('a page asked for before logging in is where the login lands', async ({ admin, page, settings }) => {
    const deepLink = `${adminEntry(settings)}?route=marketplace/extension&type=module`;
    await admin.login('admin', { from: deepLink });
    await admin.expectOn('marketplace/extension', 'Extensions');
    await expect(page).toHaveURL(/[?&]type=module(&|$)/);
  });
});

// session behaviour is the same on every device: checked on desktop only (the ui-phone project leaves out @desktop-only)
test.describe('admin session', { tag: ['@core', '@logins', '@desktop-only'] }, () => {
  test('an admin page opened with a wrong user_token is reported as the login page, never tested as the page', async ({
    admin,
    page,
  }) => {
    await admin.login('admin');
    admin.token = 'x'.repeat(32);
    await expect(admin.open('extensions')).rejects.toThrow(/answered its login form/);
    await expect(page.locator('.alert-danger')).toContainText('Invalid token session');
  });

  test('logging out ends the session: its user_token opens the login form again', async ({ admin, page }) => {
    await admin.login('admin');
    await admin.open('extensions');
    await page.locator('a[href*="route=common/logout"]').first().click();
    await expect(page.locator('#input-username')).toBeVisible();
    await expect(admin.open('extensions')).rejects.toThrow(/answered its login form/);
  });
});
