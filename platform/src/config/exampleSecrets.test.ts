import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLE_SECRETS, envReader, isSecretName, readCommonConfig } from '.';

const ROOT = resolve(__dirname, '../../..');
const STRONG = 'k7Qw-9zR2pLm-Xv4sT8n-Hc1bYe6-Ju3dFa0';

/**
 * The secret values a reader can copy from the project's own files: `NAME=value` or `NAME: value` of a
 * secret-named variable (in text and code blocks alike), and the password of every example URL.
 */
function printedSecrets(file: string): string[] {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const assigned = [...text.matchAll(/\b([A-Z][A-Z0-9_]*)[ \t]*[=:][ \t]*['"]?([^\s'"`]+)/g)]
    .filter(([, name]) => isSecretName(name))
    .map(([, , value]) => value);
  const inUrls = [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"`]+:([^\s/@'"`]+)@/gi)].map(([, password]) => password);
  // Placeholders (`${VAR}`, `eyJ...`) are not values anyone could deploy.
  return [...assigned, ...inUrls].filter((value) => !value.startsWith('$') && !value.includes('...'));
}

describe('example secrets', () => {
  it.each(['.env.example', 'README.md', 'docker-compose.yml'])('lists every secret printed in %s', (file) => {
    const printed = printedSecrets(file);
    if (file === '.env.example') expect(printed.length).toBeGreaterThan(0);
    expect(printed.filter((value) => !EXAMPLE_SECRETS.includes(value))).toEqual([]);
  });

  it.each(EXAMPLE_SECRETS)('refuses "%s" in production, naming the variable', (value) => {
    for (const name of ['GATEWAY_SHARED_SECRET', 'JWT_SECRET', 'POSTGRES_PASSWORD', 'METRICS_TOKEN']) {
      const env = envReader({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: STRONG, [name]: value });
      expect(() => readCommonConfig(env)).toThrow(new RegExp(`^Configuration: ${name} has the example value`));
    }
    const url = envReader({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: STRONG, DATABASE_URL: `postgres://ioc:${value}@db/ioc` });
    expect(() => readCommonConfig(url)).toThrow(/DATABASE_URL has the example value/);
  });

  it('refuses short secrets and accepts strong ones in production; development keeps its defaults', () => {
    const production = (env: Record<string, string>) => readCommonConfig(envReader({ NODE_ENV: 'production', ...env }));
    expect(() => production({ GATEWAY_SHARED_SECRET: 'x'.repeat(31) })).toThrow(/GATEWAY_SHARED_SECRET must be at least 32/);
    expect(() => production({ GATEWAY_SHARED_SECRET: STRONG, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 32/);
    expect(production({ GATEWAY_SHARED_SECRET: STRONG, DATABASE_URL: 'postgres://ioc:a-real-one@db/ioc' }).gatewaySecret).toBe(STRONG);
    expect(readCommonConfig(envReader({ NODE_ENV: 'development' })).gatewaySecret).toBe(EXAMPLE_SECRETS[0]);
  });

  it('serves /metrics to anyone in development, to METRICS_TOKEN holders only with it, and to nobody in production without it', () => {
    expect(readCommonConfig(envReader({})).metrics).toEqual({ token: null, open: true });
    expect(readCommonConfig(envReader({ METRICS_TOKEN: STRONG })).metrics).toEqual({ token: STRONG, open: false });
    expect(readCommonConfig(envReader({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: STRONG })).metrics).toEqual({
      token: null,
      open: false,
    });
  });
});
