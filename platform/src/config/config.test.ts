import { ConfigError, envReader, readCommonConfig } from '.';

describe('envReader', () => {
  it('returns defaults for unset variables and parses set ones', () => {
    const env = envReader({ PORT: '4100', FLAG: 'yes' });
    expect(env.int('PORT', 1)).toBe(4100);
    expect(env.int('OTHER', 7)).toBe(7);
    expect(env.bool('FLAG', false)).toBe(true);
  });

  it('fails fast naming the variable when a value is malformed', () => {
    expect(() => envReader({ PORT: 'eighty' }).int('PORT', 1)).toThrow(
      new ConfigError('PORT', 'must be an integer between 0 and 9007199254740991, got "eighty"'),
    );
    expect(() => envReader({ DATABASE_URL: 'not a url' }).url('DATABASE_URL')).toThrow(/DATABASE_URL must be a URL/);
    expect(() => envReader({ LOG_LEVEL: 'loud' }).oneOf('LOG_LEVEL', ['info', 'debug'], 'info')).toThrow(
      /LOG_LEVEL must be one of info, debug/,
    );
  });

  it('requires real secrets in production', () => {
    expect(() => readCommonConfig(envReader({ NODE_ENV: 'production' }))).toThrow(/GATEWAY_SHARED_SECRET is required/);
    expect(() => readCommonConfig(envReader({ GATEWAY_SHARED_SECRET: 'short' }))).toThrow(
      /GATEWAY_SHARED_SECRET must be at least 32 characters/,
    );
    const config = readCommonConfig(envReader({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: 'x'.repeat(40) }));
    expect(config.production).toBe(true);
    expect(config.exposeErrors).toBe(false);
  });
});
