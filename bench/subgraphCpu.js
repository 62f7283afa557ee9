#!/usr/bin/env node
// What one operation costs a subgraph in CPU: `npm run bench:subgraph-cpu -- [--all] [--rounds N] [--seconds S]
// [--warmup S] [--connections N] [--cpu-prof DIR]` (defaults 3 rounds of 10 s, a 3 s warm-up, 20 connections).
//
// Starts the directory subgraph (with --all, every subgraph) as processes built from dist/
// (bench/hubProcesses.js), each given the URLs of those it depends on, on a scratch database with the demo
// data, and no gateway: autocannon sends one query per subgraph straight to it, signed as our gateway
// signs a subgraph request (bench/gatewayLoad.js). The directory's query is the fire trucks of
// bench:gateway, for an operator (a page of six rows and their agency, read by one loader); the
// others are one list each of their own. Each answer is checked first (HTTP 200, no errors). Per query and
// round, the subgraph process's CPU time (user + system, from /proc) over the operations it counted in
// graphql_requests_total; printed per round, then the median next to the goal of 2 ms per operation for
// the fire trucks (a missed goal is reported, not failed on). The process's CPU while idle (the outbox
// relay's and the pool's timers) is printed beside it and is not subtracted. `--cpu-prof DIR` profiles
// the measured subgraphs and prints where their time went.
const os = require('node:os');
const path = require('node:path');
const { withDatabase } = require('./support');
const { benchEnv, startService, freePort, subgraphEnv } = require('./hubProcesses');
const { drive, send, signedRequest } = require('./gatewayLoad');
const { CALLERS } = require('./gatewayQueries');
const { profileSummary } = require('./profileSummary');
const platform = require('../platform/dist/src');

const DEFAULTS = { rounds: 3, seconds: 10, warmup: 3, connections: 20 };
const GOAL_MS = 2;
// The machine's environment, minus what would change how the services behave (a NODE_ENV=test or production).
const base = { ...process.env };
delete base.NODE_ENV;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One query per subgraph, with the caller that sends it: only fields the subgraph answers itself. */
const QUERIES = {
  directory: {
    name: 'fire trucks',
    caller: 'operator',
    query: `query FireTrucks {
  fieldUnits(first: 20, filter: { kind: FIRE_TRUCK }) { totalCount edges { node { id code callSign nameVi capacity agency { code } } } }
}`,
  },
  incidents: {
    name: 'categories',
    caller: 'system',
    query: 'query Categories { categories(citizenReportable: true) { code nameVi sector slaMinutes } }',
  },
  dispatch: { name: 'category needs', caller: 'operator', query: 'query CategoryNeeds { categoryNeeds { categoryCode unitKinds } }' },
  command: {
    name: 'playbook',
    caller: 'leader',
    query:
      'query Playbook { playbookByCode(code: "FLOOD_SONG_BE") { nameVi phases { code nameVi } taskTemplates { code titleVi agencyCode } } }',
  },
  environment: {
    name: 'air stations',
    caller: 'public',
    query: 'query AirStations { stations(kind: AIR) { code nameVi latitude longitude } }',
  },
  traffic: { name: 'cameras', caller: 'partner', query: 'query Cameras { cameras { code nameVi roadName status } }' },
};

function parseArgs(argv) {
  const options = { ...DEFAULTS, all: false, cpuProf: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--all') options.all = true;
    else if (argv[i] === '--cpu-prof') options.cpuProf = path.resolve(argv[++i] ?? '.');
    else {
      const name = /^--([a-z]+)$/.exec(argv[i])?.[1];
      if (!name || !(name in DEFAULTS)) throw new Error(`unknown argument ${argv[i]}`);
      const value = Number(argv[++i]);
      if (!(value >= (name === 'warmup' ? 0 : 1))) throw new Error(`${argv[i - 1]} needs a positive number`);
      options[name] = value;
    }
  }
  return options;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** graphql_requests_total of one subgraph: the operations it has handled. */
async function operationsOf(url) {
  const text = await (await fetch(new URL('/metrics', url))).text();
  let total = 0;
  for (const [, value] of text.matchAll(/^graphql_requests_total\{[^}]*\} (\S+)$/gm)) total += Number(value);
  return total;
}

/** The measured subgraphs and every subgraph they depend on, started in registry order. */
async function startSubgraphs(databaseUrl, measured, execArgv) {
  const registry = platform.subgraphRegistry();
  const needed = new Set(measured);
  for (const entry of [...registry].reverse()) if (needed.has(entry.name)) entry.dependencies.forEach((name) => needed.add(name));
  const services = {};
  for (const entry of registry.filter(({ name }) => needed.has(name))) {
    const env = subgraphEnv(benchEnv(databaseUrl), entry, (name) => services[name].url, await freePort());
    services[entry.name] = await startService(
      entry.name,
      `subgraphs/${entry.name}/dist/src/index.js`,
      env,
      measured.includes(entry.name) ? execArgv : [],
    );
  }
  return services;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const measured = options.all ? Object.keys(QUERIES) : ['directory'];
  console.log(
    `bench:subgraph-cpu, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}; ${options.rounds} round(s) × ${options.seconds} s, ${options.connections} connections, ${options.warmup} s warm-up`,
  );
  const execArgv = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : [];
  await withDatabase(async (databaseUrl) => {
    const services = await startSubgraphs(databaseUrl, measured, execArgv);
    try {
      const { gatewaySecret } = platform.readCommonConfig(platform.envReader(base));
      const requests = {};
      for (const name of measured) {
        const { caller, query } = QUERIES[name];
        const identity = { ...(CALLERS[caller] ?? platform.PUBLIC), client: platform.clientKey('127.0.0.1') };
        requests[name] = signedRequest(gatewaySecret, name, identity, JSON.stringify({ query }));
        const answer = await send(services[name].url, requests[name]);
        if (answer.status !== 200 || answer.body.errors)
          throw new Error(`${name} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        if (options.warmup) await drive(services[name].url, [requests[name]], { ...options, seconds: options.warmup });
      }
      const results = Object.fromEntries(measured.map((name) => [name, []]));
      for (let round = 0; round < options.rounds; round++) {
        for (const name of measured) {
          const { url, cpuMs } = services[name];
          const idleFrom = cpuMs();
          await sleep(1000);
          const idleMsPerS = cpuMs() - idleFrom;
          const operationsBefore = await operationsOf(url);
          const cpuBefore = cpuMs();
          const { result } = await drive(url, [requests[name]], options);
          // Requests cut off at the end still reach the subgraph: counted once they are done.
          await sleep(250);
          const cpu = cpuMs() - cpuBefore;
          const operations = (await operationsOf(url)) - operationsBefore;
          const ms = cpu / Math.max(1, operations);
          const failed = result.non2xx + result.errors + result.mismatches;
          results[name].push(ms);
          console.log(
            `round ${round + 1}  ${name.padEnd(11)} ${QUERIES[name].name.padEnd(14)} ${operations} operations  ${(operations / options.seconds).toFixed(0)}/s  ${ms.toFixed(3)} ms CPU per operation  (idle ${idleMsPerS.toFixed(0)} ms/s)${failed ? `  ${failed} FAILED` : ''}`,
          );
          if (failed) process.exitCode = 1;
        }
      }
      console.log('\nmedian CPU ms per operation');
      for (const name of measured) {
        const ms = median(results[name]);
        const goal =
          name === 'directory' ? `  ${(ms / GOAL_MS).toFixed(2)}× the goal of ${GOAL_MS} ms: ${ms <= GOAL_MS ? 'met' : 'MISSED'}` : '';
        console.log(`  ${name.padEnd(11)} ${QUERIES[name].name.padEnd(14)} ${ms.toFixed(3)}${goal}`);
      }
    } finally {
      for (const service of Object.values(services).reverse()) await service.stop();
    }
  });
  if (options.cpuProf) console.log(`\n${profileSummary(options.cpuProf)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
