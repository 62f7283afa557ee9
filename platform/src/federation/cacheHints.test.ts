import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { CACHE_HINT_DIRECTIVE, cacheHintsPlugin } from './cacheHints';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  ${CACHE_HINT_DIRECTIVE}
  type Unit @key(fields: "id") @cacheHint(maxAge: 300) { id: ID! name: String! }
  type Station @key(fields: "id") @cacheHint(maxAge: 60) { id: ID! aqi: Int! }
  type Alert @key(fields: "id") { id: ID! }
  type Query {
    units: [Unit!]! @cacheHint(maxAge: 300)
    stations: [Station!]! @cacheHint(maxAge: 60)
    alerts: [Alert!]!
    broken: Int @cacheHint(maxAge: 300)
  }
  type Mutation { touch: Int }
`);

const resolvers = {
  Query: {
    units: () => [{ id: 'u1', name: 'Đồng Xoài' }],
    stations: () => [{ id: 's1', aqi: 42 }],
    alerts: () => [{ id: 'a1' }],
    broken: () => {
      throw new Error('down');
    },
  },
  Mutation: { touch: () => 1 },
  Unit: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, name: 'Đồng Xoài' }) },
  Station: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, aqi: 42 }) },
  Alert: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};

describe('cache hints of a subgraph', () => {
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  const server = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(), cacheHintsPlugin(schema)],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const cacheControl = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    return response.http.headers.get('cache-control') ?? null;
  };
  const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`;

  it('gives an answer the smallest hint of its root fields', async () => {
    expect(await cacheControl('{ units { id name } }')).toBe('max-age=300, private');
    expect(await cacheControl('{ units { id } stations { aqi } }')).toBe('max-age=60, private');
  });

  it('gives entities read by reference the smallest hint of the types asked for', async () => {
    const unit = { __typename: 'Unit', id: 'u1' };
    const station = { __typename: 'Station', id: 's1' };
    expect(await cacheControl(entities, { representations: [unit] })).toBe('max-age=300, private');
    expect(await cacheControl(entities, { representations: [unit, station] })).toBe('max-age=60, private');
    expect(await cacheControl(entities, { representations: [unit, { __typename: 'Alert', id: 'a1' }] })).toBeNull();
  });

  it('gives no hint to an unhinted field, a mutation, a fragment at the root or an answer with an error', async () => {
    expect(await cacheControl('{ units { id } alerts { id } }')).toBeNull();
    expect(await cacheControl('mutation { touch }')).toBeNull();
    expect(await cacheControl('{ ... on Query { units { id } } }')).toBeNull();
    expect(await cacheControl('{ units { id } broken }')).toBeNull();
  });
});
