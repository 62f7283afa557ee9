#!/usr/bin/env node
// Writes through the gateway: `npm run bench:alerts -- [alerts per level] [incidents]` (defaults 1000, 200).
// Runs the hub in a child process, reports camera and sensor alerts of Bình Phước's wards as the SYSTEM
// role (each with its own sourceRef) at concurrency 1, 20 and 100, and prints for each level alerts/s,
// p50/p99 latency and the SQL statements per alert of each subgraph that ran any. Then, as an operator
// at concurrency 20, verifies that many alerts into incidents and assigns each incident to an agency,
// and prints incident steps/s the same way. Measured in this run, on this machine.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (default the local server's `postgres` database).
const { randomBytes } = require('node:crypto');
const { graphql, percentile, spawnStack } = require('./support');
const { demoId } = require('../subgraphs/directory/dist/src/server');
const { categoryId } = require('../subgraphs/incidents/dist/src/server');
const { units } = require('../subgraphs/directory/dist/seeds/data');

const [ALERTS = 1000, INCIDENTS = 200] = process.argv.slice(2).map(Number);
const LEVELS = [1, 20, 100];
const STEP_CONCURRENCY = 20;
const REPORT = `mutation Report($input: ReportAlertInput!) { reportAlert(input: $input) { id version } }`;
const VERIFY = `mutation Verify($id: ID!, $input: VerifyAlertInput!) { verifyAlert(id: $id, input: $input) { id version } }`;
const ASSIGN = `mutation Assign($id: ID!, $input: AssignAgencyInput!) { assignAgency(id: $id, input: $input) { id version } }`;

/** The demo directory's wards and communes of Bình Phước, with their centres: where the cameras and sensors are. */
const WARDS = units.filter((unit) => unit.level === 'COMMUNE' && unit.lat !== undefined);
/** What the traffic cameras' AI and the province's sensors report, by category. */
const SOURCES = [
  ['traffic-camera-ai', 'TRF_CONGESTION', (place) => `Camera AI phát hiện ùn tắc kéo dài trên QL14 đoạn qua ${place}`],
  ['traffic-camera-ai', 'TRF_ACCIDENT', (place) => `Camera AI phát hiện va chạm giữa xe máy và ô tô tại ${place}`],
  ['traffic-camera-ai', 'TRF_CAMERA_VIOLATION', (place) => `Xe tải vượt đèn đỏ tại nút giao trung tâm ${place}`],
  ['security-camera-ai', 'SEC_PUBLIC_DISORDER', (place) => `Camera phát hiện tụ tập đông người gây mất trật tự tại ${place}`],
  ['iot-water-level', 'EMG_WATER_LEVEL_ALARM', (place) => `Cảm biến mực nước vượt báo động II trên suối gần ${place}`],
  ['iot-air-quality', 'ENV_AQI_EXCEEDANCE', (place) => `VN_AQI vượt 150 tại trạm quan trắc không khí ${place}`],
  ['iot-flood-sensor', 'URB_FLOODING', (place) => `Cảm biến ngập đô thị báo nước sâu 30 cm tại ${place}`],
];

/** The `n`-th alert of a run: a source, ward and point near its centre; `tag` keeps sourceRefs unique. */
function alertInput(tag, n) {
  const ward = WARDS[n % WARDS.length];
  const [sourceSystem, category, headline] = SOURCES[n % SOURCES.length];
  const jitter = ((n * 7919) % 1000) / 100_000;
  return {
    sourceSystem,
    sourceRef: `${tag}-${n}`,
    categoryId: categoryId(category),
    headline: headline(ward.nameVi),
    location: { latitude: ward.lat + jitter, longitude: ward.lng - jitter },
    unitId: demoId('unit', ward.code),
    occurredAt: new Date().toISOString(),
    evidence: [`https://camera.binhphuoc.gov.vn/clips/${tag}-${n}.mp4`],
  };
}

/** Runs `count` calls of `one(i)` with `concurrency` in flight; resolves to per-call latencies (ms) and seconds. */
async function load(count, concurrency, one) {
  const latencies = [];
  let next = 0;
  const began = process.hrtime.bigint();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const start = process.hrtime.bigint();
      await one(i);
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  return { latencies, seconds: Number(process.hrtime.bigint() - began) / 1e9 };
}

/** Statements of each subgraph that ran any between two counts, per operation. */
function perOperation(before, after, operations) {
  return Object.keys(after)
    .map((name) => [name, (after[name] - before[name]) / operations])
    .filter(([, n]) => n >= 0.05)
    .map(([name, n]) => `${name} ${n.toFixed(1)}`)
    .join(', ');
}

async function measure(hub, label, count, concurrency, one) {
  const before = await hub.counts();
  const { latencies, seconds } = await load(count, concurrency, one);
  const after = await hub.counts();
  console.log(
    `${label.padEnd(24)} ${String(Math.round(count / seconds)).padStart(5)}/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   SQL per op: ${perOperation(before, after, count)}`,
  );
}

async function main() {
  const tag = randomBytes(3).toString('hex');
  const hub = await spawnStack();
  try {
    const { SYSTEM: system, OPERATOR: operator } = hub.tokens;
    let n = 0;
    const report = () => graphql(hub.gatewayUrl, system, REPORT, { input: alertInput(tag, n++) });
    // Warm-up: connections, plans and the JIT, not measured.
    await load(100, 10, report);
    console.log(`reportAlert through the gateway, ${ALERTS} alerts per level (hub in its own process)`);
    for (const concurrency of LEVELS) await measure(hub, `concurrency ${concurrency}`, ALERTS, concurrency, report);

    const alerts = [];
    await load(INCIDENTS, STEP_CONCURRENCY, async () => alerts.push((await report()).reportAlert));
    const incidents = [];
    const agencyId = demoId('agency', 'UBND-TANPHU');
    console.log(`\nincident steps through the gateway as an operator, concurrency ${STEP_CONCURRENCY}, ${INCIDENTS} each`);
    await measure(hub, 'verifyAlert', INCIDENTS, STEP_CONCURRENCY, async (i) => {
      const { id, version } = alerts[i];
      incidents[i] = (await graphql(hub.gatewayUrl, operator, VERIFY, { id, input: { expectedVersion: version } })).verifyAlert;
    });
    await measure(hub, 'assignAgency', INCIDENTS, STEP_CONCURRENCY, async (i) => {
      const { id, version } = incidents[i];
      await graphql(hub.gatewayUrl, operator, ASSIGN, { id, input: { expectedVersion: version, agencyId } });
    });
  } finally {
    await hub.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
