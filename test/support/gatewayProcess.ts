import { subgraphRegistry } from '@ioc-graph/platform';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { eventually } from './eventually';
import { TEST_ENV, type Hub } from './hub';
import { freePort, OUTPUT_KEPT } from './subgraphProcess';

const root = path.resolve(__dirname, '../..');

/** A gateway running as a process of its own (`gateway/src/index.ts`, from the sources under test). */
export interface GatewayProcess {
  url: string;
  /** SIGTERM, then waits for it to exit (it stops in order: servers, then tracing with its last spans). */
  stop(): Promise<void>;
  /** What it wrote on stdout and stderr (the last characters). */
  output(): string;
}

/**
 * Starts a gateway process on the hub's event bus and subgraphs, with `subgraphUrls` taking the place of
 * some (subgraph processes), and `env` over the hub's settings; resolves once `/healthz` answers.
 */
export async function startGatewayProcess(
  hub: Hub,
  env: Record<string, string> = {},
  subgraphUrls: Record<string, string> = {},
): Promise<GatewayProcess> {
  const port = await freePort();
  const routes = subgraphRegistry().map(({ name }) => [
    `SUBGRAPH_${name.toUpperCase()}_URL`,
    subgraphUrls[name] ?? hub.subgraphs[name].url,
  ]);
  const child = spawn(process.execPath, ['-r', path.join(root, 'test/support/runFromSources.js'), 'gateway/src/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...TEST_ENV,
      EVENT_BUS_URL: hub.databaseUrl,
      ...Object.fromEntries(routes),
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}/graphql`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the gateway process exited with ${child.exitCode}: ${output.slice(-4_000)}`);
        const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2_000) }).catch(() => null);
        return response?.ok === true;
      },
      { timeout: 90_000, what: 'the gateway process up' },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url, stop, output: () => output };
}
