import { ErrorCode } from '@ioc-graph/platform';
import { errorCode, RESET_CODES } from './subgraphFetch';
import { getOperationAST, GraphQLError, Kind, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

/** Codes a subgraph gives a request it refuses because of the caller's input or identity: the client's to see. */
const CLIENT_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL));

const firstError = (body: unknown): GraphQLFormattedError | undefined => {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  return first && typeof first === 'object' && typeof (first as GraphQLFormattedError).message === 'string'
    ? (first as GraphQLFormattedError)
    : undefined;
};

/**
 * The error for a subgraph's answer with a non-2xx status. Apollo's own puts the subgraph's URL and whole
 * body in `extensions.response` and calls everything but 401 and 403 an internal error. Here a request
 * error of the project's vocabulary (a variable the subgraph's scalar refused: BAD_USER_INPUT, with its
 * `problems`) is passed on as the subgraph gave it, minus any stack; anything else is INTERNAL, naming
 * the service and the status only.
 */
export function subgraphResponseError(subgraph: string, status: number, body: unknown): GraphQLError {
  const error = firstError(body);
  const code = error?.extensions?.code;
  if (error && status < 500 && typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = error.extensions ?? {};
    return new GraphQLError(error.message, { extensions: { ...extensions, serviceName: subgraph } });
  }
  return new GraphQLError(`The ${subgraph} service could not answer (HTTP ${status})`, {
    extensions: { code: ErrorCode.INTERNAL, serviceName: subgraph },
  });
}

/** Why a subgraph gave no usable answer; anything else (a 4xx, GraphQL errors in a 200) is not a failure of the subgraph. */
export type SubgraphFailure = 'timeout' | 'unreachable' | 'dropped' | 'failed' | 'skipped';

/** A subgraph's answer with a 5xx status, thrown by the data source so that it counts as a failure. */
export class SubgraphStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'SubgraphStatusError';
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const DROPPED_CODES = new Set([...RESET_CODES, 'ECONNABORTED']);

/**
 * What kind of failure `error` (thrown while sending a subgraph request or reading its answer) is, or
 * undefined when the subgraph did answer. An `AbortError` can only come from the request's deadline
 * (withDeadline), `EOPENBREAKER` from the subgraph's circuit breaker.
 */
export function failureOf(error: unknown): SubgraphFailure | undefined {
  if (error instanceof SubgraphStatusError) return 'failed';
  const { name } = (error ?? {}) as { name?: unknown };
  if (name === 'AbortError' || name === 'TimeoutError') return 'timeout';
  const code = errorCode(error);
  if (code === 'EOPENBREAKER') return 'skipped';
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (code !== undefined && DROPPED_CODES.has(code)) return 'dropped';
  return undefined;
}

const WHY: Record<SubgraphFailure, string> = {
  timeout: 'did not answer in time',
  unreachable: 'is not reachable',
  dropped: 'dropped the connection',
  failed: 'failed to answer',
  skipped: 'kept failing and is skipped for a while',
};

/**
 * The error for a part of the answer that a subgraph could not give: `SUBGRAPH_UNAVAILABLE`, naming the
 * service (never its address, nor the socket's error). For a mutation that may have reached the subgraph
 * (it timed out, the connection dropped, the subgraph failed), the message says that the change may or
 * may not have been made and to read it before trying again; one refused or skipped was not sent at all.
 */
export function subgraphUnavailable(subgraph: string, failure: SubgraphFailure, options: { mutation?: boolean } = {}) {
  const notSent = failure === 'unreachable' || failure === 'skipped';
  const message = !options.mutation
    ? `The ${subgraph} service is unavailable (it ${WHY[failure]}); the rest of the answer stands`
    : notSent
      ? `The ${subgraph} service is unavailable (it ${WHY[failure]}); the change was not made, try again later`
      : `The ${subgraph} service ${WHY[failure]}: the change may or may not have been made; read it before trying again`;
  return { message, extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: subgraph } };
}

type FieldAt = { name: string; selectionSet?: SelectionSetNode };

/** The first field a selection set asks for (through inline fragments), by its name in the answer; `__typename` only if it is all. */
function firstField(selectionSet: SelectionSetNode | undefined): FieldAt | undefined {
  let typename: FieldAt | undefined;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const field = { name: (selection.alias ?? selection.name).value, selectionSet: selection.selectionSet };
      if (selection.name.value !== '__typename') return field;
      typename ??= field;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const field = firstField(selection.selectionSet);
      if (field && field.name !== '__typename') return field;
    }
  }
  return typename;
}

/**
 * Where, in a subgraph operation of the query plan, the answer is missing: its first root field, or for an
 * entity fetch `['_entities', 0, <first field of the entity>]`, which the gateway maps onto the entity's
 * path in the client's answer (as it does for a subgraph's own errors).
 */
export function missingFieldPath(document: DocumentNode): (string | number)[] | undefined {
  const root = firstField(getOperationAST(document)?.selectionSet);
  if (!root) return undefined;
  if (root.name !== '_entities') return [root.name];
  const field = firstField(root.selectionSet);
  return field ? ['_entities', 0, field.name] : undefined;
}
