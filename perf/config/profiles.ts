/**
 * The load profiles as data: which journeys run, with which k6 executor, how long and how many
 * iterations at most. Every profile is bounded in time and in requests; `planBounds()` derives
 * both and the self-tests hold them. Plain code (no Node or k6 API): the k6 script turns a plan
 * into `options.scenarios` (perf/config/options.ts), the runner reads its time bound.
 */
export const LOAD_PROFILES = ['smoke', 'load', 'stress', 'soak'] as const;
export type LoadProfile = (typeof LOAD_PROFILES)[number];

/** One k6 scenario per journey; the names are what the gate reads (`scenario.<name>.*`). */
export const JOURNEYS = ['dashboard', 'product_sync', 'order_import', 'webhook_burst'] as const;
export type Journey = (typeof JOURNEYS)[number];
/** Journeys that change store data: they never run under the `production` gate profile. */
export const WRITING_JOURNEYS: readonly Journey[] = ['product_sync', 'order_import', 'webhook_burst'];

export interface Stage {
  target: number;
  durationS: number;
}
export type ExecutorPlan =
  | { executor: 'per-vu-iterations'; vus: number; iterations: number; maxDurationS: number }
  | { executor: 'shared-iterations'; vus: number; iterations: number; maxDurationS: number }
  | {
      executor: 'constant-arrival-rate';
      rate: number;
      timeUnitS: number;
      durationS: number;
      preAllocatedVUs: number;
      maxVUs: number;
    }
  | {
      executor: 'ramping-arrival-rate';
      startRate: number;
      timeUnitS: number;
      stages: Stage[];
      preAllocatedVUs: number;
      maxVUs: number;
    };

export interface Tuning {
  /** pause after each dashboard poll (closed-model profiles only) */
  dashboardThinkS: number;
  /** products per bulk sync job */
  syncLimit: number;
  jobPollIntervalS: number;
  jobMaxPolls: number;
}

/** Stress: step the dashboard poll rate up until a per-step threshold breaks (abortOnFail). */
export interface StressPlan {
  steps: { rate: number; holdS: number }[];
  rampS: number;
}

export interface ProfilePlan {
  profile: LoadProfile;
  description: string;
  scenarios: Partial<Record<Journey, ExecutorPlan>>;
  tuning: Tuning;
  stress?: StressPlan;
}

/** Dashboard and metrics requests in flight at once in the `load` profile (a store's busy hour, not a trickle). */
export const LOAD_CONCURRENCY = 25;

/** k6 waits this long for running iterations when a scenario's time is up. */
export const GRACEFUL_STOP_S = 10;
/** setup() (the login) may take at most this long. */
export const SETUP_TIMEOUT_S = 30;
/** Requests outside the journeys: the login in setup() (login form + credentials POST). */
export const SETUP_REQUESTS = 2;

/** metrics + chartData; the hub page once per VU on top */
const DASHBOARD_REQUESTS_PER_POLL = 2;
const SOAK_DEFAULT_MIN = 10;
const SOAK_MAX_MIN = 60;

const STRESS: StressPlan = {
  rampS: 2,
  steps: [10, 25, 50, 100, 150, 200, 300, 400, 550, 700].map((rate) => ({ rate, holdS: 15 })),
};

function stressStages(p: StressPlan): Stage[] {
  return p.steps.flatMap((s) => [
    { target: s.rate, durationS: p.rampS },
    { target: s.rate, durationS: s.holdS },
  ]);
}

/** Index of the stress step running `elapsedS` seconds after the scenario started (last step after the end). */
export function stressStepAt(p: StressPlan, elapsedS: number): number {
  let end = 0;
  for (const [i, s] of p.steps.entries()) {
    end += p.rampS + s.holdS;
    if (elapsedS < end) return i;
  }
  return p.steps.length - 1;
}

/** The requests per second a stress step aims at (dashboard polls × requests per poll). */
export function stressStepRps(p: StressPlan, step: number): number {
  return (p.steps[step]?.rate ?? 0) * DASHBOARD_REQUESTS_PER_POLL;
}

export function soakMinutes(raw: string | undefined): number {
  if (raw === undefined || raw === '') return SOAK_DEFAULT_MIN;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > SOAK_MAX_MIN) {
    throw new Error(
      `MESCHAIN_SOAK_MINUTES: expected a whole number of minutes 1-${SOAK_MAX_MIN}; found ${JSON.stringify(raw)}. Unset it for ${SOAK_DEFAULT_MIN} minutes.`,
    );
  }
  return n;
}

export function profilePlan(profile: LoadProfile, opts: { soakMinutes?: number } = {}): ProfilePlan {
  switch (profile) {
    case 'smoke':
      return {
        profile,
        description: 'seconds: every journey a few times, enough samples for the gate (runs in every `npm run qa`)',
        tuning: { dashboardThinkS: 0.1, syncLimit: 20, jobPollIntervalS: 0.25, jobMaxPolls: 40 },
        scenarios: {
          dashboard: { executor: 'per-vu-iterations', vus: 3, iterations: 10, maxDurationS: 30 },
          product_sync: { executor: 'per-vu-iterations', vus: 1, iterations: 1, maxDurationS: 30 },
          order_import: { executor: 'shared-iterations', vus: 1, iterations: 3, maxDurationS: 30 },
          webhook_burst: { executor: 'shared-iterations', vus: 2, iterations: 12, maxDurationS: 30 },
        },
      };
    case 'load':
      return {
        profile,
        description:
          'up to 3.5 minutes of a busy day: 25 admins polling the hub back to back (≥ 20 requests in flight on the dashboard and metrics routes), webhook bursts of 50/s, an order pull per second, a bulk sync every 15 s',
        tuning: { dashboardThinkS: 0, syncLimit: 50, jobPollIntervalS: 1, jobMaxPolls: 30 },
        scenarios: {
          // closed model, no think time: each VU always has a request in flight, so the store sees LOAD_CONCURRENCY at once
          dashboard: { executor: 'per-vu-iterations', vus: LOAD_CONCURRENCY, iterations: 160, maxDurationS: 210 },
          product_sync: {
            executor: 'constant-arrival-rate',
            rate: 4,
            timeUnitS: 60,
            durationS: 210,
            preAllocatedVUs: 2,
            maxVUs: 5,
          },
          order_import: {
            executor: 'constant-arrival-rate',
            rate: 1,
            timeUnitS: 1,
            durationS: 210,
            preAllocatedVUs: 2,
            maxVUs: 10,
          },
          webhook_burst: {
            executor: 'ramping-arrival-rate',
            startRate: 2,
            timeUnitS: 1,
            preAllocatedVUs: 5,
            maxVUs: 60,
            stages: [
              { target: 2, durationS: 40 },
              { target: 50, durationS: 5 },
              { target: 50, durationS: 20 },
              { target: 2, durationS: 5 },
              { target: 2, durationS: 60 },
              { target: 50, durationS: 5 },
              { target: 50, durationS: 20 },
              { target: 2, durationS: 5 },
              { target: 2, durationS: 50 },
            ],
          },
        },
      };
    case 'stress':
      return {
        profile,
        description: `hub polls stepped up ${STRESS.steps.map((s) => s.rate).join(' → ')} per second until a step's average or error rate breaks the gate (abortOnFail)`,
        tuning: { dashboardThinkS: 0, syncLimit: 50, jobPollIntervalS: 1, jobMaxPolls: 30 },
        stress: STRESS,
        scenarios: {
          // VUs allocated up front: a VU allocated mid-run compiles the script on the cores the target runs on
          dashboard: {
            executor: 'ramping-arrival-rate',
            startRate: 1,
            timeUnitS: 1,
            preAllocatedVUs: 100,
            maxVUs: 300,
            stages: stressStages(STRESS),
          },
        },
      };
    case 'soak': {
      const durationS = (opts.soakMinutes ?? SOAK_DEFAULT_MIN) * 60;
      return {
        profile,
        description: `${durationS / 60} minutes (MESCHAIN_SOAK_MINUTES, at most ${SOAK_MAX_MIN}) at a steady everyday rate, to show leaks and drift`,
        tuning: { dashboardThinkS: 0, syncLimit: 50, jobPollIntervalS: 1, jobMaxPolls: 30 },
        scenarios: {
          dashboard: {
            executor: 'constant-arrival-rate',
            rate: 5,
            timeUnitS: 1,
            durationS,
            preAllocatedVUs: 5,
            maxVUs: 30,
          },
          product_sync: {
            executor: 'constant-arrival-rate',
            rate: 1,
            timeUnitS: 60,
            durationS,
            preAllocatedVUs: 1,
            maxVUs: 3,
          },
          order_import: {
            executor: 'constant-arrival-rate',
            rate: 12,
            timeUnitS: 60,
            durationS,
            preAllocatedVUs: 1,
            maxVUs: 5,
          },
          webhook_burst: {
            executor: 'constant-arrival-rate',
            rate: 2,
            timeUnitS: 1,
            durationS,
            preAllocatedVUs: 2,
            maxVUs: 20,
          },
        },
      };
    }
  }
}

/** The journeys a gate profile allows: `production` is a read-only smoke. */
export function restrictToGateProfile(plan: ProfilePlan, gateProfile: string): ProfilePlan {
  if (gateProfile !== 'production') return plan;
  if (plan.profile !== 'smoke') {
    throw new Error(
      `load profile ${plan.profile} under gate profile production: expected smoke (production gets no load beyond a read-only smoke). ` +
        'Use --profile smoke, or a staging gate profile for load, stress and soak.',
    );
  }
  const scenarios = Object.fromEntries(
    Object.entries(plan.scenarios).filter(([j]) => !WRITING_JOURNEYS.includes(j as Journey)),
  );
  return { ...plan, scenarios };
}

/** Most requests one iteration of a journey makes. */
export function requestsPerIteration(journey: Journey, t: Tuning): number {
  switch (journey) {
    case 'dashboard':
      return DASHBOARD_REQUESTS_PER_POLL + 1; // + the page on a VU's first poll
    case 'product_sync':
      return 1 + t.jobMaxPolls;
    case 'order_import':
      return 1;
    case 'webhook_burst':
      return 1;
  }
}

function stagesIterations(startRate: number, stages: Stage[], timeUnitS: number): number {
  let prev = startRate,
    total = 0;
  for (const s of stages) {
    total += ((prev + s.target) / 2) * (s.durationS / timeUnitS) + 1;
    prev = s.target;
  }
  return Math.ceil(total);
}

export function maxIterations(e: ExecutorPlan): number {
  switch (e.executor) {
    case 'per-vu-iterations':
      return e.vus * e.iterations;
    case 'shared-iterations':
      return e.iterations;
    case 'constant-arrival-rate':
      return Math.ceil((e.rate * e.durationS) / e.timeUnitS) + 1;
    case 'ramping-arrival-rate':
      return stagesIterations(e.startRate, e.stages, e.timeUnitS);
  }
}

/** Longest a scenario can run, graceful stop included. */
export function maxSeconds(e: ExecutorPlan): number {
  switch (e.executor) {
    case 'per-vu-iterations':
    case 'shared-iterations':
      return e.maxDurationS + GRACEFUL_STOP_S;
    case 'constant-arrival-rate':
      return e.durationS + GRACEFUL_STOP_S;
    case 'ramping-arrival-rate':
      return e.stages.reduce((n, s) => n + s.durationS, 0) + GRACEFUL_STOP_S;
  }
}

/** Upper bounds of one run: wall time (setup included) and HTTP requests. */
export function planBounds(plan: ProfilePlan): { seconds: number; requests: number } {
  const entries = Object.entries(plan.scenarios) as [Journey, ExecutorPlan][];
  return {
    seconds: SETUP_TIMEOUT_S + Math.max(0, ...entries.map(([, e]) => maxSeconds(e))),
    requests:
      SETUP_REQUESTS + entries.reduce((n, [j, e]) => n + maxIterations(e) * requestsPerIteration(j, plan.tuning), 0),
  };
}
