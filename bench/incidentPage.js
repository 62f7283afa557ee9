#!/usr/bin/env node
// How a page of incidents with their agency, unit (and its parent), opener and reporter scales with
// its size, through the real gateway and both subgraphs: `npm run bench:incidents`.
// Prints, per page size, the SQL statements each subgraph ran and the median time, and the ratios
// between the largest and the smallest page, measured in this one run. Batching shows as a constant
// statement count and a time that grows far slower than the page.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (default the local server's `postgres` database);
// a scratch database is created and dropped.
const { Client } = require('pg');
const { randomBytes } = require('node:crypto');

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = [10, 50, 100];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const INCIDENTS = 300;

const QUERY = `query Page($first: Int) { incidents(first: $first) { edges { node { code
  category { code } agency { code nameVi } unit { code nameVi parent { nameVi } } openedBy { fullName } reporter { phone } } } } }`;

async function withDatabase(work) {
  const name = `ioc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  const platform = require('../platform/dist/src');
  const { createServer: createDirectory, readDirectoryConfig, demoId, demoIdentities } = require('../subgraphs/directory/dist/src/server');
  const { createServer: createIncidents, readIncidentsConfig, categoryId } = require('../subgraphs/incidents/dist/src/server');
  const { createGateway, readGatewayConfig } = require('../gateway/dist/src/server');
  const env = { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'true', SCHEDULER_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000' };
  const silent = platform.createLogger('bench', 'silent');

  await withDatabase(async (databaseUrl) => {
    const counts = { directory: 0, incidents: 0 };
    const directory = await createDirectory(readDirectoryConfig(platform.envReader({ ...env, DATABASE_URL: databaseUrl })), databaseUrl, { logger: silent, onQuery: () => counts.directory++ });
    const directoryUrl = await directory.listen(0);
    const incidentsConfig = readIncidentsConfig(platform.envReader({ ...env, DATABASE_URL: databaseUrl, DIRECTORY_URL: directoryUrl }));
    const incidents = await createIncidents(incidentsConfig, databaseUrl, { logger: silent, onQuery: () => counts.incidents++ });
    const incidentsUrl = await incidents.listen(0);
    const gatewayConfig = readGatewayConfig(platform.envReader(env));
    gatewayConfig.subgraphUrls = { directory: directoryUrl, incidents: incidentsUrl };
    const gateway = await createGateway(gatewayConfig, { logger: silent });
    const gatewayUrl = await gateway.listen(0);
    try {
      await seed(incidents.orm, demoId, categoryId);
      const operator = demoIdentities().find((p) => p.roles.includes('OPERATOR'));
      const token = await platform.issueToken(operator, gatewayConfig.auth);
      const run = async (first) => {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY, variables: { first } }),
        });
        const body = await response.json();
        if (body.errors || body.data.incidents.edges.length !== first) throw new Error(JSON.stringify(body.errors ?? 'short page'));
      };
      const results = [];
      for (const size of SIZES) {
        for (let i = 0; i < 5; i++) await run(size);
        counts.directory = counts.incidents = 0;
        await run(size);
        const statements = { ...counts };
        const times = [];
        for (let i = 0; i < ROUNDS; i++) {
          const started = process.hrtime.bigint();
          await run(size);
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        results.push({ size, ...statements, ms: times[Math.floor(times.length / 2)] });
      }
      console.log('page size | incidents SQL | directory SQL | median ms');
      for (const r of results) console.log(`${String(r.size).padStart(9)} | ${String(r.incidents).padStart(13)} | ${String(r.directory).padStart(13)} | ${r.ms.toFixed(1).padStart(9)}`);
      const [small, large] = [results[0], results.at(-1)];
      console.log(`\n${large.size / small.size}x the items: ${(large.incidents / small.incidents).toFixed(2)}x incidents statements, ` +
        `${(large.directory / small.directory).toFixed(2)}x directory statements, ${(large.ms / small.ms).toFixed(2)}x the time ` +
        `(${(small.ms / small.size).toFixed(2)} → ${(large.ms / large.size).toFixed(2)} ms per incident)`);
    } finally {
      await gateway.stop();
      await incidents.stop();
      await directory.stop();
    }
  });
}

/** INCIDENTS incidents in the wards of the demo province, each from a citizen report with a contact. */
async function seed(orm, demoId, categoryId) {
  const em = orm.em.fork();
  const wards = [['70', '689', 'BP-689-TANPHU'], ['70', '689', 'BP-689-TANBINH'], ['70', '688', 'BP-688-LONGPHUOC'], ['70', '690', 'BP-690-ANLOC']];
  const agencies = ['SXD-BP', 'SNNMT-BP', 'CA-BP', 'UBND-DX'];
  const category = categoryId('URB_ILLEGAL_CONSTRUCTION');
  const now = new Date();
  const incidentRows = [];
  const alertRows = [];
  for (let i = 0; i < INCIDENTS; i++) {
    const lineage = wards[i % wards.length].map((code) => demoId('unit', code));
    const id = require('node:crypto').randomUUID();
    incidentRows.push({ id, code: `VV-BENCH-${i}`, title: `Vụ việc ${i}`, description: 'Xây dựng không phép', sector: 'URBAN_ORDER', category_id: category, severity: 'MODERATE',
      process: 'TIMED', status: 'ACTUAL', state: 'ASSIGNED', unit_id: lineage.at(-1), unit_lineage: lineage, agency_id: demoId('agency', agencies[i % agencies.length]),
      occurred_at: now, opened_at: new Date(now.getTime() - i * 1000), opened_by: 'demo-operator', result_evidence: [], version: 1 });
    alertRows.push({ id: require('node:crypto').randomUUID(), source_system: 'citizen-report', source_ref: `PA-BENCH-${i}`, sector: 'URBAN_ORDER', category_id: category,
      severity: 'MODERATE', headline: `Phản ánh ${i}`, description: 'Xây dựng không phép', unit_lineage: lineage, occurred_at: now, received_at: now, evidence: [],
      reporter_name: `Người dân ${i}`, reporter_phone: '0912 000 000', incident_id: id, version: 1 });
  }
  const knex = em.getKnex();
  await knex('incidents.incident').insert(incidentRows);
  await knex('incidents.alert').insert(alertRows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
