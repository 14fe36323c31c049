/** Runs a child process asynchronously (the reference target may be serving from this process). */
import { spawn } from 'node:child_process';

export function run(
  cmd: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; quiet?: boolean },
): Promise<{ code: number | null; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', env: opts.env });
    child.on('error', (err) => resolve({ code: null, error: `${cmd} could not start: ${err.message}` }));
    child.on('exit', (code) => resolve({ code }));
  });
}
