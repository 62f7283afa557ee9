import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { Kind, type GraphQLError } from 'graphql';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

interface MediaRange {
  type: string;
  q: number;
  order: number;
}

function mediaRanges(accept: string): MediaRange[] {
  return accept.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return { type, q: Number.isFinite(weight) ? weight : 0, order };
  });
}

/** How well `type` is accepted: the most specific matching range wins (exact, then `application/*`, then `*\/*`). */
function acceptance(ranges: MediaRange[], type: string): { q: number; specificity: number; order: number } | undefined {
  const specificityOf = (range: MediaRange) =>
    range.type === type ? 2 : range.type === `${type.split('/')[0]}/*` ? 1 : range.type === '*/*' ? 0 : -1;
  const matching = ranges.filter((range) => specificityOf(range) >= 0);
  matching.sort((a, b) => specificityOf(b) - specificityOf(a) || b.q - a.q || a.order - b.order);
  const best = matching[0];
  return best && best.q > 0 ? { q: best.q, specificity: specificityOf(best), order: best.order } : undefined;
}

/**
 * True when the caller's `Accept` header names `application/json` and prefers it to
 * `application/graphql-response+json`, ranked as Apollo Server ranks them (negotiator's order: weight,
 * then specificity, then order in the header, then application/json first).
 */
export function explicitlyAcceptsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = mediaRanges(accept);
  const json = acceptance(ranges, JSON_TYPE);
  // `*/*` (what fetch sends by default) or `application/*` leaves the choice to the server.
  if (!json || json.specificity < 2) return false;
  const graphql = acceptance(ranges, GRAPHQL_RESPONSE_TYPE);
  if (!graphql) return true;
  return (graphql.q - json.q || graphql.specificity - json.specificity || json.order - graphql.order) <= 0;
}

/** An error that the GraphQL-over-HTTP spec names: the document does not parse or validate, or a variable does not coerce. */
function isSpecRequestError(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  if (code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED || code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED) return true;
  return code === ApolloServerErrorCode.BAD_USER_INPUT && error.nodes?.length === 1 && error.nodes[0].kind === Kind.VARIABLE_DEFINITION;
}

/**
 * HTTP status codes by the GraphQL-over-HTTP spec, as GraphQL Yoga sets them. Apollo Server answers a
 * document that does not parse or validate, or variables that do not coerce, with 400 whatever the
 * response's media type; that is right for `application/graphql-response+json`, but a client that asks for
 * `application/json` is a legacy one that expects 200 for every well-formed request (its GraphQL errors
 * are in the body), so it gets 200. Every other status (401, 405, 429, the limits' 400) is kept, and so is
 * the 400 for a request without `Accept` or with `*\/*` (fetch's default): after the spec's 2025
 * watershed the server may choose, and scripts and tests read the status.
 */
export function graphqlOverHttpPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.http.status !== 400 || !errors?.length) return;
          if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
          if (!errors.every(isSpecRequestError)) return;
          if (explicitlyAcceptsJson(request.http?.headers.get('accept'))) response.http.status = 200;
        },
      };
    },
  };
}
