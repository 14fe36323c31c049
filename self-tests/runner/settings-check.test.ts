/**
 * Every setting of `.env.example` is checked before any suite: the registry (fixtures/settings-check.ts)
 * lists exactly the settings `.env.example` documents, each refuses its bad value with a sentence that
 * names the setting and the value, and the defaults of `.env.example` pass.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SETTING_RULES, settingProblems } from '../../fixtures/settings-check.ts';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';

const example = readFileSync(resolve(PROJECT_ROOT, '.env.example'), 'utf8');
/** `NAME=value` lines, commented out or not */
const documented = new Map([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));

describe('settings check', () => {
  test('the registry covers exactly the settings .env.example documents', () => {
    const registered = SETTING_RULES.map((r) => r.name).sort();
    assert.deepEqual(registered, [...documented.keys()].sort());
    assert.equal(new Set(registered).size, registered.length, 'one rule per setting');
  });

  for (const rule of SETTING_RULES) {
    if (rule.bad === null) {
      test(`${rule.name} takes any value: ${rule.anyValue}`, () =>
        assert.ok(rule.anyValue && rule.anyValue.length > 10));
      continue;
    }
    test(`${rule.name}=${JSON.stringify(rule.bad)} is refused, naming the setting, the value and what is allowed`, () => {
      const problems = settingProblems({ [rule.name]: rule.bad! });
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0]!.startsWith(`${rule.name}: expected `), problems[0]);
      // what was found (a key is described, never echoed)
      assert.match(problems[0]!, /; found /, problems[0]);
    });
  }

  test('the values .env.example gives pass, and several bad settings are all reported at once', () => {
    const env = Object.fromEntries(
      [...documented].filter(([name]) => !['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_PATH'].includes(name)),
    );
    assert.deepEqual(settingProblems(env), []);
    assert.equal(settingProblems({ QA_RETRIES: '-1', QA_ENV: 'prod', QA_TARGET_KIND: 'bogus' }).length, 3);
  });
});
