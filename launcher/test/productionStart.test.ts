import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { EXAMPLE_SECRETS } from '@ioc-graph/platform';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';

const ROOT = resolve(__dirname, '../..');
const STRONG = {
  GATEWAY_SHARED_SECRET: 'pR7v-Kq2m-Xw9t-Lz4n-Hb8c-Jd3f-Gs6y-Ne1a',
  JWT_SECRET: 'Ux5k-Tm3q-Cv8r-Wp2z-Fh7j-Bn4d-Ls9g-Ye6x',
};

interface Launch {
  /** Resolves once the banner is printed, with the gateway's URL, or rejects with the output when the launcher exits first. */
  ready: Promise<string>;
  exited: Promise<number | null>;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Runs the built launcher (`npm start` without the build step) with NODE_ENV=production. */
function launch(env: Record<string, string>): Launch {
  const { DATABASE_URL: _unset, PRINT_DEMO_TOKENS: _unset2, ...parentEnv } = process.env;
  const ports = ['PORT', 'DIRECTORY_PORT', 'INCIDENTS_PORT', 'DISPATCH_PORT', 'COMMAND_PORT', 'ENVIRONMENT_PORT', 'TRAFFIC_PORT'];
  const child = spawn(process.execPath, [join(ROOT, 'launcher/dist/src/index.js')], {
    cwd: ROOT,
    env: { ...parentEnv, LOG_LEVEL: 'info', NODE_ENV: 'production', ...Object.fromEntries(ports.map((p) => [p, '0'])), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const ready = new Promise<string>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL \(HTTP and WebSocket\): (\S+)/.exec(output);
      if (url && /Production: [^\n]*\n/.test(output)) resolveReady(url[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`the launcher exited with ${code}:\n${output}`)));
  });
  ready.catch(() => undefined);
  return {
    ready,
    exited,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('npm start with NODE_ENV=production', () => {
  it.each([
    ['GATEWAY_SHARED_SECRET', EXAMPLE_SECRETS[0]],
    ['JWT_SECRET', EXAMPLE_SECRETS[1]],
    ['JWT_SECRET', 'short-but-not-an-example'],
    ['POSTGRES_PASSWORD', 'change-me'],
  ])(
    'refuses to start with %s=%s, naming the variable',
    async (name, value) => {
      // An unreachable database: the refusal must come before anything starts.
      const launcher = launch({ ...STRONG, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', [name]: value });
      expect(await launcher.exited).not.toBe(0);
      expect(launcher.output()).toContain(`Configuration: ${name}`);
      expect(launcher.output()).not.toMatch(/ioc-graph is up/);
    },
    60_000,
  );

  it('refuses PRINT_DEMO_TOKENS=true', async () => {
    const launcher = launch({ ...STRONG, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PRINT_DEMO_TOKENS: 'true' });
    expect(await launcher.exited).not.toBe(0);
    expect(launcher.output()).toContain('Configuration: PRINT_DEMO_TOKENS');
  }, 60_000);

  describe('with secrets of its own', () => {
    let database: TestDatabase;
    let launcher: Launch;
    let gatewayUrl: string;
    beforeAll(async () => {
      database = await createTestDatabase();
      launcher = launch({ ...STRONG, DATABASE_URL: database.url });
      gatewayUrl = await launcher.ready;
    }, 180_000);
    afterAll(async () => {
      await launcher?.stop();
      await database?.drop();
    });

    it('starts and prints no token', () => {
      expect(launcher.output()).not.toContain('eyJ');
      expect(launcher.output()).toMatch(/Production: no demo tokens/);
    });

    it('serves queries but refuses introspection', async () => {
      const post = (query: string) =>
        fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const plain = (await (await post('{ __typename }')).json()) as { data?: unknown; errors?: unknown[] };
      expect(plain).toEqual({ data: { __typename: 'Query' } });
      const introspection = (await (await post('{ __schema { types { name } } }')).json()) as { data?: unknown; errors?: unknown[] };
      expect(introspection.errors?.length).toBeGreaterThan(0);
      expect(introspection.data).toBeUndefined();
    });

    it('serves no IDE at / and no /metrics on the public port', async () => {
      const base = gatewayUrl.replace(/\/graphql$/, '');
      const ide = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
      expect(ide.status).toBe(404);
      expect(await ide.text()).not.toMatch(/altair/i);
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(404);
      expect(await metrics.text()).not.toMatch(/graphql_requests_total/);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
  });
});
