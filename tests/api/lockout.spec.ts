/**
 * The login lockout holds: after 5 failed attempts for a username within the hour, the 6th is
 * refused even with the right password — also when the username is typed in another case (the
 * count is per lower-cased username). Runs only with the throwaway probe user and clears its
 * lockout afterwards (`/__qa/unlock`); against a real store it is skipped: nothing could clear it.
 */
import { test, expect, attemptLogin, group, LOGIN_TEXT, loginOverHttp } from '../../fixtures/index.ts';

const ATTEMPTS = 5; // config_login_attempts, OpenCart's default

test('5 failed logins lock the account: the 6th is refused even with the right password', { tag: ['@core', '@security', '@writes', '@reference-only'] }, async ({ settings, control }) => {
  test.skip(!control.available, 'clearing the lockout needs /__qa/unlock (reference target); on a real store the probe user would stay locked for an hour');
  await group('security', 'login', 'lockout');
  const probe = settings.users.probe;
  try {
    for (let i = 1; i <= ATTEMPTS; i++) {
      const a = await attemptLogin(settings, probe.username, `${probe.password}-wrong-${i}`);
      expect(a.ok, `attempt ${i} with a wrong password`).toBe(false);
      expect(a.alert ?? '').toMatch(LOGIN_TEXT.noMatch);
    }
    const right = await attemptLogin(settings, probe.username, probe.password);
    expect(right.ok, 'the 6th attempt, with the right password').toBe(false);
    expect(right.alert ?? '').toMatch(LOGIN_TEXT.lockedOut);
    const otherCase = await attemptLogin(settings, probe.username.toUpperCase(), probe.password);
    expect(otherCase.alert ?? '', 'the same username in capitals').toMatch(LOGIN_TEXT.lockedOut);
  } finally {
    await control.unlock(probe.username);
  }
  await loginOverHttp(settings, 'probe');
});
