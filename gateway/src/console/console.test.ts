import { createTokenVerifier, envReader, Role } from '@ioc-graph/platform';
import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountConsole, type DemoPerson } from '.';
import { readGatewayConfig } from '../config';

const PEOPLE: DemoPerson[] = [
  { subject: 'demo-operator', fullName: 'Trần Thị Minh Thư', roles: [Role.OPERATOR], agencyId: 'a1', fieldUnitId: null, scopeUnitId: null },
  { subject: 'demo-partner', fullName: 'Đối tác', roles: [Role.PARTNER], agencyId: null, fieldUnitId: null, scopeUnitId: null },
];

const STRONG = { GATEWAY_SHARED_SECRET: 'a8Kq-3vXn-Pz7w-Lr2m-Tb9c-Hy4d-Qe6f-Ws1g', JWT_SECRET: 'Zt5r-Mw8q-Ck2v-Nh7x-Bj4p-Fd9s-Lg3y-Ra6e' };

/** The console's routes alone on a loopback server, with a built console of one page and one asset. */
async function serve(env: Record<string, string>, { built = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-console-'));
  if (built) {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>IOC</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  }
  const config = readGatewayConfig(envReader({ EVENT_BUS_URL: 'postgres://x@db/ioc', CONSOLE_DIR: dir, ...env }));
  const app = express();
  mountConsole(app, { config: config.console, auth: config.auth, demoPeople: PEOPLE });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    config,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the console routes', () => {
  it('offer the demo staff on the embedded default, and a token for one of them that the gateway accepts', async () => {
    const hub = await serve({ NODE_ENV: 'development' });
    try {
      const settings = await (await fetch(`${hub.base}/console/settings.json`)).json();
      expect(settings).toEqual({
        signIn: { kind: 'demo', people: [{ subject: 'demo-operator', fullName: 'Trần Thị Minh Thư', roles: ['OPERATOR'] }] },
      });
      const response = await fetch(`${hub.base}/console/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'demo-operator' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
      const identity = await createTokenVerifier(hub.config.auth)(token);
      expect(identity).toMatchObject({ subject: 'demo-operator', roles: ['OPERATOR'], agencyId: 'a1' });
      // 15 minutes by default: the console renews it before it expires.
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    } finally {
      await hub.close();
    }
  });

  it.each([
    ['an unknown subject', { subject: 'demo-admin' }],
    ['a partner (no screens)', { subject: 'demo-partner' }],
    ['no subject', {}],
    ['a subject that is not a string', { subject: ['demo-operator'] }],
  ])('refuse a sign-in with %s as BAD_USER_INPUT', async (_what, body) => {
    const hub = await serve({ NODE_ENV: 'development' });
    try {
      const response = await fetch(`${hub.base}/console/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await hub.close();
    }
  });

  it('offer no demo sign-in in production, nor when switched off', async () => {
    const production = { NODE_ENV: 'production', EVENT_BUS_URL: 'postgres://x@db/ioc', ...STRONG };
    expect(() => readGatewayConfig(envReader({ ...production, CONSOLE_DEMO_SIGN_IN: 'true' }))).toThrow(
      /CONSOLE_DEMO_SIGN_IN must not be true/,
    );
    expect(readGatewayConfig(envReader(production)).console.demoSignIn).toBe(false);
    const hub = await serve({ NODE_ENV: 'development', CONSOLE_DEMO_SIGN_IN: 'false' });
    try {
      expect(await (await fetch(`${hub.base}/console/settings.json`)).json()).toEqual({ signIn: { kind: 'token' } });
      const response = await fetch(`${hub.base}/console/sign-in`, { method: 'POST', body: '{"subject":"demo-operator"}' });
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toMatch(/eyJ/);
    } finally {
      await hub.close();
    }
  });

  it('send an identity provider to the OpenID Connect sign-in and allow it in the page policy', async () => {
    const hub = await serve({
      NODE_ENV: 'development',
      CONSOLE_DEMO_SIGN_IN: 'false',
      OIDC_AUTHORITY: 'https://id.binhphuoc.gov.vn/realms/ioc',
    });
    try {
      expect(await (await fetch(`${hub.base}/console/settings.json`)).json()).toEqual({
        signIn: {
          kind: 'oidc',
          authority: 'https://id.binhphuoc.gov.vn/realms/ioc',
          clientId: 'ioc-graph-console',
          scope: 'openid profile offline_access',
        },
      });
      const page = await fetch(`${hub.base}/console/coordination/INC-1`);
      expect(page.headers.get('content-security-policy')).toMatch(/connect-src 'self' ws: wss: https:\/\/id\.binhphuoc\.gov\.vn;/);
    } finally {
      await hub.close();
    }
  });

  it('serve each screen as the page with a strict policy, and hashed assets kept a year', async () => {
    const hub = await serve({ NODE_ENV: 'development' });
    try {
      for (const path of ['/console', '/console/', '/console/wall', '/console/coordination/INC-20261123-0001']) {
        const page = await fetch(`${hub.base}${path}`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<title>IOC</title>');
        expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(page.headers.get('cache-control')).toBe('no-cache');
      }
      const asset = await fetch(`${hub.base}/console/assets/index-abc123.js`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(`${hub.base}/console/assets/missing.js`)).status).toBe(404);
      const traversal = await fetch(`${hub.base}/console/assets/..%2f..%2fetc%2fpasswd`);
      expect([403, 404]).toContain(traversal.status);
      expect(await traversal.text()).not.toMatch(/root:/);
    } finally {
      await hub.close();
    }
  });

  it('say the console is not built rather than serve nothing', async () => {
    const hub = await serve({ NODE_ENV: 'development' }, { built: false });
    try {
      const page = await fetch(`${hub.base}/console/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/npm run build/);
    } finally {
      await hub.close();
    }
  });
});
