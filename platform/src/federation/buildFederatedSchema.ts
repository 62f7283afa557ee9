import { buildSubgraphSchema } from '@apollo/subgraph';
// Type-only: the resolver-map shape buildSubgraphSchema takes, which the package's index does not re-export.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { CACHE_HINT_DIRECTIVE } from './cacheHints';

/**
 * `__resolveReference` functions by type name, merged over the resolvers type-graphql generates. Declared
 * as a method so that each subgraph's resolver may narrow the reference and its own context type.
 */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference(reference: object, context: unknown, info: GraphQLResolveInfo): unknown }
>;

const ROOT_DESCRIPTIONS = {
  query: 'Reads (truy vấn). Each field says who may read it; without a token the caller is the public',
  mutation:
    'Changes (thao tác). Each is authorised, validated and written in one transaction with its log entry; errors carry `extensions.code`',
};

const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@extends', '@inaccessible', '@tag'];

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes. type-graphql builds and checks
 * nothing federation-specific, so its schema is printed with directives (`@key` from `@Directive`),
 * prefixed with the federation `@link`, and handed to Apollo's buildSubgraphSchema together with
 * type-graphql's resolvers (which keep `@Authorized` and validation) and the reference resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  // type-graphql cannot describe the root types; the API schema shows these texts to frontend teams.
  for (const [root, description] of [
    [schema.getQueryType(), ROOT_DESCRIPTIONS.query],
    [schema.getMutationType(), ROOT_DESCRIPTIONS.mutation],
  ] as const) {
    if (root && !root.description) root.description = description;
  }
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const resolvers: Record<string, object> = { ...createResolversMap(schema) };
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  // Apollo's resolver-map type has no slot for `__resolveReference`, which buildSubgraphSchema reads at run time.
  const typeDefs = parse(`${link}\n${CACHE_HINT_DIRECTIVE}\n${printSchemaWithDirectives(schema)}`);
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}
