import { EXAMPLE_SECRETS, envReader } from '@ioc-graph/platform';
import { readGatewayConfig } from '../src/config';

describe('the gateway’s configuration', () => {
  it('takes SUBGRAPH_<NAME>_URL overrides from the environment it is given, and names a malformed one', () => {
    const config = readGatewayConfig(
      envReader({ SUBGRAPH_DISPATCH_URL: 'http://dispatch.ioc.internal:4003/graphql', EVENT_BUS_URL: 'postgres://x@db/ioc' }),
    );
    expect(config.subgraphUrls).toEqual({ dispatch: 'http://dispatch.ioc.internal:4003/graphql' });
    expect(() => readGatewayConfig(envReader({ SUBGRAPH_TRAFFIC_URL: 'not a url' }))).toThrow(/SUBGRAPH_TRAFFIC_URL must be a URL/);
  });

  it('closes idle subgraph sockets before the subgraphs do, and refuses a SUBGRAPH_IDLE_TIMEOUT_MS that would not', () => {
    const read = (env: Record<string, string>) => readGatewayConfig(envReader({ EVENT_BUS_URL: 'postgres://x@db/ioc', ...env }));
    expect(read({})).toMatchObject({ httpKeepAliveTimeoutMs: 65_000, subgraphIdleTimeoutMs: 30_000 });
    expect(read({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '10000' })).toMatchObject({ subgraphIdleTimeoutMs: 5_000 });
    expect(() => read({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '10000', SUBGRAPH_IDLE_TIMEOUT_MS: '10000' })).toThrow(
      /SUBGRAPH_IDLE_TIMEOUT_MS must be shorter than HTTP_KEEP_ALIVE_TIMEOUT_MS/,
    );
  });

  it('reads TRUSTED_PROXIES and REDIS_URL, naming a malformed one', () => {
    const read = (env: Record<string, string>) => readGatewayConfig(envReader({ EVENT_BUS_URL: 'postgres://x@db/ioc', ...env }));
    expect(read({})).toMatchObject({ trustedProxies: [], rateLimit: { perMinute: 1200, redisUrl: undefined } });
    expect(read({ TRUSTED_PROXIES: ' 10.0.0.5, fd00::/8 ', REDIS_URL: 'redis://cache:6379' })).toMatchObject({
      trustedProxies: ['10.0.0.5', 'fd00::/8'],
      rateLimit: { redisUrl: 'redis://cache:6379' },
    });
    expect(() => read({ TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/^Configuration: TRUSTED_PROXIES lists "10.0.0.0\/40"/);
    expect(() => read({ REDIS_URL: 'http://cache:6379' })).toThrow(/^Configuration: REDIS_URL must be a redis:\/\//);
  });
});

describe('the gateway’s configuration in production', () => {
  const STRONG: Record<string, string> = {
    GATEWAY_SHARED_SECRET: 'a8Kq-3vXn-Pz7w-Lr2m-Tb9c-Hy4d-Qe6f-Ws1g',
    JWT_SECRET: 'Zt5r-Mw8q-Ck2v-Nh7x-Bj4p-Fd9s-Lg3y-Ra6e',
  };
  const production = (env: Record<string, string>) =>
    readGatewayConfig(envReader({ NODE_ENV: 'production', EVENT_BUS_URL: 'postgres://x@db/ioc', ...env }));

  it.each(['GATEWAY_SHARED_SECRET', 'JWT_SECRET'])('refuses %s when it is an example value or short, naming it', (name) => {
    for (const example of EXAMPLE_SECRETS) {
      expect(() => production({ ...STRONG, [name]: example })).toThrow(new RegExp(`^Configuration: ${name} has the example value`));
    }
    expect(() => production({ ...STRONG, [name]: 'x'.repeat(31) })).toThrow(new RegExp(`^Configuration: ${name} must be at least 32`));
    const { [name]: _missing, ...withoutIt } = STRONG;
    expect(() => production(withoutIt)).toThrow(new RegExp(`^Configuration: ${name} is required`));
  });

  it('accepts real secrets, and switches the IDE and introspection off unless asked', () => {
    const config = production(STRONG);
    expect(config.auth).toMatchObject({ kind: 'secret', secret: STRONG.JWT_SECRET, maxLifetimeSeconds: 12 * 3600, clockSkewSeconds: 30 });
    expect(config).toMatchObject({ ide: false, introspection: false, metrics: { open: false, token: null } });
    expect(production({ ...STRONG, GRAPHQL_IDE: 'true', GRAPHQL_INTROSPECTION: 'true' })).toMatchObject({ ide: true, introspection: true });
    expect(readGatewayConfig(envReader({ EVENT_BUS_URL: 'postgres://x@db/ioc' }))).toMatchObject({ ide: true, introspection: true });
  });

  it('reads JWT_MAX_LIFETIME and JWT_CLOCK_SKEW as durations, naming a malformed one', () => {
    expect(production({ ...STRONG, JWT_MAX_LIFETIME: '15m', JWT_CLOCK_SKEW: '5' }).auth).toMatchObject({
      maxLifetimeSeconds: 900,
      clockSkewSeconds: 5,
    });
    expect(() => production({ ...STRONG, JWT_MAX_LIFETIME: '100y' })).toThrow(/JWT_MAX_LIFETIME must be a duration/);
    expect(() => production({ ...STRONG, JWT_MAX_LIFETIME: '30d' })).toThrow(/JWT_MAX_LIFETIME must be a duration/);
  });
});
