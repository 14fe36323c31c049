/**
 * Asynchronous marketplace tasks (Trendyol batch requests, Hepsiburada tracking ids and
 * listing uploads): the work is done when the task is created, but like the real services the
 * first status poll still says "in progress"; every later poll gives the result.
 */
export interface TaskPoll<T> {
  done: boolean;
  result: T;
  polls: number;
}

export class AsyncTasks<T> {
  #tasks = new Map<string, { result: T; polls: number }>();
  #next = 1;
  readonly #idPrefix: string;

  /** `idPrefix` distinguishes the id spaces of different task types of one simulator. */
  constructor(idPrefix: string) {
    this.#idPrefix = idPrefix;
  }

  /** Deterministic, UUID-shaped ids: the n-th task since the last reset gets the same id every run. */
  create(result: T): string {
    const n = this.#next++;
    const id = `${this.#idPrefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
    this.#tasks.set(id, { result, polls: 0 });
    return id;
  }

  poll(id: string): TaskPoll<T> | undefined {
    const t = this.#tasks.get(id);
    if (!t) return undefined;
    t.polls++;
    return { done: t.polls > 1, result: t.result, polls: t.polls };
  }

  clear(): void {
    this.#tasks.clear();
    this.#next = 1;
  }
}
