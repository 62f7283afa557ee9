#!/usr/bin/env node
// Bulk ingest of the urban sector: `node bench/ingestUrban.js [batches] [records per batch]` (defaults 5,
// 10000), or `run(hub)` from bench/ingest.js on a hub it already started. Through the gateway with a
// SYSTEM token, one batch after the other: the lighting controllers' reports (eight circuits of Đồng Xoài,
// Chơn Thành and Bình Long, one report per circuit and minute, going back in time) to
// `POST /ingest/v1/lighting-reports`, new then sent again; then the waste trucks' GPS pings (three trucks,
// one ping every 10 s along their routes) to `POST /ingest/v1/truck-pings`, new then sent again. Prints
// records per second of each. The bodies are made before the clock starts.
const { ndjson, runAlone, timedBulk } = require('./support');

const [BATCHES = 5, SIZE = 10_000] = process.argv.slice(2).map(Number);
const CIRCUITS = [
  ['BP-CS-DX-01-L1', 48],
  ['BP-CS-DX-01-L2', 36],
  ['BP-CS-DX-02-L1', 60],
  ['BP-CS-DX-02-L2', 30],
  ['BP-CS-DX-03-L1', 42],
  ['BP-CS-CT-01-L1', 54],
  ['BP-CS-CT-01-L2', 40],
  ['BP-CS-BL-01-L1', 38],
];
const TRUCKS = [
  ['BP-XE-RAC-DX-01', 11.5349, 106.8887],
  ['BP-XE-RAC-CT-01', 11.4318, 106.6038],
  ['BP-XE-RAC-BL-01', 11.6536, 106.6059],
];

/** Batch `b` of lighting reports: one per circuit and minute, going back from `start`; a few lamps failed. */
function reports(b, start) {
  return Array.from({ length: SIZE }, (_, i) => {
    const n = b * SIZE + i;
    const [circuitCode, lamps] = CIRCUITS[n % CIRCUITS.length];
    return {
      circuitCode,
      state: 'ON',
      failedLamps: Math.floor(Math.abs(Math.sin(n)) * Math.min(4, lamps)),
      reportedAt: new Date(start - Math.floor(n / CIRCUITS.length) * 60_000).toISOString(),
      sourceId: `bench-cs-${n}`,
    };
  });
}

/** Batch `b` of GPS pings: one per truck every 10 s, wandering a few hundred metres around its depot. */
function pings(b, start) {
  return Array.from({ length: SIZE }, (_, i) => {
    const n = b * SIZE + i;
    const [truckCode, lat, lng] = TRUCKS[n % TRUCKS.length];
    return {
      truckCode,
      latitude: lat + 0.003 * Math.sin(n / 50),
      longitude: lng + 0.003 * Math.cos(n / 50),
      at: new Date(start - Math.floor(n / TRUCKS.length) * 10_000).toISOString(),
      sourceId: `bench-gps-${n}`,
    };
  });
}

const LIGHTING = '/ingest/v1/lighting-reports?source=bench';
const PINGS = '/ingest/v1/truck-pings?source=bench';

/** The urban bulk ingest on a running hub (`spawnStack`): lighting reports and GPS pings, new then again. */
async function run(hub) {
  const start = Date.now() - 3_600_000;
  const lighting = Array.from({ length: BATCHES }, (_, b) => ndjson(reports(b, start)));
  const gps = Array.from({ length: BATCHES }, (_, b) => ndjson(pings(b, start)));
  console.log(`urban: ${BATCHES} batches of ${SIZE} records, one after the other\n`);
  return {
    lightingNew: await timedBulk(hub, 'lighting reports, new', 'records', LIGHTING, lighting),
    lightingAgain: await timedBulk(hub, 'lighting reports, sent again', 'records', LIGHTING, lighting),
    pingsNew: await timedBulk(hub, 'truck pings, new', 'records', PINGS, gps),
    pingsAgain: await timedBulk(hub, 'truck pings, sent again', 'records', PINGS, gps),
  };
}

module.exports = { run };

if (require.main === module) runAlone(run);
