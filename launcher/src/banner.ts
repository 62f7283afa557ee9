import { demoIdentities } from '@ioc-graph/directory';
import { issueToken } from '@ioc-graph/platform';
import type { GatewayConfig } from '@ioc-graph/gateway';

/** How the console's users sign in, as the banner says it. */
function consoleSignIn({ console: settings, auth }: GatewayConfig): string {
  if (settings.demoSignIn && auth.kind === 'secret') return 'sign in as a demo person';
  if (settings.oidc) return `sign in with ${new URL(settings.oidc.authority).host}`;
  return 'sign in with a token';
}

/**
 * The text printed once everything is up: where to go, what production switched off, and (outside
 * production, when asked) a token to try each role with.
 */
export async function startBanner(gatewayUrl: string, config: GatewayConfig, withTokens: boolean): Promise<string> {
  const base = gatewayUrl.replace(/\/graphql$/, '');
  const { open, token } = config.metrics;
  const metrics = open ? `${base}/metrics` : token ? `${base}/metrics (with METRICS_TOKEN)` : '(no /metrics without METRICS_TOKEN)';
  const lines = [
    '',
    'ioc-graph is up',
    `  GraphQL (HTTP and WebSocket): ${gatewayUrl}`,
    `  Console:                      ${base}/console/ (${consoleSignIn(config)})`,
    `  IDE:                          ${config.ide ? `${base}/` : 'off (GRAPHQL_IDE=true serves it)'}`,
    `  Introspection:                ${config.introspection ? 'on' : 'off (GRAPHQL_INTROSPECTION=true turns it on)'}`,
    `  Health, readiness, metrics:   ${base}/healthz  ${base}/readyz  ${metrics}`,
    `  Open data:                    ${base}/open/v1/catalog.jsonld  ${base}/open311/v2/services.json  ${base}/ngsi-ld/v1/entities`,
  ];
  if (config.production) {
    lines.push('', 'Production: no demo tokens are printed (PRINT_DEMO_TOKENS=true is refused).');
  } else if (!withTokens) {
    lines.push('', 'Demo tokens: not printed (PRINT_DEMO_TOKENS=true prints them outside production).');
  } else if (config.auth.kind === 'secret') {
    // 12 hours, or less when JWT_MAX_LIFETIME is shorter: the gateway refuses longer-lived tokens.
    const seconds = Math.min(12 * 3600, config.auth.maxLifetimeSeconds);
    const valid = seconds % 3600 === 0 ? `${seconds / 3600} h` : `${Math.floor(seconds / 60)} min`;
    lines.push('', `Demo tokens (valid ${valid}; send as "Authorization: Bearer <token>"):`);
    for (const identity of demoIdentities()) {
      const token = await issueToken(identity, { ...config.auth, expiresIn: `${seconds}s` });
      lines.push(`  ${identity.roles.join(',').padEnd(14)} ${identity.fullName} (${identity.subject})`, `    ${token}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
