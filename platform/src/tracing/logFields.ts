import { isSpanContextValid, trace } from '@opentelemetry/api';
import { tracingEnabled } from './tracingState';

/**
 * The ids of the span active where a log line is written (`traceId`, `spanId`: the request's trace), for
 * the logger's mixin; nothing when tracing is off or no span is active, at the cost of one boolean test.
 */
export function traceLogFields(): { traceId?: string; spanId?: string } {
  if (!tracingEnabled()) return {};
  const active = trace.getActiveSpan()?.spanContext();
  return active && isSpanContextValid(active) ? { traceId: active.traceId, spanId: active.spanId } : {};
}
