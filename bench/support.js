// What the benchmarks share: a scratch database and the whole hub (every subgraph and the gateway)
// on it, built from dist/ like `npm start`, with quiet logs and SQL statement counters.
const { Client } = require('pg');
const { randomBytes } = require('node:crypto');

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `work` with the URL of a new database, dropped afterwards. */
async function withDatabase(work) {
  const name = `ioc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Starts the hub on `databaseUrl`; `counts` tallies each subgraph's SQL statements. */
async function startStack(databaseUrl, extraEnv = {}) {
  const platform = require('../platform/dist/src');
  const directoryModule = require('../subgraphs/directory/dist/src/server');
  const incidentsModule = require('../subgraphs/incidents/dist/src/server');
  const { createGateway, readGatewayConfig } = require('../gateway/dist/src/server');
  const env = { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'true', SCHEDULER_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: databaseUrl, EVENT_BUS_URL: databaseUrl, ...extraEnv };
  const silent = platform.createLogger('bench', 'silent');
  const counts = { directory: 0, incidents: 0 };
  const directory = await directoryModule.createServer(directoryModule.readDirectoryConfig(platform.envReader(env)), databaseUrl, { logger: silent, onQuery: () => counts.directory++ });
  const directoryUrl = await directory.listen(0);
  const incidentsConfig = incidentsModule.readIncidentsConfig(platform.envReader({ ...env, DIRECTORY_URL: directoryUrl }));
  const incidents = await incidentsModule.createServer(incidentsConfig, databaseUrl, { logger: silent, onQuery: () => counts.incidents++ });
  const incidentsUrl = await incidents.listen(0);
  const peers = platform.envReader({ ...env, DIRECTORY_URL: directoryUrl, INCIDENTS_URL: incidentsUrl });
  const others = [];
  for (const name of ['dispatch', 'command', 'environment', 'traffic']) {
    const module = require(`../subgraphs/${name}/dist/src/server`);
    const read = module[`read${name[0].toUpperCase()}${name.slice(1)}Config`];
    const server = await module.createServer(read(peers), databaseUrl, { logger: silent });
    others.push({ name, server, url: await server.listen(0) });
  }
  const gatewayConfig = readGatewayConfig(platform.envReader(env));
  gatewayConfig.subgraphUrls = { directory: directoryUrl, incidents: incidentsUrl, ...Object.fromEntries(others.map((o) => [o.name, o.url])) };
  const gateway = await createGateway(gatewayConfig, { logger: silent });
  const gatewayUrl = await gateway.listen(0);
  const tokenFor = (role) => platform.issueToken(directoryModule.demoIdentities().find((p) => p.roles.includes(role)), gatewayConfig.auth);
  return {
    gatewayUrl,
    incidents,
    counts,
    demoId: directoryModule.demoId,
    categoryId: incidentsModule.categoryId,
    tokenFor,
    async stop() {
      await gateway.stop();
      for (const other of others.reverse()) await other.server.stop();
      await incidents.stop();
      await directory.stop();
    },
  };
}

/** POSTs one GraphQL operation; throws on errors. */
async function graphql(url, token, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Starts the hub in a child process (see stackProcess.js); resolves to its URL, tokens and `stop()`. */
function spawnStack(env = {}) {
  const { fork } = require('node:child_process');
  const child = fork(require.resolve('./stackProcess'), [], { env: { ...process.env, BENCH_STACK_ENV: JSON.stringify(env) }, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub process exited with ${code}`)));
    child.once('message', ({ gatewayUrl, tokens }) =>
      resolve({
        gatewayUrl,
        tokens,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.send('stop');
          }),
      }),
    );
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

module.exports = { withDatabase, startStack, spawnStack, graphql, percentile };
