import pino, { type Logger } from 'pino';
import { traceLogFields } from '../tracing/logFields';

export type { Logger };

/**
 * An error as a log line carries it: pino's own fields (type, message, stack, code, …) without what a
 * library hangs on it (pg-pool puts the whole connection on `client`: its settings and buffers).
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { client: _client, connection: _connection, ...rest } = pino.stdSerializers.err(error) as Record<string, unknown>;
  return rest;
}

/**
 * JSON logs on stdout, one line per event; `service` names the emitting process. A line written while a
 * traced request is served carries its `traceId` and `spanId` (when tracing is on); the request id comes
 * from the request's child logger (`logger.child({ requestId })`, in every GraphQL context).
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    mixin: traceLogFields,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  });
}
