#!/usr/bin/env node
// Our gateway beside Hive Gateway on the same subgraph processes: `npm run bench:gateway -- [--rounds N]
// [--seconds S] [--warmup S] [--connections N]` (defaults 5 rounds of 15 s per variant and query, a 3 s
// warm-up of each, 20 connections).
//
// The hub runs as processes built from dist/ (bench/hubProcesses.js) on a scratch database
// (BENCH_DATABASE_URL, default the local server's `postgres` database), with a little data written first
// through our gateway (bench/gatewayQueries.js). Beside our gateway, each in a process of its own and
// with the same settings: Hive Gateway with its own query planner and with Hive Router's Rust planner
// (bench/hiveGateway.js: the caller's token verified and every subgraph request signed as ours does, so
// that the subgraphs answer it at all). The variants:
//
//   ours       our gateway with its defaults (identical subgraph queries in flight shared per caller rights)
//   hive       Hive Gateway's defaults (its JS planner; it also shares identical subgraph queries in flight)
//   hive-rust  the same with @graphql-hive/router-runtime's Rust query planner
//   ours-each  our gateway sending every request to its subgraph (no sharing of requests in flight, no
//              caches): with `direct`, what the gateway itself adds to a request (one-subgraph query only)
//   direct     the one-subgraph query sent straight to the directory subgraph, signed: the floor under any gateway
//
// Before measuring, every query is sent once through each gateway: each answer must be HTTP 200 without
// errors and the same through Hive (both planners) as through ours, and the direct answer the same data,
// or the bench stops. Then autocannon drives each variant for S seconds per query, in rounds that
// interleave the variants (their order turns each round), so that a slow spell of this shared machine
// falls on all of them. Per variant and query: requests/s, p50 and p99 latency (from every response's
// time), subgraph operations per client request (graphql_requests_total of the subgraphs' /metrics),
// the gateway's and the subgraphs' CPU time per request (/proc), and the requests that failed (non-2xx,
// socket errors, timeouts, or an answer with `errors`): any fails the run with a non-zero exit. The
// ratios are medians of per-round ratios, printed next to their goals (ours ≥ 1.5× hive on the
// cross-subgraph query and on the mix, ours ≥ 1.0× hive-rust on the mix, p50 through ours-each ≤ 1.2× direct);
// a missed goal is reported, not failed on.
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const { isDeepStrictEqual } = require('node:util');
const { withDatabase } = require('./support');
const { startHubProcesses, startService, freePort, cpuMs } = require('./hubProcesses');
const { CALLERS, QUERIES, writeData } = require('./gatewayQueries');
const { drive, measure, requestsOf, send, signedRequest } = require('./gatewayLoad');
const platform = require('../platform/dist/src');
const { readGatewayConfig } = require('../gateway/dist/src/server');

const DEFAULTS = { rounds: 5, seconds: 15, warmup: 3, connections: 20 };
const CROSS = 'unit picture (4 subgraphs)';
const ONE = 'fire trucks (directory only)';
const MIX = 'mix of 20 (several callers)';
const GOALS = [
  { query: CROSS, ratio: 'req/s ours/hive', atLeast: 1.5 },
  { query: MIX, ratio: 'req/s ours/hive', atLeast: 1.5 },
  { query: MIX, ratio: 'req/s ours/hive-rust', atLeast: 1.0 },
  { query: ONE, ratio: 'p50 ours-each/direct', atMost: 1.2 },
];

function parseArgs(argv) {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const name = /^--([a-z]+)$/.exec(argv[i])?.[1];
    if (!name || !(name in DEFAULTS))
      throw new Error(`unknown argument ${argv[i]}: expected --rounds, --seconds, --warmup or --connections`);
    const value = Number(argv[i + 1]);
    if (!(value >= (name === 'warmup' ? 0 : 1))) throw new Error(`${argv[i]} needs a positive number`);
    options[name] = value;
  }
  return options;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const git = (...args) => execFileSync('git', args, { cwd: __dirname, encoding: 'utf8' }).trim();

/**
 * Sends each distinct query once through every gateway and fails unless each answer is HTTP 200 without
 * errors and the same through all of them (and the direct answer the same data as ours).
 */
async function checkAnswers(variants, requests) {
  const problems = [];
  const seen = new Set();
  let checked = 0;
  for (const [name, byVariant] of Object.entries(requests)) {
    for (let i = 0; i < byVariant.ours.length; i++) {
      const key = byVariant.ours[i].body + byVariant.ours[i].headers.authorization;
      if (seen.has(key)) continue;
      seen.add(key);
      checked++;
      const ours = await send(variants.ours.url, byVariant.ours[i]);
      if (ours.status !== 200 || ours.body.errors)
        problems.push(`${name} #${i + 1} through ours: ${ours.status} ${JSON.stringify(ours.body).slice(0, 300)}`);
      for (const variant of Object.keys(byVariant).filter((v) => v !== 'ours')) {
        const other = await send(variants[variant].url, byVariant[variant][i]);
        const same = variant === 'direct' ? isDeepStrictEqual(other.body, { data: ours.body.data }) : isDeepStrictEqual(other, ours);
        if (!same) problems.push(`${name} #${i + 1}: ${variant} answered ${other.status} ${JSON.stringify(other.body).slice(0, 300)}`);
      }
    }
  }
  if (problems.length) throw new Error(`the gateways do not answer alike:\n  ${problems.join('\n  ')}`);
  return checked;
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const row = (cells, widths) =>
  cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');

function report(runs, options) {
  const widths = [28, 9, 8, 7, 7, 10, 13, 13, 6];
  console.log(`\nmedians over ${options.rounds} round(s); failed requests summed`);
  console.log(row(['query', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'sg ops/req', 'gw CPU ms/req', 'sg CPU ms/req', 'failed'], widths));
  for (const [query, byVariant] of Object.entries(runs)) {
    for (const [variant, rounds] of Object.entries(byVariant)) {
      const m = (key) => median(rounds.map((r) => r[key]));
      const failed = rounds.reduce((sum, r) => sum + r.failed, 0);
      const gatewayCpu = variant === 'direct' ? '–' : fixed(m('gatewayCpuMs'), 3);
      const cells = [query, variant, fixed(m('reqPerSec'), 0), fixed(m('p50'), 2), fixed(m('p99'), 2), fixed(m('operationsPerRequest'), 2)];
      console.log(row([...cells, gatewayCpu, fixed(m('subgraphCpuMs'), 3), failed ? `${failed} !` : 0], widths));
    }
  }
  const ratio = (query, name) => {
    const byVariant = runs[query];
    const [metric, pair] = name.split(' ');
    const [a, b] = pair.split('/');
    const key = metric === 'p50' ? 'p50' : 'reqPerSec';
    return median(byVariant[a].map((run, i) => run[key] / byVariant[b][i][key]));
  };
  console.log('\nratios (medians of per-round ratios)');
  let met = 0;
  for (const query of Object.keys(runs)) {
    const names = ['req/s ours/hive', 'req/s ours/hive-rust', ...(runs[query].direct ? ['p50 ours/direct', 'p50 ours-each/direct'] : [])];
    for (const name of names) {
      const value = ratio(query, name);
      const goal = GOALS.find((g) => g.query === query && g.ratio === name);
      let verdict = '';
      if (goal) {
        const ok = goal.atLeast !== undefined ? value >= goal.atLeast : value <= goal.atMost;
        met += ok ? 1 : 0;
        verdict = `goal ${goal.atLeast !== undefined ? `≥ ${goal.atLeast.toFixed(1)}` : `≤ ${goal.atMost.toFixed(1)}`}×: ${ok ? 'met' : 'MISSED'}`;
      }
      console.log(`  ${query.padEnd(28)}  ${name.padEnd(20)}  ${fixed(value, 2).padStart(6)}×  ${verdict}`);
    }
  }
  console.log(`goals met: ${met} of ${GOALS.length}`);
}

/** Each query's requests per variant: the same through every gateway, and the one-subgraph query signed for `direct`. */
function requestsPerVariant(tokens, gatewaySecret) {
  const requests = {};
  for (const [name, entries] of Object.entries(QUERIES)) {
    const list = requestsOf(entries, tokens);
    requests[name] = { ours: list, hive: list, 'hive-rust': list };
    if (name === ONE) {
      const identity = { ...CALLERS[entries[0].caller], client: platform.clientKey('127.0.0.1') };
      requests[name]['ours-each'] = list;
      requests[name].direct = [signedRequest(gatewaySecret, 'directory', identity, list[0].body)];
    }
  }
  return requests;
}

/** Every variant on every query for `seconds`, round after round, the variants' order turning each round. */
async function runRounds(hub, variants, requests, options) {
  const runs = {};
  for (const [name, byVariant] of Object.entries(requests)) runs[name] = Object.fromEntries(Object.keys(byVariant).map((v) => [v, []]));
  for (let round = 0; round < options.rounds; round++) {
    console.log(`\nround ${round + 1} of ${options.rounds} (load ${os.loadavg()[0].toFixed(2)})`);
    for (const [name, byVariant] of Object.entries(requests)) {
      const order = Object.keys(byVariant);
      for (const variant of [...order.slice(round % order.length), ...order.slice(0, round % order.length)]) {
        const run = await measure(hub, variants[variant], byVariant[variant], options);
        runs[name][variant].push(run);
        const failed = run.failed ? `  ${run.failed} FAILED` : '';
        const latency = `p50 ${fixed(run.p50, 2)} ms  p99 ${fixed(run.p99, 2)} ms`;
        console.log(`  ${name.padEnd(28)}  ${variant.padEnd(9)}  ${fixed(run.reqPerSec, 0).padStart(6)} req/s  ${latency}${failed}`);
      }
    }
  }
  return runs;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dirty = git('status', '--porcelain') ? ' with uncommitted changes' : '';
  console.log(`bench:gateway at ${git('rev-parse', '--short', 'HEAD')}${dirty}, ${new Date().toISOString()}`);
  const { rounds, seconds, connections, warmup } = options;
  console.log(
    `node ${process.version}, ${os.cpus().length} cores; ${rounds} round(s) × ${seconds} s per variant and query, ${connections} connections, ${warmup} s warm-up`,
  );
  await withDatabase(async (databaseUrl) => {
    const hub = await startHubProcesses(databaseUrl);
    const services = [];
    try {
      const { auth, gatewaySecret, subgraphDeduplication } = readGatewayConfig(platform.envReader(hub.gatewayEnv));
      const tokens = {};
      for (const [caller, identity] of Object.entries(CALLERS)) {
        if (identity) tokens[caller] = await platform.issueToken(identity, { ...auth, expiresIn: '2h' });
      }
      await writeData(async (caller, query, variables) => {
        const { status, body } = await send(hub.gatewayUrl, requestsOf([{ caller, query, variables }], tokens)[0]);
        if (status !== 200 || body.errors) throw new Error(`writing the bench's data failed: ${status} ${JSON.stringify(body)}`);
        return body.data;
      });
      // Hive gets the environment of our gateway: the same subgraphs, token settings and shared secret.
      const hive = async (name, planner) => {
        const env = { ...hub.gatewayEnv, HIVE_PLANNER: planner, PORT: String(await freePort()) };
        services.push(await startService(name, 'bench/hiveGateway.js', env));
        return services.at(-1);
      };
      // Our gateway again, every request going to its subgraph: what it adds to a request, beside `direct`.
      const each = { SUBGRAPH_DEDUPLICATION: 'false', RESPONSE_CACHE: 'false', ENTITY_CACHE_SUBGRAPHS: '' };
      const oursEach = await startService('ours-each', 'gateway/dist/src/index.js', {
        ...hub.gatewayEnv,
        ...each,
        PORT: String(await freePort()),
      });
      services.push(oursEach);
      const variants = {
        ours: { url: hub.gatewayUrl, cpuMs: () => cpuMs(hub.gatewayPid) },
        'ours-each': oursEach,
        hive: await hive('hive', 'js'),
        'hive-rust': await hive('hive-rust', 'rust'),
        direct: { url: hub.subgraphUrls.directory, cpuMs: () => 0 },
      };
      console.log(
        `ours: SUBGRAPH_DEDUPLICATION=${subgraphDeduplication}, response and entity caches on; ours-each: ${Object.entries(each)
          .map(([key, value]) => `${key}=${value}`)
          .join(', ')}; hive and hive-rust: Hive Gateway's defaults`,
      );
      const requests = requestsPerVariant(tokens, gatewaySecret);
      const checked = await checkAnswers(variants, requests);
      console.log(`answers: ${checked} operations, each the same through ours, hive and hive-rust, without errors; direct the same data`);
      for (const byVariant of Object.values(warmup ? requests : {})) {
        for (const [variant, list] of Object.entries(byVariant)) await drive(variants[variant].url, list, { ...options, seconds: warmup });
      }
      const runs = await runRounds(hub, variants, requests, options);
      report(runs, options);
      if (Object.values(runs).some((byVariant) => Object.values(byVariant).some((all) => all.some((run) => run.failed)))) {
        console.error('\nsome requests failed: the figures above do not compare like with like');
        process.exitCode = 1;
      }
    } finally {
      for (const service of services) await service.stop();
      await hub.stop();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
