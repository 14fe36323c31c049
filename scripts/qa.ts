/**
 * `npm run qa`: runs the QA suites, evaluates the gate, prints the verdict and exits with it:
 * 0 gate passed, 1 gate failed, 2 could not evaluate. `npm run qa -- --help` lists the options.
 */
import { HELP, parseOptions, UsageError } from '../runner/options.ts';
import { CouldNotEvaluate, runQa } from '../runner/pipeline.ts';

try {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    process.exit(0);
  }
  const gate = await runQa(opts);
  process.exit(gate?.exitCode ?? 0);
} catch (err) {
  if (err instanceof UsageError || err instanceof CouldNotEvaluate) {
    console.error(`[qa] COULD NOT EVALUATE: ${err.message}`);
    process.exit(2);
  }
  console.error('[qa] COULD NOT EVALUATE: unexpected error:', err);
  process.exit(2);
}
