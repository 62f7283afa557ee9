import { ConfigError, envReader, type EnvReader } from '../config/env';

/** Where and as what a process exports its traces. */
export interface TracingConfig {
  /** OTEL_SERVICE_NAME, or the service's own default (`ioc-graph-gateway`, `ioc-graph-directory`, …). */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, or OTEL_EXPORTER_OTLP_ENDPOINT with `/v1/traces` added. */
  endpoint: string;
}

/**
 * Reads the standard OTEL_* variables that decide whether this process traces: only with
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, and neither OTEL_SDK_DISABLED=true
 * nor OTEL_TRACES_EXPORTER=none. Returns null when it does not. Spans go out as OTLP/HTTP JSON: another
 * OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL is refused at start, naming the variable. The exporter, the batch
 * processor and the sampler read their own variables (OTEL_TRACES_SAMPLER, OTEL_BSP_*, …) themselves.
 */
export function readTracingConfig(defaultServiceName: string, env: EnvReader = envReader()): TracingConfig | null {
  if (env.bool('OTEL_SDK_DISABLED', false)) return null;
  const exporter = env.optional('OTEL_TRACES_EXPORTER') ?? 'otlp';
  if (exporter === 'none') return null;
  if (exporter !== 'otlp') throw new ConfigError('OTEL_TRACES_EXPORTER', `must be otlp or none, got "${exporter}"`);
  const tracesEndpoint = env.optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = env.optional('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (tracesEndpoint === undefined && endpoint === undefined) return null;
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const protocol = env.optional(name);
    if (protocol !== undefined && protocol !== 'http/json') {
      throw new ConfigError(name, `must be http/json (the only protocol this build exports), got "${protocol}"`);
    }
  }
  return {
    serviceName: env.string('OTEL_SERVICE_NAME', defaultServiceName),
    endpoint:
      tracesEndpoint !== undefined ? env.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') : signalUrl(env.url('OTEL_EXPORTER_OTLP_ENDPOINT')),
  };
}

/** The traces URL under a base endpoint, as the OTLP exporters make it. */
function signalUrl(base: string): string {
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
