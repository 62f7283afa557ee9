#!/usr/bin/env node
// How long `npm start` takes until the hub answers: `npm run bench:startup`. Runs `npm start` as a user
// would (build, embedded PostgreSQL, migrations, demo data, six subgraphs, the gateway) on a scratch data
// folder twice: cold (the first run initialises the PostgreSQL cluster and loads the demo data) and warm
// (the same folder again), each until the gateway's /readyz answers 200 and the README's first query
// answers, then stops it with SIGINT (Ctrl-C) and waits for it to exit. Prints both times next to their
// goals (warm ≤ 10 s, cold ≤ 30 s) and exits non-zero when one is missed. Leaves nothing behind.
const { spawn } = require('node:child_process');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { freePort } = require('./hubProcesses');
const { subgraphs } = require('../subgraphs/registry.json');

const ROOT = resolve(__dirname, '..');
const GOALS = { cold: 30, warm: 10 };
const LIMIT_MS = 300_000;
const QUERY = '{ administrativeUnitByCode(code: "70") { nameVi children { code } } }';

/** `npm start` with `env`; resolves to seconds until the hub answered, once it has exited again. */
async function launch(env) {
  const started = Date.now();
  // The hub's own PostgreSQL, whatever this shell points at.
  const parent = { ...process.env };
  delete parent.DATABASE_URL;
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...parent, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk) => void (output = (output + chunk.toString()).slice(-8_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal)));
  const base = `http://127.0.0.1:${env.PORT}`;
  let answered = null;
  try {
    while (answered === null) {
      if (Date.now() - started > LIMIT_MS) throw new Error(`no answer within ${LIMIT_MS / 1000} s`);
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      if (ready?.ok) {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = await response.json();
        if (body.data?.administrativeUnitByCode?.nameVi !== 'Tỉnh Bình Phước') throw new Error(`unexpected answer ${JSON.stringify(body)}`);
        answered = (Date.now() - started) / 1000;
      } else await new Promise((done) => setTimeout(done, 50));
    }
  } catch (error) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
    throw new Error(`${error.message}\n${output}`, { cause: error });
  }
  // Ctrl-C reaches the whole process group, as in a terminal; npm ends by the signal it got.
  process.kill(-child.pid, 'SIGINT');
  const code = await exited;
  if (code !== 0 && code !== 'SIGINT') throw new Error(`npm start ended with ${code} after Ctrl-C\n${output}`);
  // Done once every process of the group (the launcher, PostgreSQL) is gone.
  const stopped = Date.now();
  while (groupAlive(child.pid)) {
    if (Date.now() - stopped > LIMIT_MS) throw new Error(`npm start still running ${LIMIT_MS / 1000} s after Ctrl-C\n${output}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return answered;
}

/** Whether any process of process group `pgid` still runs. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-startup-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to reach the folder.
  chmodSync(dir, 0o755);
  try {
    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PRINT_DEMO_TOKENS: 'false',
      EMBEDDED_PG_DATA_DIR: join(dir, 'postgres'),
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };
    // Every subgraph on a port of its own, not its default: the machine may run a hub already.
    for (const { name } of subgraphs) env[`${name.toUpperCase()}_PORT`] = String(await freePort());
    const times = { cold: await launch(env), warm: await launch(env) };
    let missed = false;
    for (const [run, seconds] of Object.entries(times)) {
      const met = seconds <= GOALS[run];
      missed ||= !met;
      console.log(`${run.padEnd(5)} npm start → first answer: ${seconds.toFixed(1)} s (goal ≤ ${GOALS[run]} s${met ? '' : ', missed'})`);
    }
    process.exitCode = missed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
