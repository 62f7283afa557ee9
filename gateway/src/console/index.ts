import { issueToken, Role, type Identity } from '@ioc-graph/platform';
import express, { type Express, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GatewayConfig } from '../config';

/** A person the demo sign-in offers (the seeded demo people), as the picker shows them. */
export type DemoPerson = Identity & { subject: string; fullName: string };

export interface ConsoleOptions {
  config: GatewayConfig['console'];
  auth: GatewayConfig['auth'];
  /** Who the demo picker offers; without them the demo sign-in is off whatever the setting. */
  demoPeople?: DemoPerson[];
}

const STAFF_ROLES = new Set<Role>([Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER]);

/**
 * Content-Security-Policy of the apps: everything from the hub itself (the networks are closed, and a page
 * that may load nothing else cannot leak a token to another host); the map library draws in workers made
 * from blobs and styles elements inline; the identity provider is the one other origin a page may call.
 */
function contentSecurityPolicy(oidcAuthority: string | undefined): string {
  const provider = oidcAuthority ? ` ${new URL(oidcAuthority).origin}` : '';
  return [
    "default-src 'self'",
    `connect-src 'self' ws: wss:${provider}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action 'self'${provider}`,
  ].join('; ');
}

/**
 * Serves the built browser apps at `/console/` (hashed assets kept a year, each page never kept), the
 * settings a page starts from (`/console/settings.json`: how to sign in) and, on the embedded default, the
 * demo sign-in (`POST /console/sign-in`: a short-lived token for one of the demo people).
 */
export function mountConsole(app: Express, { config, auth, demoPeople = [] }: ConsoleOptions): void {
  // The console is for staff: partners and sector systems have keys and tokens, not screens.
  const staff = demoPeople.filter(({ roles }) => roles.some((role) => STAFF_ROLES.has(role)));
  const demo = config.demoSignIn && auth.kind === 'secret' ? staff : [];
  const csp = contentSecurityPolicy(config.oidc?.authority);

  app.get('/console/settings.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({
      signIn: demo.length
        ? { kind: 'demo', people: demo.map(({ subject, fullName, roles }) => ({ subject, fullName, roles })) }
        : config.oidc
          ? { kind: 'oidc', ...config.oidc }
          : { kind: 'token' },
    });
  });

  if (demo.length && auth.kind === 'secret') {
    app.post('/console/sign-in', express.json({ limit: 1024 }), async (req: Request, res: Response) => {
      res.setHeader('cache-control', 'no-store');
      const subject = typeof req.body?.subject === 'string' ? req.body.subject : undefined;
      const person = demo.find((p) => p.subject === subject);
      if (!person) {
        return void res
          .status(400)
          .json({ errors: [{ message: 'No demo person has this subject', extensions: { code: 'BAD_USER_INPUT' } }] });
      }
      const seconds = Math.min(config.demoTokenSeconds, auth.maxLifetimeSeconds);
      const { fullName: _name, ...identity } = person;
      const token = await issueToken(identity, { ...auth, expiresIn: `${seconds}s` });
      res.json({
        token,
        expiresAt: new Date(Date.now() + seconds * 1000).toISOString(),
        person: { subject, fullName: person.fullName, roles: person.roles },
      });
    });
  }

  // Hashed file names: a new build has new names, so the files may be kept for a year.
  app.use(
    '/console/assets',
    express.static(join(config.dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }),
  );
  app.use('/console/static', express.static(join(config.dir, 'static'), { index: false, maxAge: '1h', fallthrough: false }));
  // Any other path under /console/ is one of its screens: the page, which routes in the browser.
  const page = join(config.dir, 'index.html');
  app.get(['/console', '/console/', '/console/*screen'], (_req, res) => {
    if (!existsSync(page)) {
      return void res.status(503).type('text').send(`The console is not built (no ${page}): run npm run build.\n`);
    }
    res.setHeader('content-security-policy', csp);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.sendFile(page);
  });
}
