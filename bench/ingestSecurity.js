#!/usr/bin/env node
// Bulk ingest of the police system's reports: `node bench/ingestSecurity.js [batches] [reports per batch]`
// (defaults 5, 10000), or `run(hub)` from bench/ingest.js on a hub it started. Each batch goes as NDJSON to
// the gateway's `POST /ingest/v1/security-reports` (SYSTEM token), one after the other: new reports
// (checked, stored unique by source id, rolled up per commune, category and hour, hotspot rules judged),
// then the same batches again (recognised as duplicates). Prints reports per second of each. The reports
// are spread over the communes of Bình Phước and the seven categories, one a minute going back from four
// months ago, so that they fill the rollups without moving today's hotspots. The bodies are made before
// the clock starts.
const { ndjson, runAlone, timedBulk } = require('./support');

const COMMUNES = [
  'BP-689-TANPHU',
  'BP-689-TANDONG',
  'BP-689-TANBINH',
  'BP-689-TANXUAN',
  'BP-689-TIENTHANH',
  'BP-688-LONGTHUY',
  'BP-688-PHUOCBINH',
  'BP-690-ANLOC',
  'BP-690-HUNGCHIEN',
  'BP-692-LOCNINH',
  'BP-694-TANKHAI',
  'BP-695-TANPHU',
  'BP-696-DUCPHONG',
  'BP-697-MINHHUNG',
  'BP-698-PHURIENG',
];
const CATEGORIES = ['THEFT', 'THEFT', 'ROBBERY', 'AFFRAY', 'PUBLIC_DISORDER', 'GAMBLING', 'DRUGS', 'TRAFFIC_DISORDER'];

/** Batch `b`: `size` reports, one a minute going back in time from `start`. */
function batch(b, size, start) {
  return Array.from({ length: size }, (_, i) => {
    const n = b * size + i;
    return {
      communeCode: COMMUNES[n % COMMUNES.length],
      category: CATEGORIES[n % CATEGORIES.length],
      channel: n % 3 ? 'HOTLINE_113' : 'PATROL',
      place: 'Chợ trung tâm, khu phố 2',
      policeUnit: 'Công an phường',
      status: 'RESOLVED',
      reportedAt: new Date(start - n * 60_000).toISOString(),
      caseRef: `CA-BP/BENCH-${n}`,
      sourceId: `bench-${n}`,
    };
  });
}

const REPORTS = '/ingest/v1/security-reports?source=bench-ca-bp';

/** Sends the batches to a running hub ({ gatewayUrl, tokens }), new then again; answers reports/s of each. */
async function run(hub, { batches = 5, size = 10_000 } = {}) {
  const start = Date.now() - 120 * 86_400_000;
  const bodies = Array.from({ length: batches }, (_, b) => ndjson(batch(b, size, start)));
  console.log(`security: ${batches} batches of ${size} police reports, NDJSON ${(bodies[0].length / 1e6).toFixed(2)} MB each`);
  const fresh = await timedBulk(hub, 'new reports (bulk)', 'reports', REPORTS, bodies);
  const again = await timedBulk(hub, 'sent again (bulk)', 'reports', REPORTS, bodies);
  return { fresh, again };
}

module.exports = { run };

if (require.main === module) {
  const [batches = 5, size = 10_000] = process.argv.slice(2).map(Number);
  runAlone((hub) => run(hub, { batches, size }));
}
