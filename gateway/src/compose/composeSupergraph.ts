import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { extendSchema, parse, printSchema } from 'graphql';
import { subscriptionTypeDefs } from '../subscriptions/typeDefs';

export interface SubgraphDefinition {
  name: string;
  /** The URL composed into the supergraph; the gateway may override it per deployment. */
  url: string;
  /** The subgraph's SDL, as printed by `printSubgraphSchema`. */
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Composition failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/**
 * Composes subgraphs into the supergraph the gateway serves (with its join__ and link__ internals) and
 * the client-facing API schema that codegen and frontend teams read: the federated API plus the
 * subscriptions the gateway serves itself. Throws CompositionError listing every composition error.
 */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): { supergraphSdl: string; apiSdl: string } {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  const supergraphSdl = result.supergraphSdl;
  const apiSdl = printSchema(extendSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema(), parse(subscriptionTypeDefs)));
  return { supergraphSdl, apiSdl };
}
