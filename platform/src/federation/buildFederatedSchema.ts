import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/** `__resolveReference` functions by type name, merged over the resolvers type-graphql generates. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@extends', '@inaccessible', '@tag'];

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes. type-graphql builds and checks
 * nothing federation-specific, so its schema is printed with directives (`@key` from `@Directive`),
 * prefixed with the federation `@link`, and handed to Apollo's buildSubgraphSchema together with
 * type-graphql's resolvers (which keep `@Authorized` and validation) and the reference resolvers.
 */
export async function buildFederatedSchema(options: Omit<BuildSchemaOptions, 'skipCheck'>, references: ReferenceResolvers = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({ typeDefs: parse(`${link}\n${printSchemaWithDirectives(schema)}`), resolvers: resolvers as never });
}
