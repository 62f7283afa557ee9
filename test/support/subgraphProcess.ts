import { subgraphRegistry, urlVariable } from '@ioc-graph/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { eventually } from './eventually';
import { TEST_ENV, type Hub } from './hub';

const root = path.resolve(__dirname, '../..');

/** A subgraph running as a process of its own, from the sources under test, on the hub's database. */
export interface SubgraphProcess {
  /** Its GraphQL endpoint; the same across restarts. */
  url: string;
  port: number;
  /** `kill -9`: gone at once, its connections reset, nothing flushed. */
  kill(): Promise<void>;
  /** `kill -STOP`: hung; the kernel still accepts connections, nothing answers. */
  pause(): void;
  /** `kill -CONT`. */
  resume(): void;
  /** Starts it again on the same port; resolves once it is ready. */
  restart(): Promise<void>;
  /** Ends it for good. */
  stop(): Promise<void>;
  /** What it wrote on stdout and stderr since it last started (the last {@link OUTPUT_KEPT} characters). */
  output(): string;
}

/** How much of a process's output is kept: its last log lines, for assertions and for the error when it does not start. */
export const OUTPUT_KEPT = 256_000;

/**
 * Bytes the kernel took in on connections to local `port` and nobody read yet (Linux, /proc/net/tcp):
 * a request that reached a process which is stopped.
 */
export function unreadBytes(port: number): number {
  let total = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = existsSync(table) ? readFileSync(table, 'utf8').split('\n').slice(1) : [];
    for (const row of rows) {
      // sl local_address rem_address st tx_queue:rx_queue …, addresses and queues in hexadecimal.
      const [, local, , , queues] = row.trim().split(/\s+/);
      if (local && queues && parseInt(local.split(':')[1], 16) === port) total += parseInt(queues.split(':')[1], 16);
    }
  }
  return total;
}

/** A free port on loopback, found by listening on port 0. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts subgraph `name` in a child process (test/support/runFromSources.js), next to the hub's own
 * instance of it, on the hub's database and bus: a gateway pointed at `url` reaches this one, which a
 * test can kill, hang and restart. Its dependencies are the hub's.
 */
export async function startSubgraphProcess(hub: Hub, name: string, env: Record<string, string> = {}): Promise<SubgraphProcess> {
  const entry = subgraphRegistry().find((s) => s.name === name);
  if (!entry) throw new Error(`no subgraph ${name} in subgraphs/registry.json`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const childEnv = {
    ...process.env,
    ...TEST_ENV,
    SCHEDULER_INTERVAL_MS: '0',
    DATABASE_URL: hub.databaseUrl,
    EVENT_BUS_URL: hub.databaseUrl,
    ...Object.fromEntries(entry.dependencies.map((dependency) => [urlVariable(dependency), hub.subgraphs[dependency].url])),
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    output = '';
    const started = spawn(process.execPath, ['-r', path.join(root, 'test/support/runFromSources.js'), `subgraphs/${name}/src/index.ts`], {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
    started.stdout!.on('data', keep);
    started.stderr!.on('data', keep);
    child = started;
    await eventually(
      async () => {
        if (started.exitCode !== null) throw new Error(`the ${name} process exited with ${started.exitCode}: ${output.slice(-4_000)}`);
        const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2_000) }).catch(() => null);
        return response?.ok === true;
      },
      { timeout: 90_000, what: `the ${name} subgraph process ready` },
    );
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill(signal);
    // A stopped process handles no signal but SIGKILL until it is continued; it is killed as it stands.
    if (signal !== 'SIGKILL') running.kill('SIGCONT');
    await exited;
  };
  await start();
  return {
    url,
    port,
    kill: () => end('SIGKILL'),
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    restart: async () => {
      await end('SIGKILL');
      await start();
    },
    stop: () => end('SIGTERM'),
    output: () => output,
  };
}
