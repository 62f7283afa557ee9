import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The stable code of the first GraphQL error of a failed operation (`extensions.code`), if any. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * The i18n key of what to tell the user about a failed action: a CONFLICT is someone else's change (reload),
 * not a fault; the other codes say what went wrong without a stack or a server's words.
 */
export function errorMessageKey(error: unknown): string {
  switch (errorCode(error)) {
    case 'CONFLICT':
      return 'errors.conflict';
    case 'FORBIDDEN':
      return 'errors.forbidden';
    case 'UNAUTHENTICATED':
      return 'errors.unauthenticated';
    case 'BAD_USER_INPUT':
      return 'errors.badInput';
    case 'NOT_FOUND':
      return 'errors.notFound';
    case 'RATE_LIMITED':
      return 'errors.rateLimited';
    case 'SUBGRAPH_UNAVAILABLE':
    case 'UNAVAILABLE':
      return 'errors.unavailable';
    default:
      return 'errors.unknown';
  }
}
