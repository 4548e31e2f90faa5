/** Counting semaphores: a global limit on requests in flight and one per host. */

/** Runs tasks with at most `limit` of them in flight; the rest wait in order. */
export class Limiter {
  readonly limit: number;
  #active = 0;
  #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}

/** One limiter per key (a host), created on first use and dropped when idle is not needed: hosts are few. */
export class KeyedLimiter {
  readonly #limit: number;
  readonly #byKey = new Map<string, Limiter>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let limiter = this.#byKey.get(key);
    if (!limiter) {
      limiter = new Limiter(this.#limit);
      this.#byKey.set(key, limiter);
    }
    return limiter.run(task);
  }
}
