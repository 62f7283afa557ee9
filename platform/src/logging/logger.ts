import pino, { type Logger } from 'pino';

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

/** JSON logs on stdout, one line per event; `service` names the emitting process. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  });
}
