import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { EnvReader } from '../config/env';
import type { Logger } from '../logging/logger';
import { setTracingEnabled, tracingEnabled } from './tracingState';
import { maskSqlConstants } from './sqlText';
import { readTracingConfig } from './tracingConfig';

/** The tracing of one process, started by {@link startTracing}. */
export interface Tracing {
  /** Whether spans are recorded and exported (OTEL_EXPORTER_OTLP_ENDPOINT was set). */
  enabled: boolean;
  /** Exports what is still queued (for at most {@link SHUTDOWN_MS}) and stops; nothing when disabled. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** The service name when OTEL_SERVICE_NAME is unset: `ioc-graph-gateway`, `ioc-graph-directory`, … */
  serviceName: string;
  /** Where the SDK's own errors go (a collector that cannot be reached), at most once per {@link PROBLEM_INTERVAL_MS}. */
  logger: Logger;
  /** @default the process environment */
  env?: EnvReader;
  /**
   * Where the batches of spans go. @default OTLP/HTTP JSON to the configured endpoint. Tests in jest pass
   * their own: the OTLP exporter loads `node:http` with a dynamic import, which jest's module sandbox refuses.
   */
  exporter?: SpanExporter;
}

/** How long a stopping process waits for its last spans to reach a collector. */
const SHUTDOWN_MS = 3_000;
/** A collector that is down fails every batch: one log line per minute says so. */
const PROBLEM_INTERVAL_MS = 60_000;

const DISABLED: Tracing = { enabled: false, shutdown: async () => undefined };

/**
 * Starts OpenTelemetry tracing for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set (see
 * readTracingConfig); otherwise loads none of the SDK and returns a disabled {@link Tracing}, and the
 * services touch nothing but the no-op API. Call it once, before any server is built: it registers the
 * global tracer provider, the AsyncLocalStorage context manager and the W3C `traceparent` propagator,
 * and the pg instrumentation (a span per SQL statement sent while serving a traced request, its text
 * with every constant masked: see maskSqlConstants).
 *
 * Spans are exported in batches (BatchSpanProcessor: OTEL_BSP_MAX_QUEUE_SIZE, 2048 by default, beyond
 * which new spans are dropped), so a collector that is slow or down never delays a request nor grows the
 * process's memory. Throws a ConfigError naming the variable when an OTEL_* value is malformed.
 */
export async function startTracing(options: StartTracingOptions): Promise<Tracing> {
  const config = readTracingConfig(options.serviceName, options.env);
  if (!config) {
    options.logger.debug('tracing off: OTEL_EXPORTER_OTLP_ENDPOINT is not set');
    return DISABLED;
  }
  if (tracingEnabled()) throw new Error('tracing is already started in this process');
  // Loaded only now: a process that does not trace never loads the SDK.
  const [
    { NodeTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    resources,
    { registerInstrumentations },
    { PgInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  diag.setLogger(occasionalLogger(options.logger), { logLevel: DiagLogLevel.ERROR, suppressOverrideMessage: true });
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the env detector) win over the service's default name.
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': config.serviceName }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  await resource.waitForAsyncAttributes?.();
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(options.exporter ?? new OTLPTraceExporter({ url: config.endpoint }))],
  });
  provider.register();
  // Without a parent, a statement is background work (the outbox relay's polls): no trace of its own.
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new PgInstrumentation({
        requireParentSpan: true,
        // The statement's shape, not its values (the ORM writes them into the text).
        requestHook: (span, { query }) => span.setAttribute('db.query.text', maskSqlConstants(query.text)),
      }),
    ],
  });
  // The platform loads pg before tracing starts; the instrumentation patches it when it is required
  // again, which happens here rather than whenever the ORM first connects.
  await import('pg');
  setTracingEnabled(true);
  options.logger.info({ endpoint: config.endpoint, serviceName: config.serviceName }, 'tracing on: exporting spans over OTLP/HTTP');
  return {
    enabled: true,
    async shutdown() {
      setTracingEnabled(false);
      unregister();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_MS).unref()));
      const flushed = provider
        .shutdown()
        .catch((error: unknown) => options.logger.warn({ err: error }, 'tracing: the last spans could not be exported'));
      await Promise.race([flushed, late]);
      clearTimeout(timer);
    },
  };
}

/**
 * The SDK's diagnostics (its global error handler reports failed exports there) as a warning in the
 * service's log: the first at once, then at most one per {@link PROBLEM_INTERVAL_MS} with the number
 * left out since.
 */
function occasionalLogger(logger: Logger): DiagLogger {
  let last = -Infinity;
  let skipped = 0;
  const report = (message: string) => {
    const now = Date.now();
    if (now - last < PROBLEM_INTERVAL_MS) return void skipped++;
    logger.warn({ detail: message, skipped }, 'tracing: spans could not be exported or the SDK failed; traces are incomplete');
    last = now;
    skipped = 0;
  };
  const ignore = () => undefined;
  return { error: report, warn: report, info: ignore, debug: ignore, verbose: ignore };
}
