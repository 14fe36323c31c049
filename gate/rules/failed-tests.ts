/** The names of failed tests, for a failure message: the first few, and how many more. */
import type { TestOutcome } from '../model.ts';

export function failedTestNames(tests: readonly TestOutcome[], shown = 3): string {
  const failed = tests.filter((t) => t.status === 'failed' && !t.waivedBy && !t.quarantinedBy && !t.finding);
  if (failed.length === 0) return '';
  const names = failed
    .slice(0, shown)
    .map((t) => `"${t.title}"`)
    .join(', ');
  return `failed ${names}${failed.length > shown ? ` and ${failed.length - shown} more` : ''}`;
}
