/** Reading a tool's JSON output, with errors that say what was expected and what was found. */
import { existsSync, readFileSync } from 'node:fs';
import { ResultsUnreadable } from '../model.ts';

export function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path))
    throw new ResultsUnreadable(
      path,
      `expected ${what}; found no file. Did the suite run? Re-run it or check its log.`,
    );
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '')
    throw new ResultsUnreadable(
      path,
      `expected ${what}; found an empty file (the tool crashed or was killed mid-write).`,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ResultsUnreadable(
      path,
      `expected ${what}; found invalid JSON (${(err as Error).message}). The file is truncated or not the tool's output.`,
    );
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
