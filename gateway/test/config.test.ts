import { envReader } from '@ioc-graph/platform';
import { readGatewayConfig } from '../src/config';

describe('the gateway’s configuration', () => {
  it('takes SUBGRAPH_<NAME>_URL overrides from the environment it is given, and names a malformed one', () => {
    const config = readGatewayConfig(
      envReader({ SUBGRAPH_DISPATCH_URL: 'http://dispatch.ioc.internal:4003/graphql', EVENT_BUS_URL: 'postgres://x@db/ioc' }),
    );
    expect(config.subgraphUrls).toEqual({ dispatch: 'http://dispatch.ioc.internal:4003/graphql' });
    expect(() => readGatewayConfig(envReader({ SUBGRAPH_TRAFFIC_URL: 'not a url' }))).toThrow(/SUBGRAPH_TRAFFIC_URL must be a URL/);
  });
});
