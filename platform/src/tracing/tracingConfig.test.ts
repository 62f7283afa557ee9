import { propagation, trace } from '@opentelemetry/api';
import pino from 'pino';
import { envReader } from '../config';
import { operationTracing, readTracingConfig, startTracing, traceLogFields, tracingEnabled } from '.';

const read = (env: Record<string, string>) => readTracingConfig('ioc-graph-directory', envReader(env));

describe('readTracingConfig', () => {
  it('is off unless an OTLP endpoint is set, and when the SDK or the exporter is switched off', () => {
    expect(read({})).toBeNull();
    expect(read({ OTEL_SERVICE_NAME: 'anything' })).toBeNull();
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeNull();
  });

  it("exports to the endpoint's /v1/traces, or to the traces endpoint as given, under the service's default name unless OTEL_SERVICE_NAME is set", () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      serviceName: 'ioc-graph-directory',
    });
    expect(
      read({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9000/in',
        OTEL_SERVICE_NAME: 'dir-a',
      }),
    ).toEqual({ endpoint: 'http://traces:9000/in', serviceName: 'dir-a' });
  });

  it('fails fast naming the variable when a value is malformed or asks for a protocol it does not speak', () => {
    expect(() => read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be a URL/);
    expect(() => read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be http\/json/,
    );
    expect(() => read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(
      /OTEL_TRACES_EXPORTER must be otlp or none/,
    );
  });
});

describe('startTracing without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('registers nothing: spans do not record, no trace context goes out, nothing is mounted and log lines carry no trace id', async () => {
    const tracing = await startTracing({ serviceName: 'ioc-graph-test', logger: pino({ level: 'silent' }), env: envReader({}) });
    expect(tracing.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const span = trace.getTracer('test').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    // The no-op propagator: no traceparent header would go out.
    expect(propagation.fields()).toEqual([]);
    expect(operationTracing({ continueTrace: true })).toEqual({ handlers: [], plugins: [] });
    expect(traceLogFields()).toEqual({});
    await tracing.shutdown();
  });
});
