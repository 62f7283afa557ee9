import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { tracingEnabled } from './tracingState';

/** The tracer of ioc-graph's own spans (the operations, the subgraph fetches). */
export const tracer = () => trace.getTracer('ioc-graph');

/**
 * Runs `work` inside a new CLIENT span, active for whatever `work` calls, when tracing is on; when it is
 * off, runs `work` alone (with no span). The span ends when `work` settles, with status ERROR and the
 * exception recorded when it throws (rethrown as it is).
 */
export function withClientSpan<T>(name: string, attributes: Attributes, work: (span?: Span) => Promise<T>): Promise<T> {
  // Not an async function: with tracing off the caller awaits `work`'s own promise, nothing more.
  if (!tracingEnabled()) return work();
  return tracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Sets the W3C `traceparent` (and `tracestate`, `baggage`) headers of the active span on an outgoing
 * request, so that the service called continues the trace. Nothing when tracing is off.
 */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  if (!tracingEnabled()) return;
  propagation.inject(context.active(), headers, { set: (carrier, name, value) => carrier.set(name, value) });
}
