import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ProvinceUnitsDocument } from '../../__generated__/graphql';
import { execute } from '../../test/support/hub';

const ROOT = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  gatewayUrl: string;
  tokens: string[];
  output: () => string;
}

/** Runs the built launcher (`npm start` without the build step) as a user would, and waits for its banner. */
function start(env: Record<string, string>): Promise<Started> {
  const { DATABASE_URL: _unset, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'launcher/dist/src/index.js')], {
    cwd: ROOT,
    env: {
      ...parentEnv,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      PORT: '0',
      DIRECTORY_PORT: '0',
      INCIDENTS_PORT: '0',
      DISPATCH_PORT: '0',
      COMMAND_PORT: '0',
      ENVIRONMENT_PORT: '0',
      TRAFFIC_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL \(HTTP and WebSocket\): (\S+)/.exec(output);
      if (url && /Demo tokens[\s\S]*SYSTEM[^\n]*\n\s+\S+/.test(output)) {
        const tokens = [...output.matchAll(/\n {4}(ey\S+)/g)].map((m) => m[1]);
        resolvePromise({ child, gatewayUrl: url[1], tokens, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the launcher exited with ${code}:\n${output}`)));
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolvePromise) => {
    started.child.removeAllListeners('exit');
    started.child.once('exit', (code) => resolvePromise(code));
    started.child.kill('SIGTERM');
  });
}

describe('npm start on the embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-start-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to reach the folder.
  chmodSync(dir, 0o755);
  // Below the kernel's ephemeral range (32768 and up), so that no connection of another suite can hold it.
  const env = { EMBEDDED_PG_DATA_DIR: join(dir, 'postgres'), EMBEDDED_PG_PORT: String(24000 + (process.pid % 5000)) };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts PostgreSQL, migrates, seeds once, serves the README query, and stops cleanly', async () => {
    const first = await start(env);
    expect(first.tokens).toHaveLength(6);
    const result = await execute(first.gatewayUrl, ProvinceUnitsDocument, { code: '70' });
    expect(result.errors).toBeUndefined();
    const province = result.data!.administrativeUnitByCode!;
    expect(province.nameVi).toBe('Tỉnh Bình Phước');
    expect(province.children.length).toBeGreaterThanOrEqual(11);
    expect(province.agencies.map((a) => a.code)).toEqual(expect.arrayContaining(['UBND-BP']));
    expect(province.children.some((c) => c.agencies.length > 0)).toBe(true);
    expect(first.output()).toMatch(/demo data loaded/);
    expect(await stop(first)).toBe(0);
    expect(existsSync(join(env.EMBEDDED_PG_DATA_DIR, 'postmaster.pid'))).toBe(false);

    const second = await start(env);
    expect(second.output()).not.toMatch(/demo data loaded/);
    const again = await execute(second.gatewayUrl, ProvinceUnitsDocument, { code: '70' });
    expect(again.data!.administrativeUnitByCode!.children).toHaveLength(province.children.length);
    expect(await stop(second)).toBe(0);
  }, 300_000); // two launches, the first initialising a cluster: minutes on a busy 2-core machine
});
