#!/usr/bin/env node
// Public reads with and without the gateway's response cache: `npm run bench:open-data -- [--rounds N]
// [--seconds S] [--connections N]` (defaults 3 rounds of 10 s per variant and read, 20 connections).
//
// The hub runs as processes built from dist/ (bench/hubProcesses.js) on a scratch database; beside its
// gateway (response cache on, the default) a second gateway on the same subgraphs with RESPONSE_CACHE=false.
// Two reads a public caller makes: a GraphQL query of the province's units with their air quality and water
// (three subgraphs), and the open-data export of the administrative units as CSV (GET /open/v1/…). Before
// measuring, each read must answer 200 without errors, the same through both gateways. Rounds interleave the
// variants so that a slow spell of this shared machine falls on both. Prints requests/s and p50 per variant
// and read, and the ratio cached/uncached (the median of per-round ratios); a failed request fails the run.
const { withDatabase } = require('./support');
const { startHubProcesses, startService } = require('./hubProcesses');
const { drive } = require('./gatewayLoad');

const DEFAULTS = { rounds: 3, seconds: 10, connections: 20 };
const PUBLIC_QUERY = `query PublicUnits { administrativeUnits(first: 50) { edges { node { code nameVi airQuality { aqi } water { gauges alarm } } } } }`;

function parseArgs(argv) {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const name = /^--([a-z]+)$/.exec(argv[i])?.[1];
    if (!name || !(name in DEFAULTS)) throw new Error(`unknown argument ${argv[i]}: expected --rounds, --seconds or --connections`);
    const value = Number(argv[i + 1]);
    if (!(value >= 1)) throw new Error(`${argv[i]} needs a positive number`);
    options[name] = value;
  }
  return options;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await withDatabase(async (databaseUrl) => {
    const hub = await startHubProcesses(databaseUrl);
    let uncached;
    try {
      const port = await require('./hubProcesses').freePort();
      uncached = await startService('gateway-uncached', 'gateway/dist/src/index.js', {
        ...hub.gatewayEnv,
        RESPONSE_CACHE: 'false',
        PORT: String(port),
      });
      const variants = { cached: hub.gatewayUrl, uncached: uncached.url };
      const reads = {
        'GraphQL: units with air and water (3 subgraphs)': (url) => ({
          url,
          requests: [
            {
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: PUBLIC_QUERY }),
            },
          ],
        }),
        'export: administrative units CSV': (url) => ({
          url: new URL('/open/v1/administrative-units.csv', url).toString(),
          requests: [{ method: 'GET', path: '/open/v1/administrative-units.csv?limit=1000' }],
        }),
      };
      // Every read answers, and the same through both gateways, before anything is measured.
      for (const [name, read] of Object.entries(reads)) {
        const answers = [];
        for (const url of Object.values(variants)) {
          const { requests } = read(url);
          const [request] = requests;
          const response = await fetch(new URL(request.path, url), {
            method: request.method,
            headers: request.headers,
            body: request.body,
          });
          const text = await response.text();
          if (response.status !== 200 || text.includes('"errors"'))
            throw new Error(`${name} through ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
          answers.push(text);
        }
        if (answers[0] !== answers[1]) throw new Error(`${name}: the two gateways answer differently`);
      }
      const results = {};
      for (let round = 0; round < options.rounds; round++) {
        const order = Object.keys(variants);
        if (round % 2) order.reverse();
        for (const [name, read] of Object.entries(reads)) {
          for (const variant of order) {
            const { requests } = read(variants[variant]);
            const { result, times } = await drive(new URL('/', variants[variant]).toString(), requests, options);
            const failed = result.non2xx + result.errors + result.mismatches;
            if (failed) throw new Error(`${variant} ${name}: ${failed} failed requests`);
            times.sort((a, b) => a - b);
            ((results[name] ??= {})[variant] ??= []).push({
              reqPerSec: result.requests.total / result.duration,
              p50: times[Math.floor(times.length / 2)],
            });
          }
        }
      }
      console.log(`\npublic reads, ${options.rounds} rounds × ${options.seconds} s, ${options.connections} connections`);
      for (const [name, byVariant] of Object.entries(results)) {
        const ratios = byVariant.cached.map((run, i) => run.reqPerSec / byVariant.uncached[i].reqPerSec);
        console.log(`\n${name}`);
        for (const [variant, runs] of Object.entries(byVariant)) {
          console.log(
            `  ${variant.padEnd(9)} ${median(runs.map((r) => r.reqPerSec))
              .toFixed(0)
              .padStart(7)} req/s   p50 ${median(runs.map((r) => r.p50)).toFixed(1)} ms`,
          );
        }
        console.log(`  req/s cached/uncached: ${median(ratios).toFixed(2)}×`);
      }
    } finally {
      await uncached?.stop();
      await hub.stop();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
