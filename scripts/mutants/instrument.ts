/**
 * The mutants of the reference target's server code, built with Stryker's instrumenter as mutant
 * schemata: one instrumented copy of each file holds every mutant, each switched on only when
 * `__STRYKER_ACTIVE_MUTANT__` (read once per process) names it.
 */
import { readFileSync, globSync } from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { PROJECT_ROOT } from '../../fixtures/settings.ts';

/** What is mutated (issue 13): the extension's server code, its admin pages and the OpenCart twin. Not the seed data, simulators or HTTP plumbing. */
export const MUTATED_GLOBS = [
  'reference-target/extension/**/*.ts',
  'reference-target/pages/**/*.ts',
  'reference-target/opencart/**/*.ts',
] as const;

export interface MutantInfo {
  /** Stryker's id: the value of __STRYKER_ACTIVE_MUTANT__ that switches it on */
  id: string;
  file: string;
  /** 1-based */
  line: number;
  mutator: string;
  original: string;
  replacement: string;
  /** the reason of a `// Stryker disable` comment in the target's code that covers it (such a mutant is never switched on) */
  disabledBecause?: string;
}

export interface Instrumented {
  /** project-relative path → instrumented source */
  files: Map<string, string>;
  mutants: MutantInfo[];
}

const quietLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace() {},
  debug() {},
  info() {},
  warn: (...a: unknown[]) => console.warn('[stryker]', ...a),
  error: (...a: unknown[]) => console.error('[stryker]', ...a),
  fatal: (...a: unknown[]) => console.error('[stryker]', ...a),
};

export function mutatedFiles(root = PROJECT_ROOT): string[] {
  return [...new Set(MUTATED_GLOBS.flatMap((g) => globSync(g, { cwd: root })))]
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Short one-line form of a piece of code: whitespace folded, long text cut in the middle. */
export function oneLine(code: string, max = 80): string {
  const s = code.replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max / 2 - 2)} … ${s.slice(-(max / 2 - 2))}`;
}

export async function instrument(files: string[], root = PROJECT_ROOT): Promise<Instrumented> {
  const sources = new Map(files.map((f) => [f, readFileSync(`${root}/${f}`, 'utf8')]));
  const instrumenter = new Instrumenter(quietLogger as never);
  const result = await instrumenter.instrument(
    [...sources].map(([name, content]) => ({ name, content, mutate: true })),
    { plugins: null, excludedMutations: [], ignorers: [] },
  );
  const mutants = result.mutants.map((m): MutantInfo => {
    const lines = sources.get(m.fileName)!.split('\n');
    const { start, end } = m.location; // 0-based lines and columns
    const original =
      start.line === end.line
        ? lines[start.line]!.slice(start.column, end.column)
        : [
            lines[start.line]!.slice(start.column),
            ...lines.slice(start.line + 1, end.line),
            lines[end.line]!.slice(0, end.column),
          ].join('\n');
    return {
      id: m.id,
      file: m.fileName,
      line: start.line + 1,
      mutator: m.mutatorName,
      original,
      replacement: m.replacement,
      ...(m.status === 'Ignored'
        ? { disabledBecause: m.statusReason ?? 'a // Stryker disable comment without a reason' }
        : {}),
    };
  });
  return { files: new Map(result.files.map((f) => [f.name, f.content])), mutants };
}
