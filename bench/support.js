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
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'true',
    SCHEDULER_INTERVAL_MS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: databaseUrl,
    EVENT_BUS_URL: databaseUrl,
    ...extraEnv,
  };
  const silent = platform.createLogger('bench', 'silent');
  const counts = Object.fromEntries(platform.subgraphRegistry().map(({ name }) => [name, 0]));
  const servers = [];
  // Every subgraph of subgraphs/registry.json, in dependency order, on free ports.
  const subgraphs = await platform
    .startSubgraphs({
      databaseUrl,
      env,
      port: () => 0,
      dependencies: ({ name }) => ({ logger: silent, onQuery: () => counts[name]++ }),
      onCreated: (server) => servers.push(server),
    })
    .catch(async (error) => {
      for (const server of servers.reverse()) await server.stop().catch(() => undefined);
      throw error;
    });
  const gatewayConfig = readGatewayConfig(platform.envReader(env));
  gatewayConfig.subgraphUrls = Object.fromEntries(Object.values(subgraphs).map(({ entry, url }) => [entry.name, url]));
  const gateway = await createGateway(gatewayConfig, { logger: silent });
  const gatewayUrl = await gateway.listen(0);
  const tokenFor = (role) =>
    platform.issueToken(
      directoryModule.demoIdentities().find((p) => p.roles.includes(role)),
      gatewayConfig.auth,
    );
  return {
    gatewayUrl,
    incidents: subgraphs.incidents.server,
    counts,
    demoId: directoryModule.demoId,
    categoryId: incidentsModule.categoryId,
    tokenFor,
    async stop() {
      await gateway.stop();
      for (const server of servers.reverse()) await server.stop();
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
  const child = fork(require.resolve('./stackProcess'), [], {
    env: { ...process.env, BENCH_STACK_ENV: JSON.stringify(env) },
    // BENCH_HUB_CPU_PROF=<folder> writes a CPU profile of the hub process there when it stops.
    execArgv: process.env.BENCH_HUB_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HUB_CPU_PROF}`] : process.execArgv,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub process exited with ${code}`)));
    child.once('message', ({ gatewayUrl, databaseUrl, tokens }) =>
      resolve({
        gatewayUrl,
        /** The hub's scratch database (dropped when the hub stops). */
        databaseUrl,
        tokens,
        /** Each subgraph's SQL statements since the hub started. */
        counts: () =>
          new Promise((done) => {
            const onMessage = (message) => {
              if (!message?.counts) return;
              child.off('message', onMessage);
              done(message.counts);
            };
            child.on('message', onMessage);
            child.send('counts');
          }),
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

/** Records as an NDJSON body: one JSON object per line. */
const ndjson = (records) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');

/**
 * Sends each NDJSON body to the gateway's bulk route `path` (with its `?source=`) of a running hub
 * (`spawnStack`) as its SYSTEM role, one after the other; prints and returns `unit` per second, with the
 * answers' counts (stored, updated where the route has it, duplicates). A refused body throws.
 */
async function timedBulk(hub, label, unit, path, bodies) {
  const url = new URL(path, hub.gatewayUrl);
  const totals = { received: 0, stored: 0, updated: 0, duplicates: 0 };
  const began = process.hrtime.bigint();
  for (const body of bodies) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${hub.tokens.SYSTEM}` },
      body,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer.errors)}`);
    for (const key of Object.keys(totals)) totals[key] += answer[key] ?? 0;
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const rate = totals.received / seconds;
  const updated = totals.updated ? `, updated ${totals.updated}` : '';
  console.log(
    `${label.padEnd(28)} ${totals.received} ${unit} in ${seconds.toFixed(2)} s = ${Math.round(rate)} ${unit}/s ` +
      `(stored ${totals.stored}${updated}, duplicates ${totals.duplicates})`,
  );
  return rate;
}

/** A sector's ingest benchmark run alone (`node bench/ingest<Sector>.js …`): `run(hub)` on a hub of its own. */
function runAlone(run) {
  (async () => {
    const hub = await spawnStack();
    try {
      await run(hub);
    } finally {
      await hub.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { withDatabase, startStack, spawnStack, graphql, percentile, ndjson, timedBulk, runAlone };
