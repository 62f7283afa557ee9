#!/usr/bin/env node
// Bulk ingest of the health sector: `node bench/ingestHealth.js [batches] [records per batch]` (defaults
// 5, 10000), alone (it starts the hub in a child process on a scratch database, like bench/ingest.js) or
// as `run(hub)` from bench/ingest.js. Through the gateway, one batch after the other, with a SYSTEM token:
//  1. facility load reports (the hospitals' systems) as NDJSON to `POST /ingest/v1/facility-loads`: new,
//     then the same batches again (recognised as duplicates);
//  2. case counts (the disease surveillance system) to `POST /ingest/v1/case-reports`: new, then again.
// Each is checked, stored (unique by source id), rolled up per hour and judged by the sector's rules.
// Prints records per second of each. The bodies are made before the clock starts.
const { ndjson, runAlone, timedBulk } = require('./support');

const [BATCHES = 5, SIZE = 10_000] = process.argv.slice(2).map(Number);
/** Facilities of the demo with their beds and ambulances (subgraphs/health/seeds/facilities.ts). */
const FACILITIES = [
  ['BP-BV-DKT', 800, 8],
  ['BP-TTYT-DX', 150, 3],
  ['BP-TTYT-PL', 250, 3],
  ['BP-TTYT-BL', 250, 3],
  ['BP-TTYT-LN', 200, 3],
  ['BP-TTYT-BDANG', 200, 3],
];
const COMMUNES = ['BP-689-TANDONG', 'BP-689-TANBINH', 'BP-688-LONGPHUOC', 'BP-690-ANLOC', 'BP-692-LOCNINH', 'BP-697-MINHHUNG'];
const DISEASES = ['DENGUE', 'HAND_FOOT_MOUTH', 'MEASLES', 'COVID_19'];

/** Batch `b` of load reports: one per facility and 10 seconds, going back in time from `start`. */
function loadBatch(b, start) {
  return Array.from({ length: SIZE }, (_, i) => {
    const n = b * SIZE + i;
    const [facilityCode, beds, ambulances] = FACILITIES[n % FACILITIES.length];
    return {
      facilityCode,
      bedsOccupied: Math.round(beds * (0.7 + 0.2 * Math.abs(Math.sin(n)))),
      emergencyWaiting: n % 9,
      ambulancesAvailable: n % (ambulances + 1),
      reportedAt: new Date(start - Math.floor(n / FACILITIES.length) * 10_000).toISOString(),
      sourceId: `bench-load-${n}`,
    };
  });
}

/** Batch `b` of case counts: one per commune and disease and 10 minutes, now and then a case. */
function caseBatch(b, start) {
  const perStep = COMMUNES.length * DISEASES.length;
  return Array.from({ length: SIZE }, (_, i) => {
    const n = b * SIZE + i;
    return {
      disease: DISEASES[n % DISEASES.length],
      unitCode: COMMUNES[Math.floor(n / DISEASES.length) % COMMUNES.length],
      cases: n % 97 === 0 ? 1 : 0,
      deaths: 0,
      reportedAt: new Date(start - Math.floor(n / perStep) * 600_000).toISOString(),
      sourceId: `bench-case-${n}`,
    };
  });
}

const LOADS = '/ingest/v1/facility-loads?source=bench';
const CASES = '/ingest/v1/case-reports?source=bench';

/** The health sector's bulk ingest on a running hub (`{ gatewayUrl, tokens }`): records per second of each route. */
async function run(hub) {
  const start = Date.now() - 60_000;
  const loads = Array.from({ length: BATCHES }, (_, b) => ndjson(loadBatch(b, start)));
  const cases = Array.from({ length: BATCHES }, (_, b) => ndjson(caseBatch(b, start)));
  console.log(`health: ${BATCHES} batches of ${SIZE} records per route, one after the other\n`);
  return {
    loads: await timedBulk(hub, 'facility loads, new', 'records', LOADS, loads),
    loadsAgain: await timedBulk(hub, 'facility loads, sent again', 'records', LOADS, loads),
    cases: await timedBulk(hub, 'case counts, new', 'records', CASES, cases),
    casesAgain: await timedBulk(hub, 'case counts, sent again', 'records', CASES, cases),
  };
}

module.exports = { run };

if (require.main === module) runAlone(run);
