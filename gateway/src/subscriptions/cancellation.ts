/**
 * Waits a subscriber's stream can give up: when its client goes (an AbortSignal) or past a deadline.
 */

export const ABORTED = Symbol('aborted');
export const TIMED_OUT = Symbol('timed out');

/** Settles with `promise`, or with ABORTED when `signal` aborts, or with TIMED_OUT after `ms`. */
export function within<T>(promise: Promise<T>, signal: AbortSignal, ms: number): Promise<T | typeof ABORTED | typeof TIMED_OUT> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
    };
    const aborted = () => (done(), resolve(ABORTED));
    const timer = setTimeout(() => (done(), resolve(TIMED_OUT)), Math.max(0, ms));
    signal.addEventListener('abort', aborted, { once: true });
    promise.then(
      (value) => (done(), resolve(value)),
      (error: unknown) => (done(), reject(error)),
    );
  });
}

/**
 * An async generator whose `return()` (the client went away) first aborts `signal`: a generator
 * suspended in an `await` would otherwise end only once that wait is over, e.g. at the next event.
 */
export function cancellable<T>(run: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const generator = run(controller.signal);
  const iterator: AsyncIterableIterator<T> = {
    next: () => generator.next(),
    return: (value?: unknown) => (controller.abort(), generator.return(value)),
    throw: (error?: unknown) => (controller.abort(), generator.throw(error)),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
