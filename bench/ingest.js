#!/usr/bin/env node
// Bulk ingest of sensor readings: `npm run bench:ingest -- [batches] [readings per batch]` (defaults 10,
// 10000). Runs the hub in a child process on a scratch database and, in one run, with the same readings
// (five air stations, six pollutants, one reading per station, pollutant and minute, going back in time):
//  1. COPY: each batch as rows of COPY's text format into a scratch table of the same columns
//     (`COPY … FROM STDIN` with pg-copy-streams, on the hub's database, one batch after the other): the
//     fastest PostgreSQL takes these rows, with nothing checked, indexed or rolled up; then the same into a
//     scratch table made `like environment.reading including all` (its key (source, source_id), the
//     only index it has, station ids in place of codes): what storing them alone costs;
//  2. new readings: each batch as NDJSON to the gateway's `POST /ingest/v1/readings` (SYSTEM token), one
//     after the other: checked, stored (unique by source id), rolled up, VN_AQI and rules updated;
//  3. sent again: the same batches, recognised as duplicates;
//  4. the GraphQL mutation `ingestReadings` with the same readings under another source, for comparison.
// Then the health, security, urban and e-government sectors' bulk routes on the same hub (bench/ingest<Sector>.js).
// Prints readings per second of each, the ratios of new readings to both COPYs, and whether the goals (at
// least 50,000 new readings/s and at least half the rate of the plain COPY) are met. The bodies and COPY rows are made before
// the clock starts. Needs a PostgreSQL server: BENCH_DATABASE_URL (default the local server's `postgres`
// database); BENCH_HUB_CPU_PROF=<folder> profiles the hub process.
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { graphql, spawnStack } = require('./support');

const [BATCHES = 10, SIZE = 10_000] = process.argv.slice(2).map(Number);
/** The sectors whose bulk ingest follows the readings' (bench/ingest<Sector>.js, each also runnable alone). */
const SECTORS = ['Health', 'Security', 'Urban', 'Egov'];
const GOALS = { readingsPerSecond: 50_000, ofCopy: 0.5 };
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

/** Times `work` over every batch, one after the other; prints and returns readings per second. */
async function timed(label, batches, work) {
  const began = process.hrtime.bigint();
  const totals = { received: 0, stored: 0, duplicates: 0 };
  for (const item of batches) {
    const outcome = await work(item);
    for (const key of Object.keys(totals)) totals[key] += outcome[key] ?? 0;
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const rate = totals.received / seconds;
  const counts = totals.stored || totals.duplicates ? ` (stored ${totals.stored}, duplicates ${totals.duplicates})` : '';
  console.log(`${label.padEnd(22)} ${totals.received} readings in ${seconds.toFixed(2)} s = ${Math.round(rate)} readings/s${counts}`);
  return rate;
}

/** COPY of each batch's rows into `table` (made by `create`) of the hub's database, one batch after the other. */
async function copyRate(client, label, create, table, columns, rows) {
  await client.query(create);
  try {
    return await timed(label, rows, async (text) => {
      const copy = client.query(copyFrom(`copy ${table} ${columns} from stdin`));
      await pipeline(Readable.from([text]), copy);
      return { received: copy.rowCount };
    });
  } finally {
    await client.query(`drop table if exists ${table}`);
  }
}

/** Both COPY rates: into a plain scratch table, and into one with the key of environment.reading. */
async function copyRates(databaseUrl, batches) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plainRows = batches.map((readings) =>
      Buffer.from(readings.map((r) => `bench\t${r.sourceId}\t${r.stationCode}\t${r.metric}\t${r.value}\t${r.measuredAt}\n`).join('')),
    );
    const plain = await copyRate(
      client,
      'COPY (plain scratch)',
      'create table bench_copy_scratch (source text, source_id text, station_code text, metric text, value double precision, measured_at timestamptz)',
      'bench_copy_scratch',
      '',
      plainRows,
    );
    const { rows: stations } = await client.query('select id, code from environment.station');
    const idOf = new Map(stations.map((s) => [s.code, s.id]));
    const receivedAt = new Date().toISOString();
    const likeRows = batches.map((readings) =>
      Buffer.from(
        readings
          .map((r) => `copy\t${r.sourceId}\t${idOf.get(r.stationCode)}\t${r.metric}\t${r.value}\t${r.measuredAt}\t${receivedAt}\n`)
          .join(''),
      ),
    );
    const indexed = await copyRate(
      client,
      'COPY (like reading)',
      'create table bench_copy_like_reading (like environment.reading including all)',
      'bench_copy_like_reading',
      '(source, source_id, station_id, metric, value, measured_at, received_at)',
      likeRows,
    );
    return { plain, indexed };
  } finally {
    await client.end();
  }
}

async function main() {
  const hub = await spawnStack();
  try {
    const token = hub.tokens.SYSTEM;
    const start = Date.now() - 3_600_000;
    const batches = Array.from({ length: BATCHES }, (_, b) => batch(b, start));
    const bodies = batches.map((readings) => Buffer.from(readings.map((r) => JSON.stringify(r)).join('\n') + '\n'));
    const bulkUrl = new URL('/ingest/v1/readings?source=bench', hub.gatewayUrl);
    const bulk = async (body) => {
      const response = await fetch(bulkUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
        body,
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer.errors)}`);
      return answer;
    };
    console.log(
      `${BATCHES} batches of ${SIZE} readings, one after the other; bulk bodies ${(bodies[0].length / 1e6).toFixed(2)} MB of NDJSON each\n`,
    );
    const copy = await copyRates(hub.databaseUrl, batches);
    const fresh = await timed('new readings (bulk)', bodies, bulk);
    const again = await timed('sent again (bulk)', bodies, bulk);
    const viaGraphql = await timed('new readings (GraphQL)', batches, async (readings) => {
      const { ingestReadings } = await graphql(hub.gatewayUrl, token, INGEST, { input: { source: 'bench-graphql', readings } });
      return ingestReadings;
    });
    const ratio = fresh / copy.plain;
    const verdict = (met) => (met ? 'met' : 'NOT met');
    console.log(
      `\nnew readings / COPY (plain scratch) = ${ratio.toFixed(2)}; / COPY (like reading) = ${(fresh / copy.indexed).toFixed(2)}; ` +
        `re-sent / new = ${(again / fresh).toFixed(2)}; bulk / GraphQL = ${(fresh / viaGraphql).toFixed(1)}`,
    );
    console.log(`goal ≥ ${GOALS.readingsPerSecond} new readings/s: ${Math.round(fresh)}/s, ${verdict(fresh >= GOALS.readingsPerSecond)}`);
    console.log(`goal ≥ ${GOALS.ofCopy} × COPY (plain scratch): ${ratio.toFixed(2)} ×, ${verdict(ratio >= GOALS.ofCopy)}`);
    // environment.reading keeps only its key (source, source_id), which idempotency needs: this is the
    // ratio that storing the rows alone reaches, before any of them is read, checked or rolled up.
    console.log(`ceiling: COPY (like reading) / COPY (plain scratch) = ${(copy.indexed / copy.plain).toFixed(2)}`);
    // The other sectors' bulk routes on the same hub, each printing records per second, new and sent again.
    for (const sector of SECTORS) {
      console.log('');
      await require(`./ingest${sector}`).run(hub);
    }
  } finally {
    await hub.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
