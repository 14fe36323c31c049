/** Fault switches that act on every extension JSON action (see faults.ts for the table). */
// Stryker disable all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
import { setTimeout as delay } from 'node:timers/promises';
import type { AdminReq, App } from '../../app.ts';
import type { Reply } from '../../http/types.ts';
import { html } from '../../http/types.ts';

export const SLOW_API_DELAY_MS = 350;
export const API_ERROR_EVERY = 5;

/** `extension/module/<module>/<method>`: an AJAX action answering JSON (or CSV). */
export function isExtensionAction(route: string): boolean {
  return /^extension\/module\/[a-z0-9_]+\/[A-Za-z0-9_]+$/.test(route);
}

let actionCounter = 0;

export async function applyApiFaults(req: AdminReq, app: App, next: () => Reply | Promise<Reply>): Promise<Reply> {
  if (!isExtensionAction(req.route)) return next();
  if (app.faults.has('slow-api')) await delay(SLOW_API_DELAY_MS);
  if (app.faults.has('api-errors') && ++actionCounter % API_ERROR_EVERY === 0) {
    return html(
      '<b>Fatal error</b>: Uncaught Exception: injected fault api-errors in meschain_sync.php on line 1',
      500,
    );
  }
  return next();
}
