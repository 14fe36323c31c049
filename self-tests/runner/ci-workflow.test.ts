/** The GitHub Actions workflow users get is valid (actionlint) and runs the same commands as local. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';

const WORKFLOW = resolve(PROJECT_ROOT, '.github/workflows/qa.yml');

test('actionlint finds nothing to complain about in .github/workflows/qa.yml', () => {
  const bin = execFileSync('bash', [resolve(PROJECT_ROOT, 'scripts/ensure-actionlint.sh')], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  const out = execFileSync(bin, ['-no-color', WORKFLOW], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(out.trim(), '');
});

test('the workflow shards Playwright, runs load and audits, merges into one gate that blocks the deploy', () => {
  const wf = parse(readFileSync(WORKFLOW, 'utf8')) as {
    jobs: Record<
      string,
      { needs?: string[] | string; steps: { run?: string }[]; strategy?: { matrix?: { shard?: number[] } } }
    >;
  };
  const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
  assert.match(runs('self-test'), /^npm test$/m);
  assert.deepEqual(wf.jobs.playwright!.strategy!.matrix!.shard, [1, 2]);
  assert.match(
    runs('playwright'),
    /npm run qa -- --suite core,api,security,ui,pwa --shard \$\{\{ matrix.shard \}\}\/2/,
  );
  assert.match(runs('real-store'), /npm run store -- start --env-out \.env > \/dev\/null/);
  assert.match(runs('gate'), /cat reports\/gate\.md >> "\$GITHUB_STEP_SUMMARY"/);
  assert.match(
    runs('real-store'),
    /set -a; \. \.\/\.env; set \+a\nnpm run qa -- --env production \|\| test \$\? -eq 2/,
  );
  assert.match(runs('load'), /npm run qa -- --suite load/);
  assert.match(runs('audits'), /npm run qa -- --suite a11y,lighthouse/);
  assert.match(runs('gate'), /npm run qa -- --merge partial\/shard-1,partial\/shard-2,partial\/load,partial\/audits/);
  assert.deepEqual(wf.jobs.gate!.needs, ['playwright', 'load', 'audits']);
  assert.equal(wf.jobs['deploy-staging']!.needs, 'gate');
});
