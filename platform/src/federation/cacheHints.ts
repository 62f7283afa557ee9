import type { ApolloServerPlugin } from '@apollo/server';
import { Directive } from 'type-graphql';
import { isObjectType, Kind, OperationTypeNode, type ConstDirectiveNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * `@cacheHint(maxAge: N)`: how long, in seconds, an answer may be served again without asking the subgraph.
 * Set on a root query field (its whole answer) or on an entity type (what `_entities` answers for it, when
 * the gateway reads the entity by reference). Fields below a root share its hint: they are the same
 * subgraph's data, changed by the same writes, and each write's bus event invalidates the gateway's cached
 * answers that read this subgraph (see the gateway's response cache). The hint bounds how stale an answer
 * can be where no event reports a change (a reading ingested, a deadline passed).
 */
export const CACHE_HINT_DIRECTIVE = 'directive @cacheHint(maxAge: Int!) on FIELD_DEFINITION | OBJECT';

/** Marks a root query field or an entity type with its cache hint (see {@link CACHE_HINT_DIRECTIVE}). */
export const CacheHint = (maxAgeSeconds: number) => Directive(`@cacheHint(maxAge: ${Math.floor(maxAgeSeconds)})`);

function maxAgeOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const hint = directives?.find((directive) => directive.name.value === 'cacheHint');
  const value = hint?.arguments?.find((argument) => argument.name.value === 'maxAge')?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

/** The hints of a schema's root query fields and object types, read once. */
export function readCacheHints(schema: GraphQLSchema): { rootFields: Map<string, number>; types: Map<string, number> } {
  const rootFields = new Map<string, number>();
  for (const [name, field] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
    const maxAge = maxAgeOf(field.astNode?.directives);
    if (maxAge !== undefined) rootFields.set(name, maxAge);
  }
  const types = new Map<string, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const maxAge = [type.astNode, ...type.extensionASTNodes].map((node) => maxAgeOf(node?.directives)).find((age) => age !== undefined);
    if (maxAge !== undefined) types.set(type.name, maxAge);
  }
  return { rootFields, types };
}

/**
 * The hint of one operation: the smallest of its root fields' hints (for `_entities`, of every type asked
 * for, read from the `representations` variable the gateway sends); 0 when any part has none.
 */
function operationMaxAge(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  hints: ReturnType<typeof readCacheHints>,
): number {
  if (operation.operation !== OperationTypeNode.QUERY) return 0;
  let maxAge = Infinity;
  for (const selection of operation.selectionSet.selections) {
    // The gateway asks for root fields plainly; a fragment at the root is read as unhinted.
    if (selection.kind !== Kind.FIELD) return 0;
    const name = selection.name.value;
    if (name === '_entities') {
      const argument = selection.arguments?.find((a) => a.name.value === 'representations')?.value;
      const representations = argument?.kind === Kind.VARIABLE ? variables?.[argument.name.value] : undefined;
      if (!Array.isArray(representations)) return 0;
      for (const representation of representations as { __typename?: unknown }[]) {
        maxAge = Math.min(maxAge, hints.types.get(String(representation?.__typename)) ?? 0);
      }
    } else maxAge = Math.min(maxAge, hints.rootFields.get(name) ?? 0);
    if (maxAge <= 0) return 0;
  }
  return Number.isFinite(maxAge) ? maxAge : 0;
}

/**
 * Answers a subgraph request with `cache-control: max-age=N, private` when every root field it read has a
 * cache hint (for `_entities`, every type asked for) and nothing failed: N is the smallest hint. Anything
 * else (a mutation, an unhinted field, an error) gets no header, which the gateway reads as "not
 * cacheable". `private`: the answer depends on the caller's rights, and the gateway keys what it keeps on
 * them. Read from the operation's document once it has run, not per resolved field.
 */
export function cacheHintsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const hints = readCacheHints(schema);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, request, response, errors }) {
          if (!operation || errors?.length || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          const maxAge = operationMaxAge(operation, request.variables, hints);
          if (maxAge > 0) response.http.headers.set('cache-control', `max-age=${maxAge}, private`);
        },
      };
    },
  };
}
