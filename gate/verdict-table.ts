/** The gate verdict as a terminal table: what a CI log and a QA engineer read first. */
import type { ConditionResult, GateResult } from './engine.ts';

const ICON: Record<ConditionResult['status'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  warn: 'WARN',
  waived: 'WAIVED',
  'not-run': 'skip',
  error: 'ERROR',
};

const BLOCKED = 'could not evaluate: ';

const num = (n: number | null): string => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(2));

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}

export function verdictTable(g: GateResult, opts: { color?: boolean; showNotRun?: boolean } = {}): string {
  const c = (code: number, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const color: Record<ConditionResult['status'], number> = {
    passed: 32,
    failed: 31,
    warn: 33,
    waived: 36,
    'not-run': 90,
    error: 35,
  };
  // conditions the preflight blocked share one reason: one line for all of them, not one each
  const isBlocked = (x: ConditionResult) => x.status === 'error' && x.message.startsWith(BLOCKED);
  const rows = g.conditions.filter((x) => (opts.showNotRun || x.status !== 'not-run') && !isBlocked(x));
  const lines: string[] = [];
  lines.push(`${pad('status', 7)} ${pad('condition', 34)} ${pad('actual', 12)} ${pad('threshold', 16)} evidence`);
  lines.push('-'.repeat(96));
  for (const r of rows) {
    const threshold = `${r.comparator} ${num(r.threshold)}${r.unit ? ` ${r.unit}` : ''}`;
    const evidence = `${r.evidence.actual}/${r.evidence.min} ${r.evidence.label}`;
    lines.push(
      `${c(color[r.status], pad(ICON[r.status], 7))} ${pad(r.id, 34)} ${pad(num(r.actual), 12)} ${pad(threshold, 16)} ${evidence}`,
    );
  }
  // a regression rule without history yet has nothing to do about it: one line for all of them
  const noBaseline = rows.filter((r) => r.status === 'warn' && r.message.startsWith('no baseline yet'));
  const problems = rows.filter(
    (r) => (r.status === 'failed' || r.status === 'error' || r.status === 'warn') && !noBaseline.includes(r),
  );
  if (problems.length) {
    lines.push('');
    for (const p of problems) {
      lines.push(`${c(color[p.status], ICON[p.status])} ${p.id}: ${p.message}`);
      lines.push(`     what to do: ${p.help}`);
    }
  }
  if (noBaseline.length)
    lines.push(
      '',
      `${c(color.warn, ICON.warn)} no baseline yet (fewer green runs in history than the rule needs; nothing to do): ${noBaseline.map((r) => r.id).join(', ')}`,
    );
  const blocked = new Map<string, string[]>();
  for (const b of g.conditions.filter(isBlocked))
    blocked.set(b.message.slice(BLOCKED.length), [...(blocked.get(b.message.slice(BLOCKED.length)) ?? []), b.id]);
  if (blocked.size) lines.push('');
  for (const [why, ids] of blocked)
    lines.push(`${c(color.error, ICON.error)} could not evaluate (${why.replace(/\.$/, '')}): ${ids.join(', ')}`);
  const notRun = g.conditions.filter((x) => x.status === 'not-run');
  if (notRun.length && !opts.showNotRun) {
    const byReason = new Map<string, string[]>();
    for (const c of notRun) byReason.set(c.message, [...(byReason.get(c.message) ?? []), c.id]);
    lines.push('');
    for (const [why, ids] of byReason) lines.push(`not run (${why}): ${ids.join(', ')}`);
  }
  for (const e of g.errors.filter((x) => !/^\w+: not run — /.test(x))) lines.push(c(35, `could not evaluate: ${e}`));
  const word =
    g.status === 'passed' ? c(32, 'PASS') : g.status === 'failed' ? c(31, 'FAIL') : c(35, 'COULD NOT EVALUATE');
  lines.push('', `GATE ${word} (profile ${g.profile}): ${g.summary} — exit ${g.exitCode}`);
  return lines.join('\n');
}
