import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logging/logger';

/**
 * Logs the unexpected errors that createFormatError turns into INTERNAL (pass `log` as its `onInternal`)
 * on the logger of the request that met them, so that the line carries the request id (and the trace
 * id). Apollo calls formatError without the request's context: the plugin notes each error's request
 * logger when the request meets it (didEncounterErrors runs before the errors are formatted). An error
 * met outside a request is logged on `fallback`.
 */
export function internalErrorLog<Context extends BaseContext & { logger: Logger }>(fallback: Logger, message: string) {
  const loggers = new WeakMap<object, Logger>();
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (typeof original === 'object' && original !== null) loggers.set(original, contextValue.logger);
          }
        },
      };
    },
  };
  const log = (error: unknown) => {
    const logger = typeof error === 'object' && error !== null ? loggers.get(error) : undefined;
    (logger ?? fallback).error({ err: error }, message);
  };
  return { plugin, log };
}
