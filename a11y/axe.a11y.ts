/**
 * axe-core on every admin page of the extension (and the OpenCart pages it hooks into), on
 * desktop and phone, once settled and once per key modal open. Each audit writes its raw result
 * to <reports>/a11y/ and attaches it; violations never fail these tests (the gate decides), a page
 * that could not be audited (login page, crash) does.
 */
import { test } from '../fixtures/index.ts';
import { auditAndRecord } from './axe-audit.ts';
import { AUDIT_PAGES } from './pages.ts';
import { closeModal, openModal, waitForModalShown, waitForSettled } from './settle.ts';
import { VIEWPORTS, VIEWPORT_NAMES } from './viewports.ts';
import { pageOwner } from '../zones.ts';

test.describe.configure({ mode: 'parallel' });
// logged in by the fixtures: one HTTP login per worker (OCSESSID cookie + user_token), never the login form per test
test.use({ role: 'admin' });

for (const viewport of VIEWPORT_NAMES) {
  test.describe(`axe ${viewport}`, () => {
    test.use({ ...VIEWPORTS[viewport] });

    for (const target of AUDIT_PAGES) {
      // OpenCart's own pages belong to the core suite: audited on every store, extension or not
      test.describe(target.key, { tag: pageOwner(target.route) === 'OpenCart core' ? ['@core'] : [] }, () => {
        test.beforeEach(async ({ admin, page }) => {
          await admin.open(target.route, target.params);
          if (target.dismissOnLoad) {
            await waitForModalShown(page, target.dismissOnLoad);
          }
        });

        test('settled page', async ({ admin, page, settings }, testInfo) => {
          if (target.dismissOnLoad) await closeModal(page, target.dismissOnLoad);
          await waitForSettled(page, target);
          await auditAndRecord({ page, settings, token: admin.token, target, viewport, state: 'settled', testInfo });
        });

        for (const modal of target.modals ?? []) {
          test(`with #${modal.id} open`, async ({ admin, page, settings }, testInfo) => {
            if (target.dismissOnLoad && target.dismissOnLoad !== modal.id) await closeModal(page, target.dismissOnLoad);
            await waitForSettled(page, target);
            await openModal(page, modal);
            await auditAndRecord({
              page,
              settings,
              token: admin.token,
              target,
              viewport,
              state: `modal:${modal.id}`,
              testInfo,
            });
          });
        }
      });
    }
  });
}
