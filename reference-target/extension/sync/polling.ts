/** Waiting for an asynchronous marketplace task (batch request, tracking id, upload) to finish. */
import { setTimeout as sleep } from 'node:timers/promises';
import { SyncAbortedError } from './http-client.ts';

export interface PollSettings {
  intervalMs: number;
  maxPolls: number;
  signal?: AbortSignal;
}

export const DEFAULT_MAX_POLLS = 400;

/** Calls `poll` until it reports done, `intervalMs` apart; fails after `maxPolls` polls. */
export async function pollUntilDone<T>(
  what: string,
  settings: PollSettings,
  poll: () => Promise<{ done: boolean; value: T; state: string }>,
): Promise<T> {
  let last = '';
  for (let n = 1; n <= settings.maxPolls; n++) {
    const r = await poll();
    if (r.done) return r.value;
    last = r.state;
    try {
      await sleep(settings.intervalMs, undefined, settings.signal ? { signal: settings.signal } : {});
    } catch {
      throw new SyncAbortedError(what);
    }
  }
  throw new Error(
    `${what}: expected the task to finish within ${settings.maxPolls} polls ${settings.intervalMs} ms apart; found it still ${last}`,
  );
}
