import type { Logger } from '../logging';

export type Stop = () => Promise<void>;

/**
 * Stops a process in order on SIGINT or SIGTERM: the stops run last-registered first (the gateway
 * before the subgraphs, the subgraphs before their database), then the process exits with 0, or
 * with 1 when a stop failed. Returns `register`, to add a stop once its service has started, and
 * `shutdown`, to stop everything from code (after a failed start, say).
 */
export function stopOnSignals(logger: Logger, first: Stop[] = []) {
  const stops = [...first];
  let stopping: Promise<never> | undefined;
  const shutdown = (code: number): Promise<never> => {
    stopping ??= (async () => {
      let exitCode = code;
      for (const stop of stops.reverse()) {
        await stop().catch((error: unknown) => {
          exitCode = 1;
          logger.error({ err: error }, 'error while stopping');
        });
      }
      process.exit(exitCode);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping');
      void shutdown(0);
    });
  }
  return { register: (stop: Stop) => void stops.push(stop), shutdown };
}
