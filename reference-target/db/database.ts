/** Opens the target's embedded database (node:sqlite) and offers small typed helpers. */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { SCHEMA_SQL } from './schema.ts';

export type Row = Record<string, SQLInputValue>;
export type Params = Record<string, SQLInputValue>;

/** The table a write statement changes (INSERT/REPLACE INTO t, UPDATE t, DELETE FROM t). */
const WRITTEN_TABLE =
  /^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(\w+)/i;

export class Database {
  readonly raw: DatabaseSync;
  #statements = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  /** rows changed per table since the last `forgetWrites()` (what a test left behind) */
  #writes = new Map<string, number>();

  constructor(path: string) {
    this.raw = new DatabaseSync(path);
    this.raw.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;');
    this.raw.exec(SCHEMA_SQL);
  }

  #stmt(sql: string) {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      s.setAllowUnknownNamedParameters(true);
      this.#statements.set(sql, s);
    }
    return s;
  }

  all<T = Row>(sql: string, params: Params = {}): T[] {
    return this.#stmt(sql).all(params) as T[];
  }

  get<T = Row>(sql: string, params: Params = {}): T | undefined {
    return this.#stmt(sql).get(params) as T | undefined;
  }

  run(sql: string, params: Params = {}): { changes: number; lastInsertRowid: number } {
    const r = this.#stmt(sql).run(params);
    const changes = Number(r.changes);
    if (changes > 0) {
      const table = WRITTEN_TABLE.exec(sql)?.[1] ?? '(unknown table)';
      this.#writes.set(table, (this.#writes.get(table) ?? 0) + changes);
    }
    return { changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /** Rows changed per table since the last `forgetWrites()`. */
  writes(): Record<string, number> {
    return Object.fromEntries([...this.#writes].sort(([a], [b]) => a.localeCompare(b)));
  }

  forgetWrites(): void {
    this.#writes.clear();
  }

  /** Runs `fn` in one transaction; rolls back on any throw. Not re-entrant. */
  transaction<T>(fn: () => T): T {
    this.raw.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      this.raw.exec('COMMIT');
      return out;
    } catch (err) {
      this.raw.exec('ROLLBACK');
      throw err;
    }
  }

  close(): void {
    this.raw.close();
  }
}
