/**
 * The verdict in the words a lead reads first: the report's title and variables block, Allure's
 * own Quality Gates tab (one entry per judged condition), and `reports/gate.md` for pull requests
 * and chat. Pure functions of the gate result (and the preflight, when there was one).
 */
import type { ConditionResult, GateResult } from './engine.ts';
import type { Preflight } from '../fixtures/opencart/preflight.ts';

export type GateWithPreflight = GateResult & { preflight?: Preflight };

const WORD: Record<GateResult['status'], string> = { passed: 'PASS', failed: 'FAIL', error: 'COULD NOT EVALUATE' };
const num = (n: number | null): string => (n === null ? 'n/a' : Number.isInteger(n) ? String(n) : n.toFixed(2));
const threshold = (c: ConditionResult): string => `${c.comparator} ${num(c.threshold)}${c.unit ? ` ${c.unit}` : ''}`;

export const failing = (g: GateResult): ConditionResult[] => g.conditions.filter((c) => c.status === 'failed');
export const warned = (g: GateResult): ConditionResult[] => g.conditions.filter((c) => c.status === 'warn');
export const unevaluated = (g: GateResult): ConditionResult[] => g.conditions.filter((c) => c.status === 'error');

/** Why the run could not be evaluated, once (the preflight's sentence, or each distinct reason). */
function couldNotReasons(g: GateWithPreflight): string[] {
  return [
    ...new Set(
      unevaluated(g).map((c) => c.message.replace(/^could not evaluate: /, '').replace(/^results unreadable: /, '')),
    ),
  ];
}

/** One line: the title of the report. */
export function verdictHeadline(g: GateWithPreflight): string {
  if (g.status === 'passed') return `MesChain-Sync QA — PASS (${g.profile})`;
  if (g.status === 'failed')
    return `MesChain-Sync QA — FAIL (${g.profile}): ${failing(g)
      .map((c) => c.id)
      .join(', ')}`;
  const why =
    g.preflight?.extension === 'absent'
      ? 'MesChain-Sync is not installed on the store'
      : (couldNotReasons(g)[0] ?? g.summary);
  return `MesChain-Sync QA — COULD NOT EVALUATE (${g.profile}): ${why.length > 90 ? `${why.slice(0, 87)}…` : why}`;
}

/** The variables block at the top of the report's Results tab, in reading order. */
export function verdictVariables(g: GateWithPreflight, store: string): Record<string, string> {
  const out: Record<string, string> = {
    Verdict: `${WORD[g.status]} — exit ${g.exitCode}, profile ${g.profile}, store ${store}`,
  };
  failing(g).forEach((c, i) => {
    out[`Failed ${i + 1}`] = `${c.id}: ${num(c.actual)} (must be ${threshold(c)}) — ${c.help}`;
  });
  couldNotReasons(g).forEach((why, i) => {
    out[`Could not evaluate ${i + 1}`] =
      `${why} (${unevaluated(g).filter((c) => c.message.includes(why)).length} conditions)`;
  });
  warned(g).forEach((c, i) => {
    out[`Warning ${i + 1}`] = `${c.id}: ${c.message}`;
  });
  if (g.preflight)
    out.Preflight = `${g.preflight.summary} OpenCart ${g.preflight.opencartVersion ?? '(version not shown)'}.`;
  out.Conditions = g.summary;
  return out;
}

/** Allure 3's quality-gate results (its Quality Gates tab): one per judged condition; a warning passes with its note. */
export function qualityGateResults(
  g: GateResult,
): { rule: string; success: boolean; expected: number; actual: number; message: string; testResults: string[] }[] {
  return g.conditions
    .filter((c) => c.status !== 'not-run')
    .map((c) => ({
      rule: c.id,
      success: c.status === 'passed' || c.status === 'waived' || c.status === 'warn',
      expected: c.threshold,
      actual: c.actual ?? Number.NaN,
      message: `${c.status === 'error' ? 'COULD NOT EVALUATE' : c.status.toUpperCase()}: ${c.title} — ${c.message}${c.status === 'failed' || c.status === 'error' ? `. What to do: ${c.help}` : ''}${c.waivedBy ? ` (waived by ${c.waivedBy})` : ''}`,
      testResults: [],
    }));
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `reports/gate.md`: the verdict for a pull request or a chat message, linking into the Allure report. */
export function gateMarkdown(g: GateWithPreflight, opts: { store: string; reportLink: string }): string {
  const lines = [
    `## ${verdictHeadline(g)}`,
    '',
    `**${WORD[g.status]}** (exit ${g.exitCode}) — ${g.summary}. Store: ${opts.store}.`,
    '',
  ];
  if (g.preflight) lines.push(`Preflight: ${g.preflight.summary}`, '');
  const rows = [...failing(g), ...unevaluated(g), ...warned(g)];
  if (rows.length) {
    lines.push('| | condition | found | must be | what to do |', '|---|---|---|---|---|');
    const shown = new Set<string>();
    for (const c of rows) {
      // conditions blocked for one reason share one row
      const blocked = c.status === 'error' && c.message.startsWith('could not evaluate: ');
      if (blocked && shown.has(c.message)) continue;
      shown.add(c.message);
      const ids = blocked
        ? unevaluated(g)
            .filter((x) => x.message === c.message)
            .map((x) => x.id)
        : [c.id];
      const mark = c.status === 'failed' ? '❌ FAIL' : c.status === 'error' ? '⚠️ COULD NOT EVALUATE' : '🟡 WARN';
      lines.push(
        `| ${mark} | ${cell(ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', '))} | ${cell(blocked ? '—' : num(c.actual))} | ` +
          `${cell(blocked ? '—' : threshold(c))} | ${cell(blocked ? c.message.replace(/^could not evaluate: /, '') : c.help)} |`,
      );
    }
    lines.push('');
  } else {
    lines.push('Every judged condition passed.', '');
  }
  lines.push(
    `Full report: [Allure](${opts.reportLink}) (Quality Gates tab, then the condition's suite). Verdict data: \`reports/gate.json\`.`,
    '',
  );
  return lines.join('\n');
}
