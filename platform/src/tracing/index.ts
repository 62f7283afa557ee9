export { startTracing, type StartTracingOptions, type Tracing } from './startTracing';
export { readTracingConfig, type TracingConfig } from './tracingConfig';
export { tracingEnabled } from './tracingState';
export { traceLogFields } from './logFields';
export { operationTracing, type OperationTracing, type OperationTracingOptions } from './operationTracing';
export { injectTraceContext, withClientSpan } from './spans';
