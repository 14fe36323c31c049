/**
 * `extension/extension/module/install|uninstall&extension=<code>` as OpenCart 3 does them: GET
 * actions behind `modify` on `extension/extension`, answering the module list fragment with a
 * notice. Install records the module in `oc_extension` and grants the administrator group
 * access + modify on it; uninstall reverses both and deletes the module's settings.
 */
import type { AdminReq, App } from '../app.ts';
import type { Reply } from '../http/types.ts';
import { param } from '../http/types.ts';
import { MODULES, moduleRoute } from '../extension/modules.ts';
import { hasPermission } from './permission.ts';
import { extensionModuleFragment } from '../pages/index.ts';
import { GROUP_IDS } from '../db/seed.ts';

function editGroupPermission(app: App, route: string, add: boolean): void {
  const rows = app.db.all<{ user_group_id: number; permission: string }>(
    'SELECT user_group_id, permission FROM oc_user_group',
  );
  for (const row of rows) {
    const perm = JSON.parse(row.permission) as { access: string[]; modify: string[] };
    if (add && row.user_group_id !== GROUP_IDS.admin) continue;
    for (const kind of ['access', 'modify'] as const) {
      perm[kind] = perm[kind].filter((r) => r !== route);
      if (add) perm[kind].push(route);
    }
    app.db.run('UPDATE oc_user_group SET permission = $p WHERE user_group_id = $id', {
      p: JSON.stringify(perm),
      id: row.user_group_id,
    });
  }
}

function change(req: AdminReq, app: App, install: boolean): Reply {
  if (!hasPermission(req.user, 'modify', 'extension/extension')) {
    return extensionModuleFragment(req, app, { error: 'Warning: You do not have permission to modify extensions!' });
  }
  const code = param(req.query, 'extension') ?? '';
  const module = MODULES.find((m) => m.code === code);
  if (!module)
    return extensionModuleFragment(req, app, {
      error: `Warning: unknown module ${JSON.stringify(code).slice(0, 60)}.`,
    });
  app.db.transaction(() => {
    if (install) {
      app.db.run(`INSERT INTO oc_extension (type, code) VALUES ('module', $c) ON CONFLICT (type, code) DO NOTHING`, {
        c: code,
      });
    } else {
      app.db.run(`DELETE FROM oc_extension WHERE type = 'module' AND code = $c`, { c: code });
      app.db.run('DELETE FROM oc_setting WHERE code = $c', { c: `module_${code}` });
    }
    editGroupPermission(app, moduleRoute(code), install);
  });
  return extensionModuleFragment(req, app, {
    success: `Success: You have ${install ? 'installed' : 'uninstalled'} ${module.title}!`,
  });
}

export const installModule = (req: AdminReq, app: App): Reply => change(req, app, true);
export const uninstallModule = (req: AdminReq, app: App): Reply => change(req, app, false);
