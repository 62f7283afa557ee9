#!/usr/bin/env node
// Bulk ingest of the one-stop-shop system's dossiers: `node bench/ingestEgov.js [batches] [dossiers per
// batch]` (defaults 5, 10000), or `run(hub)` from bench/ingest.js with a hub of `spawnStack`. Sends each
// batch as NDJSON to the gateway's `POST /ingest/v1/dossiers` (SYSTEM token), one after the other:
//  1. new dossiers (RECEIVED at the agencies of Bình Phước's one-stop-shop system);
//  2. the same batches again: recognised as duplicates (same source id, same updatedAt), nothing written;
//  3. the same dossiers in a newer state (FINISHED or RETURNED, newer updatedAt): each replaces the stored
//     dossier, and the hourly rollups take the difference.
// Prints dossiers per second of each. The bodies are made before the clock starts.
const { ndjson, runAlone, timedBulk } = require('./support');

const PROCEDURES = [
  ['2.001417', 'STP-BP', 10],
  ['1.001612', 'SKHDT-BP', 3],
  ['1.004227', 'SNNMT-BP', 20],
  ['1.009974', 'UBND-DX', 15],
  ['1.001193', 'UBND-TANPHU', 1],
  ['2.001947', 'SGTVT-BP', 5],
];
const DAY_MS = 86_400_000;

/** Batch `b`: `size` dossiers received one a minute going back from a day ago, due within their working days (roughly). */
function batch(b, size, start) {
  return Array.from({ length: size }, (_, i) => {
    const n = b * size + i;
    const [procedureCode, agencyCode, days] = PROCEDURES[n % PROCEDURES.length];
    const receivedAt = new Date(start - n * 60_000);
    return {
      sourceId: `bench-${n}`,
      procedureCode,
      agencyCode,
      channel: n % 3 ? 'ONLINE' : 'DESK',
      status: 'RECEIVED',
      receivedAt: receivedAt.toISOString(),
      dueAt: new Date(receivedAt.getTime() + Math.ceil((days * 7) / 5) * DAY_MS).toISOString(),
      finishedAt: null,
      updatedAt: receivedAt.toISOString(),
    };
  });
}

/** The same dossiers, handled: nine in ten finished, one returned, an hour before now. */
const handled = (dossiers, at) =>
  dossiers.map((d, i) => ({ ...d, status: i % 10 ? 'FINISHED' : 'RETURNED', finishedAt: at, updatedAt: at }));

const DOSSIERS = '/ingest/v1/dossiers?source=bench-motcua';

/** The e-government bulk ingest on a running hub (`spawnStack`): new, sent again, newer state. Resolves to the three rates. */
async function run(hub, batches = 5, size = 10_000) {
  const start = Date.now() - DAY_MS;
  const finishedAt = new Date(Date.now() - 3_600_000).toISOString();
  const dossiers = Array.from({ length: batches }, (_, b) => batch(b, size, start));
  const fresh = dossiers.map(ndjson);
  const newer = dossiers.map((list) => ndjson(handled(list, finishedAt)));
  console.log(`\ne-government: ${batches} batches of ${size} dossiers, NDJSON bodies of ${(fresh[0].length / 1e6).toFixed(2)} MB`);
  const received = await timedBulk(hub, 'new dossiers (bulk)', 'dossiers', DOSSIERS, fresh);
  const again = await timedBulk(hub, 'sent again (bulk)', 'dossiers', DOSSIERS, fresh);
  const updated = await timedBulk(hub, 'newer state (bulk)', 'dossiers', DOSSIERS, newer);
  console.log(`re-sent / new = ${(again / received).toFixed(2)}; newer state / new = ${(updated / received).toFixed(2)}`);
  return { received, again, updated };
}

module.exports = { run };

if (require.main === module) {
  const [batches = 5, size = 10_000] = process.argv.slice(2).map(Number);
  runAlone((hub) => run(hub, batches, size));
}
