/** Options of {@link eventually}. */
export interface EventuallyOptions {
  /** How long to keep trying, in ms. @default 30_000 (sized for a busy 2-core machine) */
  timeout?: number;
  /** Pause between tries, in ms. @default 25 */
  interval?: number;
  /** What is awaited, for the timeout's message. */
  what?: string;
}

/**
 * Waits on a condition instead of a fixed sleep: calls `check` until it returns a truthy value (returned)
 * or stops throwing (an `expect` inside it). After `timeout` it rejects with the last error, or with
 * what was awaited.
 */
export async function eventually<T>(check: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<NonNullable<T>> {
  const { timeout = 30_000, interval = 25, what = 'a condition' } = options;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last ?? new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Asks `read` again and again until `changed` holds for what it answers, and resolves to how long after
 * `since` (ms) the last request that still got the old answer was sent: a request sent later than that
 * got the change. Measured from when each request was sent, so that a slow answer on a busy machine
 * does not count as staleness.
 */
export async function staleFor<T>(
  read: () => Promise<T>,
  changed: (value: T) => boolean,
  since: number,
  options: EventuallyOptions = {},
): Promise<number> {
  let lastStale = since;
  await eventually(
    async () => {
      const sentAt = Date.now();
      if (changed(await read())) return true;
      lastStale = sentAt;
      return false;
    },
    { timeout: 10_000, interval: 10, ...options },
  );
  return lastStale - since;
}
