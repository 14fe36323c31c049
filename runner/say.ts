/** The runner's voice, and the one error that means "could not evaluate" (exit 2, before or instead of a verdict). */
export const say = (msg: string): void => console.log(`[qa] ${msg}`);

export class CouldNotEvaluate extends Error {}

/** Runs `fn`; any error it throws becomes "could not evaluate" with the same message. */
export function orCouldNotEvaluate<T>(fn: () => T, prefix = ''): T {
  try {
    return fn();
  } catch (err) {
    throw new CouldNotEvaluate(`${prefix}${(err as Error).message}`);
  }
}
