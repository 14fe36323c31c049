/** `marketplace/extension` (the Extensions page) and the module list it loads into `#extension`. */
import type { AdminReq, App } from '../app.ts';
import { getSetting } from '../extension/models/settings.ts';
import { MODULES, moduleRoute } from '../extension/modules.ts';
import { html, type Reply } from '../http/types.ts';
import { adminLink, renderPage } from './layout.ts';
import { installedModules } from './queries.ts';

/** `route=marketplace/extension&type=module`: `<h1>` Extensions; the list loads by script into `#extension`. */
export function extensionListPage(req: AdminReq, app: App): Reply {
  const crumbs = [{ label: 'Extensions', href: adminLink('marketplace/extension', req.token) }];
  const installed = installedModules(app.db);
  const count = MODULES.filter((m) => installed.has(m.code)).length;
  return renderPage(
    app,
    req,
    'marketplace/extension.twig',
    { title: 'Extensions', breadcrumbs: crumbs },
    {
      heading_title: 'Extensions',
      type: 'module',
      categories: [
        { code: 'module', text: `Modules (${count})`, href: adminLink('extension/extension/module', req.token) },
      ],
    },
  );
}

export interface ExtensionRow {
  code: string;
  name: string;
  installed: boolean;
  status: string;
  edit: string;
  install: string;
  uninstall: string;
}

export function extensionRows(req: AdminReq, app: App): ExtensionRow[] {
  const installed = installedModules(app.db);
  return MODULES.map((m) => {
    const isInstalled = installed.has(m.code);
    const enabled = getSetting(app.db, `module_${m.code}_status`) === '1';
    return {
      code: m.code,
      name: m.title,
      installed: isInstalled,
      status: isInstalled ? (enabled ? 'Enabled' : 'Disabled') : '',
      edit: adminLink(moduleRoute(m.code), req.token),
      install: adminLink('extension/extension/module/install', req.token, { extension: m.code }),
      uninstall: adminLink('extension/extension/module/uninstall', req.token, { extension: m.code }),
    };
  });
}

/**
 * `route=extension/extension/module`: the HTML fragment with `<legend>Modules</legend>` and one row per
 * MesChain-Sync module (installed: Edit + Uninstall; not installed: Install). The install/uninstall
 * actions answer this same fragment with a `success` or `error` notice, like OpenCart.
 */
export function extensionModuleFragment(
  req: AdminReq,
  app: App,
  notice: { success?: string; error?: string } = {},
): Reply {
  return html(
    app.render('extension/extension/module.twig', {
      success: notice.success ?? '',
      error: notice.error ?? '',
      extensions: extensionRows(req, app),
    }),
  );
}
