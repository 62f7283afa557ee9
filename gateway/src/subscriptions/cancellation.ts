/**
 * Waits a subscription stream can give up: when it stops (an AbortSignal: its last subscriber went) or past a deadline.
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
