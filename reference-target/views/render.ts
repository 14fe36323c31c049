/**
 * Twig view renderer of the reference target (npm `twig`, synchronous file loader).
 * Autoescape is ON: every `{{ value }}` is HTML-escaped unless it comes from the
 * `json_script` filter, which emits JSON that is safe inside `<script type="application/json">`.
 * Compiled templates are cached per template name for the life of the renderer.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export const VIEWS_DIR = import.meta.dirname;

interface TwigTemplate {
  render(context: Record<string, unknown>): string;
}

interface TwigModule {
  twig(params: { path: string; base: string; async: false; autoescape: boolean; rethrow: boolean }): TwigTemplate;
  extendFilter(name: string, fn: (value: unknown) => unknown): void;
}

const require = createRequire(import.meta.url);
const Twig = require('twig') as TwigModule;

/**
 * JSON for embedding in a `<script type="application/json">` element: `<`, `>`, `&` and the
 * two JavaScript line terminators are escaped so no value can close the element or start markup.
 */
export function safeJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Marks a string as already safe for twig.js's autoescaper (what its `raw` filter does). */
function markup(s: string): string {
  return Object.assign(new String(s), { twigMarkup: true }) as unknown as string;
}

Twig.extendFilter('json_script', (value) => markup(safeJson(value)));

export type Renderer = (template: string, data: Record<string, unknown>) => string;

/** Template names are relative to views/, e.g. `common/login.twig`; `..` is refused. */
export function createRenderer(viewsDir: string = VIEWS_DIR): Renderer {
  const cache = new Map<string, TwigTemplate>();
  return (template, data) => {
    let compiled = cache.get(template);
    if (!compiled) {
      if (!/^[a-z0-9_/]+\.twig$/.test(template) || template.includes('..')) {
        throw new Error(`expected a template name like "common/login.twig"; found ${JSON.stringify(template)}`);
      }
      compiled = Twig.twig({
        path: resolve(viewsDir, template),
        base: viewsDir,
        async: false,
        autoescape: true,
        rethrow: true,
      });
      cache.set(template, compiled);
    }
    return compiled.render(data);
  };
}
