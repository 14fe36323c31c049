/** What every journey gets: the run's configuration (read once per VU) and setup()'s login. */
import type { RunConfig } from '../config/run-config.ts';
import type { AdminSession } from '../lib/auth.ts';

export interface SetupData {
  session: AdminSession;
}
export interface Journey {
  cfg: RunConfig;
  data: SetupData;
}
