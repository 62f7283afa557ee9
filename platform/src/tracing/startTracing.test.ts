import { propagation, SpanKind } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { envReader } from '../config';
import { requestId } from '../server/ops';
import { injectTraceContext, operationTracing, startTracing, traceLogFields, withClientSpan, type Tracing } from '.';

/**
 * The platform's spans in one process, without the hub: an express app with the request id and the
 * operation span mounted as the services mount them, and a client span inside. The SDK is global: this
 * file starts it once (jest gives each test file its own globals). gateway/test/tracing.test.ts proves
 * the OTLP export and the propagation across processes.
 */
describe('startTracing with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let tracing: Tracing;
  const exported: ReadableSpan[] = [];
  const exporter: SpanExporter = {
    export: (spans, done) => {
      exported.push(...spans);
      done({ code: 0 });
    },
    shutdown: async () => undefined,
  };
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { mixin: traceLogFields },
    new Writable({ write: (chunk: Buffer, _encoding, done) => done(void lines.push(JSON.parse(chunk.toString()))) }),
  );

  /** Serves one request through `handlers` (with the request id first), a client span and a log line inside. */
  async function serve(handlers: express.RequestHandler[], headers: Record<string, string>) {
    const sent = new Map<string, string>();
    const app = express();
    app.use(requestId);
    app.post('/graphql', ...handlers, async (_req, res) => {
      await withClientSpan('subgraph probe', { 'ioc_graph.subgraph': 'probe' }, async () => {
        injectTraceContext(sent);
        logger.info('inside the request');
      });
      res.json({ data: {} });
    });
    const server = createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers });
      expect(response.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    return sent;
  }

  const caller = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) };
  const traceparent = `00-${caller.traceId}-${caller.spanId}-01`;
  let sent: Map<string, string>;
  let enabled: boolean;
  let fields: string[];

  // Both requests, then the shutdown that exports every span left: the tests read what was exported.
  beforeAll(async () => {
    const env = envReader({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    tracing = await startTracing({ serviceName: 'ioc-graph-test', logger, env, exporter });
    enabled = tracing.enabled;
    fields = propagation.fields();
    const subgraph = operationTracing({ continueTrace: true, attributes: { 'ioc_graph.subgraph': 'test' } });
    sent = await serve(subgraph.handlers, { 'x-request-id': 'continued', traceparent });
    const gateway = operationTracing({ continueTrace: false });
    await serve(gateway.handlers, { 'x-request-id': 'edge', traceparent });
    await tracing.shutdown();
  });
  const spansOf = (requestIdValue: string) => {
    const operation = exported.find((s) => s.kind === SpanKind.SERVER && s.attributes['ioc_graph.request_id'] === requestIdValue)!;
    const client = exported.find((s) => s.kind === SpanKind.CLIENT && s.spanContext().traceId === operation.spanContext().traceId)!;
    return { operation, client };
  };

  it('continues the caller’s trace when asked, parents the client span on the operation, sends its context and logs its ids', async () => {
    expect(enabled).toBe(true);
    expect(fields).toEqual(expect.arrayContaining(['traceparent']));
    const { operation, client } = spansOf('continued');
    expect(operation.resource.attributes['service.name']).toBe('ioc-graph-test');
    expect(operation.spanContext().traceId).toBe(caller.traceId);
    expect(operation.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(operation.attributes).toMatchObject({ 'ioc_graph.subgraph': 'test', 'http.response.status_code': 200 });
    expect(client.name).toBe('subgraph probe');
    expect(client.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    expect(sent.get('traceparent')).toBe(`00-${caller.traceId}-${client.spanContext().spanId}-01`);
    expect(lines.find((l) => l.msg === 'inside the request' && l.traceId === caller.traceId)).toMatchObject({
      spanId: client.spanContext().spanId,
    });
  });

  it('starts a trace of its own when told not to continue the caller’s (the gateway, at the edge)', () => {
    const { operation, client } = spansOf('edge');
    expect(operation.spanContext().traceId).not.toBe(caller.traceId);
    expect(operation.parentSpanContext).toBeUndefined();
    expect(client.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
  });
});
