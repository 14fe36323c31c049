/**
 * A copy of the project with the reference target's files replaced by their instrumented
 * versions: the suites run there unchanged, and every Playwright worker's own target
 * (fixtures/store.ts) loads the mutant schemata. The checkout itself is never touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';

export interface Sandbox {
  dir: string;
  remove(): void;
}

/** The project's files as a user has them: tracked and untracked, never ignored ones (.env, reports, node_modules). */
function projectFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.split('\0').filter((f) => f && existsSync(join(root, f)));
}

export function createSandbox(instrumented: Map<string, string>, root = PROJECT_ROOT): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'meschain-mutants-'));
  for (const f of projectFiles(root)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [f, content] of instrumented) writeFileSync(join(dir, f), content);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
