#!/usr/bin/env node
// Bulk ingest of the police system's reports: `node bench/ingestSecurity.js [batches] [reports per batch]`
// (defaults 5, 10000), or `run(hub)` from bench/ingest.js on a hub it started. Each batch goes as NDJSON to
// the gateway's `POST /ingest/v1/security-reports` (SYSTEM token), one after the other: new reports
// (checked, stored unique by source id, rolled up per commune, category and hour, hotspot rules judged),
// then the same batches again (recognised as duplicates). Prints reports per second of each. The reports
// are spread over the communes of Bình Phước and the seven categories, one a minute going back from four
// months ago, so that they fill the rollups without moving today's hotspots. The bodies are made before
// the clock starts.
const { spawnStack } = require('./support');

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

/** Sends the batches to a running hub ({ gatewayUrl, tokens }), new then again; answers reports/s of each. */
async function run(hub, { batches = 5, size = 10_000 } = {}) {
  const start = Date.now() - 120 * 86_400_000;
  const bodies = Array.from({ length: batches }, (_, b) =>
    Buffer.from(
      batch(b, size, start)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    ),
  );
  const url = new URL('/ingest/v1/security-reports?source=bench-ca-bp', hub.gatewayUrl);
  const send = async (body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${hub.tokens.SYSTEM}` },
      body,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer.errors)}`);
    return answer;
  };
  const timed = async (label) => {
    const began = process.hrtime.bigint();
    const totals = { received: 0, stored: 0, duplicates: 0 };
    for (const body of bodies) {
      const outcome = await send(body);
      for (const key of Object.keys(totals)) totals[key] += outcome[key];
    }
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    const rate = totals.received / seconds;
    console.log(
      `${label.padEnd(26)} ${totals.received} reports in ${seconds.toFixed(2)} s = ${Math.round(rate)} reports/s (stored ${totals.stored}, duplicates ${totals.duplicates})`,
    );
    return rate;
  };
  console.log(`security: ${batches} batches of ${size} police reports, NDJSON ${(bodies[0].length / 1e6).toFixed(2)} MB each`);
  const fresh = await timed('new reports (bulk)');
  const again = await timed('sent again (bulk)');
  return { fresh, again };
}

module.exports = { run };

if (require.main === module) {
  const [batches = 5, size = 10_000] = process.argv.slice(2).map(Number);
  (async () => {
    const hub = await spawnStack();
    try {
      await run(hub, { batches, size });
    } finally {
      await hub.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
