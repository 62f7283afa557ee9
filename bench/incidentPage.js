#!/usr/bin/env node
// How a page of incidents with their agency, unit (and its parent), opener and reporter scales with
// its size, through the real gateway and both subgraphs: `npm run bench:incidents`.
// Prints, per page size, the SQL statements each subgraph ran and the median time, and the ratios
// between the largest and the smallest page, measured in this one run. Batching shows as a constant
// statement count and a time that grows far slower than the page.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (default the local server's `postgres` database);
// a scratch database is created and dropped.
const { graphql, startStack, withDatabase } = require('./support');

const SIZES = [10, 50, 100];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const INCIDENTS = 300;

const QUERY = `query Page($first: Int) { incidents(first: $first) { edges { node { code
  category { code } agency { code nameVi } unit { code nameVi parent { nameVi } } openedBy { fullName } reporter { phone } } } } }`;

async function main() {
  await withDatabase(async (databaseUrl) => {
    const hub = await startStack(databaseUrl);
    try {
      await seed(hub.incidents.orm, hub.demoId, hub.categoryId);
      const token = await hub.tokenFor('OPERATOR');
      const run = async (first) => {
        const data = await graphql(hub.gatewayUrl, token, QUERY, { first });
        if (data.incidents.edges.length !== first) throw new Error('short page');
      };
      const results = [];
      for (const size of SIZES) {
        for (let i = 0; i < 5; i++) await run(size);
        hub.counts.directory = hub.counts.incidents = 0;
        await run(size);
        const statements = { ...hub.counts };
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
      for (const r of results)
        console.log(
          `${String(r.size).padStart(9)} | ${String(r.incidents).padStart(13)} | ${String(r.directory).padStart(13)} | ${r.ms.toFixed(1).padStart(9)}`,
        );
      const [small, large] = [results[0], results.at(-1)];
      console.log(
        `\n${large.size / small.size}x the items: ${(large.incidents / small.incidents).toFixed(2)}x incidents statements, ` +
          `${(large.directory / small.directory).toFixed(2)}x directory statements, ${(large.ms / small.ms).toFixed(2)}x the time ` +
          `(${(small.ms / small.size).toFixed(2)} → ${(large.ms / large.size).toFixed(2)} ms per incident)`,
      );
    } finally {
      await hub.stop();
    }
  });
}

/** INCIDENTS incidents in the wards of the demo province, each from a citizen report with a contact. */
async function seed(orm, demoId, categoryId) {
  const em = orm.em.fork();
  const wards = [
    ['70', '689', 'BP-689-TANPHU'],
    ['70', '689', 'BP-689-TANBINH'],
    ['70', '688', 'BP-688-LONGPHUOC'],
    ['70', '690', 'BP-690-ANLOC'],
  ];
  const agencies = ['SXD-BP', 'SNNMT-BP', 'CA-BP', 'UBND-DX'];
  const category = categoryId('URB_ILLEGAL_CONSTRUCTION');
  const now = new Date();
  const incidentRows = [];
  const alertRows = [];
  for (let i = 0; i < INCIDENTS; i++) {
    const lineage = wards[i % wards.length].map((code) => demoId('unit', code));
    const id = require('node:crypto').randomUUID();
    incidentRows.push({
      id,
      code: `VV-BENCH-${i}`,
      title: `Vụ việc ${i}`,
      description: 'Xây dựng không phép',
      sector: 'URBAN_ORDER',
      category_id: category,
      severity: 'MODERATE',
      process: 'TIMED',
      status: 'ACTUAL',
      state: 'ASSIGNED',
      unit_id: lineage.at(-1),
      unit_lineage: lineage,
      agency_id: demoId('agency', agencies[i % agencies.length]),
      occurred_at: now,
      opened_at: new Date(now.getTime() - i * 1000),
      opened_by: 'demo-operator',
      result_evidence: [],
      version: 1,
    });
    alertRows.push({
      id: require('node:crypto').randomUUID(),
      source_system: 'citizen-report',
      source_ref: `PA-BENCH-${i}`,
      sector: 'URBAN_ORDER',
      category_id: category,
      severity: 'MODERATE',
      headline: `Phản ánh ${i}`,
      description: 'Xây dựng không phép',
      unit_lineage: lineage,
      occurred_at: now,
      received_at: now,
      evidence: [],
      reporter_name: `Người dân ${i}`,
      reporter_phone: '0912 000 000',
      incident_id: id,
      version: 1,
    });
  }
  const knex = em.getKnex();
  await knex('incidents.incident').insert(incidentRows);
  await knex('incidents.alert').insert(alertRows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
