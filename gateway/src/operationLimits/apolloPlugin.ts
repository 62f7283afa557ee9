import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayContext } from '../context';
import { armorRules, audienceOf, checkOperation, type AudienceLimits } from './checkOperation';

/**
 * Applies the caller's audience's limits to every operation over HTTP (and to queries and mutations over
 * WebSocket, which run through the same Apollo pipeline). Apollo's `validationRules` cannot see who calls,
 * so the check runs once the operation is resolved; a refusal ends the request with 400 before any
 * subgraph is called. Parsing is bounded before that by the largest audience's token limit
 * ({@link parseOptions}).
 */
export function operationLimitsPlugin(limits: AudienceLimits): ApolloServerPlugin<GatewayContext> {
  const rules = { public: armorRules(limits.public), staff: armorRules(limits.staff) };
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.eventRead) return {};
      const audience = audienceOf(contextValue.identity);
      return {
        async didResolveOperation({ schema, document, operation, request, source }) {
          const error = checkOperation(
            { schema, document, operation, variables: request.variables, source },
            limits[audience],
            rules[audience],
          );
          if (error) throw error;
        },
      };
    },
  };
}

/** The parser's own token limit (graphql-js `maxTokens`): no document larger than any audience may send is parsed at all. */
export const parseOptions = (limits: AudienceLimits) => ({ maxTokens: Math.max(limits.public.maxTokens, limits.staff.maxTokens) });

/** Replaces "Did you mean …?" in error messages: suggestions show the schema to whoever probes it. */
export const hideSuggestions = (message: string) => message.replace(/Did you mean ".+"/g, SUGGESTION_MASK);
const SUGGESTION_MASK = '[Suggestion hidden]';

/** GraphQL Armor's plugin hiding "Did you mean …?" suggestions in every error Apollo sends. */
export function blockFieldSuggestionsPlugins(): ApolloServerPlugin<GatewayContext>[] {
  return new ApolloArmor({
    blockFieldSuggestion: { enabled: true, mask: SUGGESTION_MASK },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDepth: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
  }).protect().plugins as ApolloServerPlugin<GatewayContext>[];
}
