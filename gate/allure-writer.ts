/**
 * Puts everything that is not a Playwright test into the Allure results directory, in Allure's
 * own file formats: k6 thresholds, axe violations and Lighthouse audits as test results with
 * their evidence attached (secrets masked); every gate condition as a test result under
 * "Quality gate"; every numeric metric as an Allure 3 performance metric (`*-perf.json`, so the
 * report's Metrics section shows trends across runs); environment and executor (categories: allurerc.mjs).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { GateResult } from './engine.ts';
import type { SuiteResult, TestOutcome } from './model.ts';
import { maskSecrets } from '../fixtures/secrets.ts';
import { maskAuditText } from '../a11y/mask.ts';

type AllureStatus = 'passed' | 'failed' | 'broken' | 'skipped';
interface Attachment {
  name: string;
  source: string;
  type: string;
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

export interface AllureExtrasInput {
  resultsDir: string;
  results: SuiteResult[];
  gate: GateResult;
  environment: Record<string, string>;
  secrets: string[];
  startedAt: number;
  stoppedAt: number;
}

/**
 * Tool outputs (k6 summary, axe JSON, Lighthouse report) are masked by value and by token pattern
 * only: field-name masking would blank Lighthouse's own `"key"` columns. Everything else the gate
 * writes gets the full masking.
 */
function attach(
  dir: string,
  name: string,
  content: string | Buffer,
  type: string,
  secrets: string[],
  toolOutput = false,
): Attachment {
  const ext = extname(name) || (type.includes('json') ? '.json' : type.includes('html') ? '.html' : '.txt');
  const source = `${randomUUID()}-attachment${ext}`;
  const body =
    typeof content === 'string'
      ? toolOutput
        ? maskAuditText(content, secrets)
        : maskSecrets(content, secrets)
      : content;
  writeFileSync(join(dir, source), body);
  return { name, source, type };
}

function writeResult(
  dir: string,
  r: {
    name: string;
    fullName: string;
    status: AllureStatus;
    message?: string;
    description?: string;
    labels: [string, string][];
    parameters?: [string, string][];
    attachments?: Attachment[];
    start: number;
    stop: number;
  },
): void {
  const uuid = randomUUID();
  writeFileSync(
    join(dir, `${uuid}-result.json`),
    JSON.stringify({
      uuid,
      historyId: md5(r.fullName),
      testCaseId: md5(r.fullName),
      name: r.name,
      fullName: r.fullName,
      status: r.status,
      stage: 'finished',
      start: r.start,
      stop: r.stop,
      statusDetails: r.message ? { message: r.message } : {},
      ...(r.description ? { description: r.description } : {}),
      labels: r.labels.map(([name, value]) => ({ name, value })),
      parameters: (r.parameters ?? []).map(([name, value]) => ({ name, value })),
      attachments: r.attachments ?? [],
      steps: [],
    }),
  );
}

const STATUS: Record<TestOutcome['status'], AllureStatus> = {
  passed: 'passed',
  failed: 'failed',
  flaky: 'passed',
  skipped: 'skipped',
};

function suiteResults(input: AllureExtrasInput): void {
  const { resultsDir: dir, secrets } = input;
  for (const r of input.results.filter((x) => x.tool !== 'playwright')) {
    const attachments = r.artifacts
      .filter((a) => existsSync(a.path))
      .map((a) => {
        const raw = readFileSync(a.path);
        const text = /json|html|text|csv|xml/.test(a.contentType) ? raw.toString('utf8') : raw;
        return attach(dir, a.name, text, a.contentType, secrets, true);
      });
    // one result that carries the suite's evidence and numbers
    writeResult(dir, {
      name: `${r.tool} summary`,
      fullName: `${r.suite} › ${r.tool} › summary`,
      status: 'passed',
      description: [`Sources: ${r.sources.join(', ') || 'none'}`, ...r.notes].join('\n\n'),
      labels: [
        ['parentSuite', r.suite],
        ['suite', r.tool],
        ['tag', r.suite],
      ],
      parameters: Object.entries(r.metrics).map(([k, v]) => [k, String(v)]),
      attachments,
      start: input.stoppedAt,
      stop: input.stoppedAt,
    });
    for (const t of r.tests) {
      writeResult(dir, {
        name: t.title,
        fullName: `${r.suite} › ${r.tool} › ${t.id}`,
        status: STATUS[t.status],
        ...(t.finding
          ? {
              description:
                'A finding reported for the record; the gate judges it through its condition (Quality Gates tab), not as a failed test.',
            }
          : {}),
        message: t.error ? maskSecrets(t.error, secrets) : t.waivedBy ? `waived: ${t.waivedBy}` : undefined,
        labels: [['parentSuite', r.suite], ['suite', r.tool], ...t.tags.map((x): [string, string] => ['tag', x])],
        start: input.startedAt,
        stop: input.startedAt + Math.round(t.durationMs),
      });
    }
  }
}

/**
 * One truth: a condition shows red only when the gate failed it (or could not evaluate it). A
 * warning is not a failure (its note is in the message and in the Quality Gates tab); a
 * regression rule without enough history yet is "no baseline yet", shown as skipped.
 */
function gateStatus(c: GateResult['conditions'][number]): AllureStatus {
  if (c.status === 'warn') return c.message.startsWith('no baseline yet') ? 'skipped' : 'passed';
  return ({ passed: 'passed', failed: 'failed', waived: 'passed', 'not-run': 'skipped', error: 'broken' } as const)[
    c.status
  ];
}

function gateResults(input: AllureExtrasInput): void {
  const { gate, resultsDir: dir } = input;
  const verdict = attach(dir, 'gate.json', JSON.stringify(gate, null, 2), 'application/json', input.secrets);
  // the gate's own work takes no time worth showing: its results last 0 ms, at the moment it judged
  const at = input.stoppedAt;
  writeResult(dir, {
    name: `Gate verdict: ${gate.status.toUpperCase()} (exit ${gate.exitCode})`,
    fullName: 'quality-gate › verdict',
    status: gate.status === 'passed' ? 'passed' : gate.status === 'failed' ? 'failed' : 'broken',
    message:
      gate.status === 'passed'
        ? undefined
        : `${gate.summary}${gate.errors.length ? `\n${gate.errors.join('\n')}` : ''}`,
    description: `Profile: ${gate.profile}\n\n${gate.summary}`,
    labels: [
      ['parentSuite', 'Quality gate'],
      ['suite', 'verdict'],
      ['severity', 'blocker'],
    ],
    attachments: [verdict],
    start: at,
    stop: at,
  });
  for (const c of gate.conditions) {
    writeResult(dir, {
      name: `${c.id} — ${c.title}`,
      fullName: `quality-gate › ${c.id}`,
      status: gateStatus(c),
      message: c.status === 'passed' ? undefined : `${c.status.toUpperCase()}: ${c.message}`,
      description: `${c.message}\n\nWhat to do when it fails: ${c.help}${c.waivedBy ? `\n\nWaived by ${c.waivedBy}` : ''}`,
      labels: [
        ['parentSuite', 'Quality gate'],
        ['suite', c.suite],
        ['severity', c.severity === 'blocker' ? 'blocker' : 'minor'],
        ['tag', c.status],
      ],
      parameters: [
        ['actual', c.actual === null ? 'n/a' : String(c.actual)],
        ['threshold', `${c.comparator} ${c.threshold} ${c.unit}`.trim()],
        ['evidence', `${c.evidence.actual} ${c.evidence.label} (min ${c.evidence.min})`],
      ],
      start: at,
      stop: at,
    });
  }
}

const LOWER_IS_BETTER = /(_ms|error_rate|failed|flaky|violations|bytes|requests\b|cls|expired|findings|wrong)/;

function performanceMetrics(input: AllureExtrasInput): void {
  // the verdict as numbers, so the Metrics section shows "red since Tuesday" across runs
  const g = input.gate;
  const verdict = g
    ? [
        ['gate.exit_code', 'Gate verdict (exit code: 0 pass, 1 fail, 2 could not evaluate)', g.exitCode],
        ['gate.failed_conditions', 'Gate: failed conditions', g.conditions.filter((c) => c.status === 'failed').length],
        ['gate.warned_conditions', 'Gate: warned conditions', g.conditions.filter((c) => c.status === 'warn').length],
        [
          'gate.unevaluated_conditions',
          'Gate: conditions that could not be evaluated',
          g.conditions.filter((c) => c.status === 'error').length,
        ],
      ].map(([key, title, value]) => ({
        id: 'gate',
        key: String(key),
        value: Number(value),
        start: input.startedAt,
        stop: input.stoppedAt,
        title: String(title),
        group: 'gate',
        groupTitle: 'Quality gate',
        better: 'lower',
      }))
    : [];
  const samples = input.gate
    ? Object.entries(input.gate.suites).flatMap(([suite, s]) =>
        Object.entries(s.metrics)
          .filter(([, v]) => Number.isFinite(v))
          .map(([key, value]) => ({
            id: suite,
            key: `${suite}.${key}`,
            value,
            start: input.startedAt,
            stop: input.stoppedAt,
            title: `${suite}: ${key}`,
            group: suite,
            groupTitle: suite,
            ...(key.endsWith('_ms')
              ? { unit: 'ms' }
              : key.includes('rate') || key.includes('coverage')
                ? { unit: '%' }
                : {}),
            better: LOWER_IS_BETTER.test(key) ? 'lower' : 'higher',
          })),
      )
    : [];
  writeFileSync(join(input.resultsDir, `${randomUUID()}-perf.json`), JSON.stringify([...verdict, ...samples]));
}

function environment(input: AllureExtrasInput): void {
  const lines = Object.entries(input.environment).map(
    ([k, v]) => `${k}=${maskSecrets(v, input.secrets).replace(/\n/g, ' ')}`,
  );
  writeFileSync(join(input.resultsDir, 'environment.properties'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(input.resultsDir, 'executor.json'),
    JSON.stringify({
      name: process.env.CI ? 'CI' : 'local',
      type: process.env.GITHUB_ACTIONS ? 'github' : 'local',
      buildName: `MesChain-Sync QA ${new Date(input.startedAt).toISOString()}`,
      reportName: 'MesChain-Sync QA',
    }),
  );
  // categories: allurerc.mjs (Allure 3 reads them from its config)
}

export function writeAllureExtras(input: AllureExtrasInput): void {
  mkdirSync(input.resultsDir, { recursive: true });
  suiteResults(input);
  gateResults(input);
  performanceMetrics(input);
  environment(input);
}
