import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors/codes';
import { tracer } from './spans';
import { tracingEnabled } from './tracingState';

/** Codes of a failure of the service, not of the request: they mark the span ERROR (a refused input does not). */
const FAILURE_CODES = new Set<string>([ErrorCode.INTERNAL, ErrorCode.UNAVAILABLE, ErrorCode.SUBGRAPH_UNAVAILABLE, 'INTERNAL_SERVER_ERROR']);

/** Where the operation span of a request is found by the Apollo plugin (other spans may be active inside it). */
const OPERATION_SPAN = createContextKey('ioc-graph operation span');

export interface OperationTracingOptions {
  /**
   * Continue the trace of the caller's `traceparent` header: a subgraph does, behind the gateway. The
   * gateway starts every trace itself: a public caller does not choose trace ids or sampling.
   */
  continueTrace: boolean;
  /** Set on every operation span, e.g. `{ 'ioc_graph.subgraph': 'directory' }`. */
  attributes?: Attributes;
}

export interface OperationTracing<Context extends BaseContext> {
  /** Mounted right before Apollo's middleware: starts the operation's SERVER span and makes it active. */
  handlers: RequestHandler[];
  /**
   * Names the span after the operation (`query UnitPicture`), lists the answer's error codes
   * (`ioc_graph.error_codes`) and marks the span ERROR when one says the service failed (INTERNAL,
   * UNAVAILABLE, SUBGRAPH_UNAVAILABLE).
   */
  plugins: ApolloServerPlugin<Context>[];
}

/**
 * A SERVER span per GraphQL request over HTTP, the parent of everything done for it (subgraph fetches,
 * SQL statements), carrying the request id (`ioc_graph.request_id`), the operation's type and name
 * (`graphql.operation.type`, `graphql.operation.name`) and the HTTP status. With tracing off (see
 * startTracing) there is nothing to mount: no handler, no plugin.
 */
export function operationTracing<Context extends BaseContext>(options: OperationTracingOptions): OperationTracing<Context> {
  if (!tracingEnabled()) return { handlers: [], plugins: [] };
  const start: RequestHandler = (req, res, next) => {
    const parent = options.continueTrace ? propagation.extract(ROOT_CONTEXT, req.headers) : ROOT_CONTEXT;
    const attributes = { ...options.attributes, 'ioc_graph.request_id': res.locals.requestId, 'http.request.method': req.method };
    const span = tracer().startSpan('GraphQL Operation', { kind: SpanKind.SERVER, attributes }, parent);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end).once('close', end);
    context.with(trace.setSpan(parent, span).setValue(OPERATION_SPAN, span), next);
  };
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const span = context.active().getValue(OPERATION_SPAN) as Span | undefined;
      // An operation run from code or over WebSocket has no request span.
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'operation';
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async willSendResponse({ errors }) {
          if (!errors?.length) return;
          const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL)))];
          span.setAttribute('ioc_graph.error_codes', codes);
          const failures = codes.filter((code) => FAILURE_CODES.has(code));
          if (failures.length) span.setStatus({ code: SpanStatusCode.ERROR, message: failures.join(', ') });
        },
      };
    },
  };
  return { handlers: [start], plugins: [plugin] };
}
