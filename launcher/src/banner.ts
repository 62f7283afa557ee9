import { demoIdentities } from '@ioc-graph/directory';
import { issueToken } from '@ioc-graph/platform';
import type { GatewayConfig } from '@ioc-graph/gateway';

/** The text printed once everything is up: where to go, and a token to try each role with. */
export async function startBanner(gatewayUrl: string, config: GatewayConfig, withTokens: boolean): Promise<string> {
  const base = gatewayUrl.replace(/\/graphql$/, '');
  const lines = [
    '',
    'ioc-graph is up',
    `  GraphQL (HTTP and WebSocket): ${gatewayUrl}`,
    `  IDE:                          ${base}/`,
    `  Health, readiness, metrics:   ${base}/healthz  ${base}/readyz  ${base}/metrics`,
  ];
  if (withTokens && config.auth.kind === 'secret') {
    lines.push('', 'Demo tokens (valid 12 h; send as "Authorization: Bearer <token>"):');
    for (const identity of demoIdentities()) {
      const token = await issueToken(identity, { ...config.auth, expiresIn: '12h' });
      lines.push(`  ${identity.roles.join(',').padEnd(14)} ${identity.fullName} (${identity.subject})`, `    ${token}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
