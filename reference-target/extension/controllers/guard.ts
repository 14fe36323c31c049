/**
 * What every extension action checks before it acts, written once: POST for state changes,
 * the `modify` permission (OpenCart's wording), and field-keyed validation errors.
 */
import type { AdminReq, App } from '../../app.ts';
import type { Reply } from '../../http/types.ts';
import { json } from '../../http/types.ts';
import { hasPermission } from '../../opencart/permission.ts';
import { moduleRoute, moduleTitle } from '../modules.ts';

export function postOnly(req: AdminReq): Reply | undefined {
  if (req.method === 'POST') return undefined;
  return json({ error: `Warning: ${req.route} changes data and only accepts POST; found ${req.method}.` }, 405, {
    allow: 'POST',
  });
}

export function modifyDenied(req: AdminReq, app: App, module: string): Reply | undefined {
  // Stryker disable next-line all: fault switch: off in every run the suites make (a store has no fault switches); each one switched on is proven red by its canary
  if (app.faults.has('authz-bypass')) return undefined;
  if (hasPermission(req.user, 'modify', moduleRoute(module))) return undefined;
  return json({ error: `Warning: You do not have permission to modify ${moduleTitle(module)}!` });
}

/** POST + modify: the gate in front of every state-changing action. */
export function guardChange(req: AdminReq, app: App, module: string): Reply | undefined {
  return postOnly(req) ?? modifyDenied(req, app, module);
}

export type FieldErrors = Record<string, string>;

/** Collects field-keyed errors while reading parameters. */
export class Fields {
  readonly errors: FieldErrors = {};
  readonly source: Record<string, unknown>;
  constructor(source: Record<string, unknown>) {
    this.source = source;
  }

  #fail(name: string, message: string): undefined {
    this.errors[name] ??= message;
    return undefined;
  }

  string(
    name: string,
    opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; hint?: string } = {},
  ): string | undefined {
    const v = this.source[name];
    if (v === undefined || v === '') return opts.required ? this.#fail(name, `${name} is required`) : undefined;
    if (typeof v !== 'string') return this.#fail(name, `${name} must be a single text value`);
    const min = opts.min ?? 0,
      max = opts.max ?? 255;
    if (v.length < min || v.length > max)
      return this.#fail(name, `${name} must be ${min}-${max} characters; got ${v.length}`);
    if (opts.pattern && !opts.pattern.test(v))
      return this.#fail(name, `${name} must be ${opts.hint ?? `like ${opts.pattern}`}`);
    return v;
  }

  int(
    name: string,
    opts: { required?: boolean; min?: number; max?: number; fallback?: number } = {},
  ): number | undefined {
    const v = this.source[name];
    if (v === undefined || v === '') return opts.required ? this.#fail(name, `${name} is required`) : opts.fallback;
    if (typeof v !== 'string' && typeof v !== 'number') return this.#fail(name, `${name} must be a whole number`);
    if (!/^-?\d{1,12}$/.test(String(v)))
      return this.#fail(name, `${name} must be a whole number; got ${JSON.stringify(v).slice(0, 40)}`);
    const n = Number(v);
    const min = opts.min ?? Number.MIN_SAFE_INTEGER,
      max = opts.max ?? Number.MAX_SAFE_INTEGER;
    if (n < min || n > max) return this.#fail(name, `${name} must be between ${min} and ${max}; got ${n}`);
    return n;
  }

  decimal(name: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = this.source[name];
    if (v === undefined || v === '') return opts.required ? this.#fail(name, `${name} is required`) : undefined;
    if ((typeof v !== 'string' && typeof v !== 'number') || !/^\d{1,9}(\.\d{1,2})?$/.test(String(v))) {
      return this.#fail(name, `${name} must be a decimal number with at most 2 decimals`);
    }
    const n = Number(v);
    if (n < (opts.min ?? 0) || n > (opts.max ?? 1e9))
      return this.#fail(name, `${name} must be between ${opts.min ?? 0} and ${opts.max ?? 1e9}`);
    return n;
  }

  oneOf<T extends string>(
    name: string,
    values: readonly T[],
    opts: { required?: boolean; fallback?: T } = {},
  ): T | undefined {
    const v = this.source[name];
    if (v === undefined || v === '') return opts.required ? this.#fail(name, `${name} is required`) : opts.fallback;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      return this.#fail(name, `${name} must be one of ${values.join(', ')}`);
    return v as T;
  }

  date(name: string, opts: { required?: boolean; fallback?: string } = {}): string | undefined {
    const v = this.string(name, { required: opts.required, pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'a date YYYY-MM-DD' });
    if (v === undefined) return this.errors[name] ? undefined : opts.fallback;
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
      return this.#fail(name, `${name} must be a real calendar date`);
    return v;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  reply(): Reply {
    return json({ error: this.errors });
  }
}
