#!/usr/bin/env node
// Writes a new migration for one subgraph from the difference between its entities and its committed
// migrations: `npm run migration:create -- <subgraph> [name]` (e.g. `directory`).
// Needs a scratch PostgreSQL: MIGRATION_DATABASE_URL, default the local server's `postgres` database;
// the subgraph's schema there is dropped and rebuilt from the committed migrations first.
const path = require('node:path');
const { Client } = require('pg');

async function main() {
  const [subgraph, name = 'change'] = process.argv.slice(2);
  if (!subgraph) throw new Error('usage: npm run migration:create -- <subgraph> [name]');
  const root = path.resolve(__dirname, '..');
  const dir = path.join(root, 'subgraphs', subgraph);
  const url = process.env.MIGRATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { createOrm, migrate } = require(path.join(root, 'platform/dist/src'));
  const { entities } = require(path.join(dir, 'dist/src/schema'));
  const { migrations } = require(path.join(dir, 'dist/migrations'));

  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${subgraph}" CASCADE`);
  await client.end();

  const orm = await createOrm({ url, schema: subgraph, entities, migrations });
  try {
    await migrate(orm);
    orm.config.get('migrations').path = path.join(dir, 'migrations');
    orm.config.get('migrations').emit = 'ts';
    orm.config.get('migrations').fileName = (timestamp) => `Migration${timestamp}_${name}`;
    const result = await orm.getMigrator().createMigration(path.join(dir, 'migrations'), false, migrations.length === 0);
    if (!result.fileName) console.log('no changes: no migration written');
    else console.log(`wrote ${path.join('subgraphs', subgraph, 'migrations', result.fileName)}; add it to migrations/index.ts`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
