/**
 * The oracle's import boundary is enforced, and can fail: ESLint (eslint.config.js) refuses an
 * import of the reference target, or of anything outside fixtures/oracle, in an oracle module,
 * and a reference-target import in an oracle spec; the real oracle files pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globSync } from 'node:fs';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('an oracle module that imports the reference target, or any code outside fixtures/oracle, is refused', async () => {
  assert.equal(
    (
      await restricted(
        "import { dashboardMetrics } from '../../reference-target/extension/models/dashboard.ts';\nexport const x = dashboardMetrics;\n",
        'fixtures/oracle/planted.ts',
      )
    ).length,
    1,
  );
  assert.equal(
    (
      await restricted(
        "import { MARKETPLACES } from '../api/target-data.ts';\nexport const x = MARKETPLACES;\n",
        'fixtures/oracle/planted.ts',
      )
    ).length,
    1,
  );
  assert.deepEqual(
    await restricted(
      "import { DatabaseSync } from 'node:sqlite';\nimport { TITLE } from './marketplaces.ts';\nexport const x = [DatabaseSync, TITLE];\n",
      'fixtures/oracle/planted.ts',
    ),
    [],
  );
});

test('an oracle spec that imports the reference target is refused', async () => {
  assert.equal(
    (
      await restricted(
        "import { seedProducts } from '../../reference-target/db/catalog.ts';\nexport const x = seedProducts;\n",
        'tests/api/oracle-planted.spec.ts',
      )
    ).length,
    1,
  );
});

test('the oracle as it is keeps the boundary', async () => {
  const files = [
    ...globSync('fixtures/oracle/**/*.ts', { cwd: PROJECT_ROOT }),
    ...globSync('tests/**/oracle-*.spec.ts', { cwd: PROJECT_ROOT }),
  ];
  assert.ok(files.length >= 8, `expected the oracle modules and specs; found ${files.join(', ')}`);
  const results = await eslint.lintFiles(files);
  const broken = results.flatMap((r) =>
    r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`),
  );
  assert.deepEqual(broken, []);
});
