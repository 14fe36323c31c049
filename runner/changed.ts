/**
 * `--changed [ref]`: which suites a change needs, from `git diff` and the ownership zones.
 */
import { execFileSync } from 'node:child_process';
import { matchesGlob } from 'node:path';
import { RUN_EVERYTHING, ZONES } from '../zones.ts';
import { SUITES, type Suite } from '../gate/model.ts';
import { PROJECT_ROOT } from '../fixtures/settings.ts';

export interface ChangeSelection {
  files: string[];
  suites: Suite[];
  /** per file: the zones it fell into ('everything' or 'no zone') */
  reasons: Record<string, string[]>;
}

export function suitesForFiles(files: string[]): ChangeSelection {
  const picked = new Set<Suite>();
  const reasons: Record<string, string[]> = {};
  for (const f of files) {
    if (RUN_EVERYTHING.some((p) => matchesGlob(f, p))) {
      reasons[f] = ['everything'];
      for (const s of SUITES) picked.add(s);
      continue;
    }
    const zones = ZONES.filter((z) => z.paths.some((p) => matchesGlob(f, p)));
    reasons[f] = zones.length ? zones.map((z) => z.name) : ['no zone'];
    for (const z of zones) for (const s of z.suites) picked.add(s);
  }
  return { files, suites: SUITES.filter((s) => picked.has(s)), reasons };
}

/** Files changed since `ref` (committed, staged, unstaged and untracked). */
export function changedFiles(ref: string, cwd = PROJECT_ROOT): string[] {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(
      `--changed ${ref}: expected a git revision; found none by that name. Try --changed origin/main or --changed HEAD~1.`,
    );
  }
  const out = new Set<string>();
  for (const line of git('diff', '--name-only', `${ref}...HEAD`).split('\n')) if (line) out.add(line);
  for (const line of git('diff', '--name-only', 'HEAD').split('\n')) if (line) out.add(line);
  for (const line of git('ls-files', '--others', '--exclude-standard').split('\n')) if (line) out.add(line);
  return [...out].sort();
}
