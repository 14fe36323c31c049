/**
 * The storefront front controller (`/index.php?route=...`): the catalog API (`api/login` with
 * key + IP allowlist, API sessions with `api_token`) and the extension's public webhook.
 */
import type { App } from '../app.ts';
import type { Handler, Reply, Req } from '../http/types.ts';
import { json, param } from '../http/types.ts';
import { newSessionId } from './session.ts';
import { sqlDate } from '../db/seed.ts';
import { handleTrendyolWebhook } from '../extension/webhook.ts';
import { cleanRoute } from './admin.ts';
import { dashboardMetrics } from '../extension/models/dashboard.ts';

const API_IDLE_MS = 3600_000;

function apiLogin(req: Req, app: App): Reply {
  const username = param(req.body, 'username') ?? '';
  const key = param(req.body, 'key') ?? '';
  const api = app.db.get<{ api_id: number }>(
    'SELECT api_id FROM oc_api WHERE username = $u AND key = $k AND status = 1',
    { u: username, k: key },
  );
  if (!api) return json([]);
  const allowed = app.db.get('SELECT 1 FROM oc_api_ip WHERE api_id = $id AND ip = $ip', { id: api.api_id, ip: req.ip });
  if (!allowed) {
    return json({ error: { ip: `Warning: Your IP ${req.ip} is not allowed to access this API!` } });
  }
  const token = newSessionId();
  const now = sqlDate(app.now());
  app.db.run(
    `INSERT INTO oc_api_session (api_id, session_id, ip, date_added, date_modified) VALUES ($a, $s, $ip, $now, $now)`,
    { a: api.api_id, s: token, ip: req.ip, now },
  );
  return json({ success: 'Success: API session successfully started!', api_token: token });
}

/** Every `api/*` route other than login needs a live `api_token` (idle < 1 h) from an allowed IP. */
function apiSession(req: Req, app: App): boolean {
  const token = param(req.query, 'api_token') ?? '';
  const s = app.db.get<{ api_session_id: number; date_modified: string; ip: string }>(
    'SELECT api_session_id, date_modified, ip FROM oc_api_session WHERE session_id = $t',
    { t: token },
  );
  if (!s || s.ip !== req.ip || s.date_modified < sqlDate(new Date(app.now().getTime() - API_IDLE_MS))) return false;
  app.db.run('UPDATE oc_api_session SET date_modified = $now WHERE api_session_id = $id', {
    id: s.api_session_id,
    now: sqlDate(app.now()),
  });
  return true;
}

const API_DENIED = { error: { warning: 'Warning: You do not have permission to access the API!' } };

export function createCatalog(app: App): Handler {
  return (req: Req): Reply => {
    const route = cleanRoute(param(req.query, 'route') ?? 'common/home');
    if (route === 'extension/module/trendyol_webhook') return handleTrendyolWebhook(req, app);
    if (route === 'api/login') return apiLogin(req, app);
    if (route.startsWith('api/')) {
      if (!apiSession(req, app)) return json(API_DENIED);
      if (route === 'api/meschain/status') {
        const m = dashboardMetrics(app.db, app.now());
        return json({
          success: 'MesChain-Sync is installed.',
          marketplaces: m.marketplaces.map((x) => ({ marketplace: x.marketplace, enabled: x.enabled })),
        });
      }
      return json({ error: { warning: `Warning: API route ${route} does not exist.` } });
    }
    return json({ error: 'The reference target has no storefront; see /admin/.' }, 404);
  };
}
