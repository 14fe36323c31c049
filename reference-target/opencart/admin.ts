/**
 * The admin front controller (`/admin/index.php?route=...`): session start-up, the login and
 * `user_token` check, the access permission check, then dispatch — in OpenCart 3's order.
 */
import type { AdminReq, AdminUser, App, SessionData } from '../app.ts';
import type { Handler, Reply, Req } from '../http/types.ts';
import { param } from '../http/types.ts';
import { isSessionId, loadSession, newSessionId, saveSession, sessionCookie } from './session.ts';
import { login, loginForm, logout } from './login.ts';
import { hasPermission, PERMISSION_IGNORE, permissionKey } from './permission.ts';
import { notFoundPage, permissionPage } from '../pages/index.ts';
import { applyApiFaults } from '../extension/controllers/faults.ts';

export type AdminHandler = (req: AdminReq, app: App) => Reply | Promise<Reply>;

const NO_LOGIN = ['common/login', 'common/forgotten', 'common/reset'];
const NO_TOKEN = [...NO_LOGIN, 'common/logout', 'error/not_found', 'error/permission'];

/** OpenCart strips everything but letters, digits, `_` and `/` from the route. */
export function cleanRoute(raw: string | undefined): string {
  return (raw ?? 'common/dashboard').replace(/[^a-zA-Z0-9_/]/g, '') || 'common/dashboard';
}

function loadUser(app: App, userId: number | undefined): AdminUser | undefined {
  if (!userId) return undefined;
  const row = app.db.get<{ user_id: number; username: string; user_group_id: number; permission: string }>(
    `SELECT u.user_id, u.username, u.user_group_id, g.permission FROM oc_user u
     JOIN oc_user_group g ON g.user_group_id = u.user_group_id WHERE u.user_id = $id AND u.status = 1`,
    { id: userId },
  );
  if (!row) return undefined;
  const perm = JSON.parse(row.permission) as { access?: string[]; modify?: string[] };
  return {
    userId: row.user_id,
    username: row.username,
    userGroupId: row.user_group_id,
    access: perm.access ?? [],
    modify: perm.modify ?? [],
  };
}

export function createAdmin(app: App, routes: ReadonlyMap<string, AdminHandler>): Handler {
  return async (req: Req): Promise<Reply> => {
    const now = app.now();
    const cookieId = req.cookies.OCSESSID;
    const sessionId = isSessionId(cookieId) ? cookieId : newSessionId();
    const session: SessionData = loadSession(app.db, sessionId, now) ?? {};
    const out = await route(req, app, routes, sessionId, session);
    saveSession(app.db, sessionId, session, now);
    if (cookieId !== sessionId) {
      const existing = out.headers['set-cookie'];
      out.headers['set-cookie'] = [
        ...(Array.isArray(existing) ? existing : existing ? [existing] : []),
        sessionCookie(sessionId),
      ];
    }
    return out;
  };
}

async function route(
  req: Req,
  app: App,
  routes: ReadonlyMap<string, AdminHandler>,
  sessionId: string,
  session: SessionData,
): Promise<Reply> {
  const routeName = cleanRoute(param(req.query, 'route'));
  if (routeName === 'common/login') return login(req, app, session);

  const user = loadUser(app, session.user_id);
  if (!user && !NO_LOGIN.includes(routeName)) return loginForm(req, app, session);
  const token = param(req.query, 'user_token');
  if (!NO_TOKEN.includes(routeName) && (!token || !session.user_token || token !== session.user_token)) {
    return loginForm(req, app, session);
  }
  if (routeName === 'common/logout') return logout(req, app, session);

  const adminReq: AdminReq = { ...req, route: routeName, sessionId, session, user: user!, token: session.user_token! };
  if (!PERMISSION_IGNORE.includes(routeName) && !hasPermission(user!, 'access', permissionKey(routeName))) {
    return permissionPage(adminReq, app);
  }
  // module-missing: as if the N11 controller file were absent from the store (a partly installed extension)
  // Stryker disable next-line all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
  const missing = app.faults.has('module-missing') && /^extension\/module\/n11(\/|$)/.test(routeName);
  const handler = missing ? undefined : routes.get(routeName);
  if (!handler) return notFoundPage(adminReq, app);
  return applyApiFaults(adminReq, app, () => handler(adminReq, app));
}
