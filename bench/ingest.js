#!/usr/bin/env node
// Bulk ingest of sensor readings: `npm run bench:ingest -- [batches] [readings per batch]` (defaults 10,
// 10000). Runs the hub in a child process, sends the environment subgraph's `ingestReadings` through the
// gateway batch after batch (five air stations, six pollutants, one reading per station, pollutant and
// minute), then sends the same batches again, and prints readings per second for new readings (stored,
// with rollups, AQI and rules) and for re-sent ones (recognised as duplicates), measured in this run.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (default the local server's `postgres` database).
const { graphql, spawnStack } = require('./support');

const [BATCHES = 10, SIZE = 10_000] = process.argv.slice(2).map(Number);
const STATIONS = ['BP-KK-DX01', 'BP-KK-DX02', 'BP-KK-CT01', 'BP-KK-CT02', 'BP-KK-PL01'];
const METRICS = [
  ['PM2_5', 35],
  ['PM10', 60],
  ['NO2', 40],
  ['SO2', 20],
  ['CO', 3000],
  ['O3', 60],
];
const INGEST = `mutation Ingest($input: IngestReadingsInput!) { ingestReadings(input: $input) { received stored duplicates } }`;

/** Batch `b`: SIZE readings, one per station, pollutant and minute, going back in time from an hour ago. */
function batch(b, start) {
  const perMinute = STATIONS.length * METRICS.length;
  const readings = [];
  for (let i = 0; i < SIZE; i++) {
    const n = b * SIZE + i;
    const minute = Math.floor(n / perMinute);
    const [metric, base] = METRICS[n % METRICS.length];
    readings.push({
      stationCode: STATIONS[Math.floor(n / METRICS.length) % STATIONS.length],
      metric,
      value: Math.round(base * (0.8 + 0.4 * Math.abs(Math.sin(n))) * 10) / 10,
      measuredAt: new Date(start - minute * 60_000).toISOString(),
      sourceId: `bench-${n}`,
    });
  }
  return readings;
}

async function main() {
  const hub = await spawnStack();
  try {
    const token = hub.tokens.SYSTEM;
    const start = Date.now() - 3_600_000;
    const batches = Array.from({ length: BATCHES }, (_, b) => batch(b, start));
    const run = async (label) => {
      const began = process.hrtime.bigint();
      const totals = { received: 0, stored: 0, duplicates: 0 };
      for (const readings of batches) {
        const { ingestReadings } = await graphql(hub.gatewayUrl, token, INGEST, { input: { source: 'bench', readings } });
        for (const key of Object.keys(totals)) totals[key] += ingestReadings[key];
      }
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      console.log(
        `${label}: ${totals.received} readings in ${seconds.toFixed(1)} s = ${Math.round(totals.received / seconds)} readings/s (stored ${totals.stored}, duplicates ${totals.duplicates})`,
      );
      return totals.received / seconds;
    };
    const fresh = await run('new readings ');
    const again = await run('sent again   ');
    console.log(`\nre-sent batches are absorbed ${(again / fresh).toFixed(2)}x as fast as new ones are stored`);
  } finally {
    await hub.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
