import { ErrorCode } from '@ioc-graph/platform';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

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
