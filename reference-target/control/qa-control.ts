/**
 * Test-data control, only in the reference target (a real store has no such routes):
 *   GET  /__qa/health            → { ok, faults, storeUrl, simulators }
 *   POST /__qa/reset             → back to the seed (sessions kept unless ?sessions=0); { ok, ms }
 *   GET  /__qa/faults            → { faults }       POST { faults: [...] } switches them
 *   GET  /__qa/digest            → { digest, tables: {name: sha256} } of all data (write detection)
 *   GET  /__qa/changes           → { changes: [...], tables: {name: rows written} } what differs from the start since the last reset
 *   POST /__qa/unlock {username} → clears a login lockout (oc_customer_login row)
 *   GET  /__qa/simulators        → recorded requests and state of every marketplace simulator
 *   POST /__qa/simulators/faults {marketplace, faults} → sets a simulator's faults
 */
import { createHash } from 'node:crypto';
import type { Reply, Req } from '../http/types.ts';
import { json, param } from '../http/types.ts';
import { FAULT_NAMES, isFaultName } from '../faults.ts';
import { ALL_TABLES } from '../db/schema.ts';
import { isMarketplace, MARKETPLACES } from '../extension/modules.ts';
import type { RunningTarget } from '../target.ts';

export function tableDigests(t: RunningTarget): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of ALL_TABLES) {
    if (table === 'oc_session' || table === 'oc_api_session') continue; // logins are not data writes
    const rows = t.app.db.all(`SELECT * FROM ${table} ORDER BY 1`);
    out[table] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}

export async function handleControl(req: Req, t: RunningTarget): Promise<Reply> {
  const path = req.url.pathname;
  if (path === '/__qa/health') {
    return json({
      ok: true,
      kind: 'reference-target',
      faults: t.app.faults.list(),
      storeUrl: t.app.storeUrl,
      simulators: t.app.simulators,
    });
  }
  if (path === '/__qa/reset' && req.method === 'POST') {
    const started = performance.now();
    await t.reset({ keepSessions: param(req.query, 'sessions') !== '0' });
    return json({ ok: true, ms: Math.round((performance.now() - started) * 10) / 10 });
  }
  if (path === '/__qa/faults') {
    if (req.method === 'POST') {
      const list = req.body.faults;
      const names = Array.isArray(list)
        ? list.map(String)
        : typeof list === 'string'
          ? list.split(',').filter(Boolean)
          : undefined;
      const unknown = names?.filter((n) => !isFaultName(n)) ?? [];
      if (!names || unknown.length) {
        return json(
          {
            error: `expected { "faults": [names] } with names from ${FAULT_NAMES.join(', ')}; found ${JSON.stringify(list)}`,
          },
          400,
        );
      }
      t.app.faults.set(names.filter(isFaultName));
    }
    return json({ faults: t.app.faults.list() });
  }
  if (path === '/__qa/digest') {
    const tables = tableDigests(t);
    return json({ digest: createHash('sha256').update(JSON.stringify(tables)).digest('hex'), tables });
  }
  if (path === '/__qa/changes') return json({ changes: t.changes(), tables: t.dataWrites() });
  if (path === '/__qa/unlock' && req.method === 'POST') {
    const username = param(req.body, 'username');
    if (!username) return json({ error: 'expected { "username": "..." }' }, 400);
    const r = t.app.db.run('DELETE FROM oc_customer_login WHERE email = $e', { e: username.toLowerCase() });
    return json({ ok: true, cleared: r.changes });
  }
  if (path === '/__qa/simulators' && req.method === 'GET') {
    return json(Object.fromEntries(MARKETPLACES.map((mp) => [mp, t.simulators.state(mp)])));
  }
  if (path === '/__qa/simulators/faults' && req.method === 'POST') {
    const mp = req.body.marketplace;
    if (!isMarketplace(mp))
      return json({ error: `expected marketplace in ${MARKETPLACES.join(', ')}; found ${JSON.stringify(mp)}` }, 400);
    t.simulators.setFaults(mp, (req.body.faults ?? {}) as Parameters<RunningTarget['simulators']['setFaults']>[1]);
    return json({ ok: true });
  }
  return json({ error: `no control route ${req.method} ${path}` }, 404);
}
