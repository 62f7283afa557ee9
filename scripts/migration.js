#!/usr/bin/env node
// Writes a new migration for one subgraph from the difference between its entities and its committed
// migrations: `npm run migration:create -- <subgraph> [name]` (e.g. `directory`).
// Needs a PostgreSQL server: MIGRATION_DATABASE_URL (default the local server's `postgres` database)
// names it; a scratch database is made there, migrated with the committed migrations, and dropped.
const path = require('node:path');
const { Client } = require('pg');

async function main() {
  const [subgraph, name = 'change'] = process.argv.slice(2);
  if (!subgraph) throw new Error('usage: npm run migration:create -- <subgraph> [name]');
  const root = path.resolve(__dirname, '..');
  const dir = path.join(root, 'subgraphs', subgraph);
  // A scratch database of its own: the diff then sees this subgraph's committed migrations and nothing else.
  const admin = process.env.MIGRATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `ioc_migration_${process.pid}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${scratch}"`);
  await client.query(`CREATE DATABASE "${scratch}"`);
  const url = new URL(admin);
  url.pathname = `/${scratch}`;
  const { createOrm, migrate } = require(path.join(root, 'platform/dist/src'));
  const { entities } = require(path.join(dir, 'dist/src/schema'));
  const { migrations } = require(path.join(dir, 'dist/migrations'));

  const orm = await createOrm({ url: url.toString(), schema: subgraph, entities, migrations });
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
    await client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
