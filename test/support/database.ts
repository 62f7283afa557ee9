import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database of one suite; `drop()` removes it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database prepared once per test run and copied for each suite that asks for it (`CREATE DATABASE …
 * TEMPLATE …` takes a fraction of a second; migrating and seeding six subgraphs takes seconds).
 */
export interface DatabaseTemplate {
  /** Short name, part of the template database's name. */
  name: string;
  /** Fills the template at `url` (e.g. boots the services on it, which migrate and seed); every connection must be closed when it resolves. */
  prepare(url: string): Promise<void>;
}

/** The server the suites make their databases on: the one `test/globalSetup.ts` chose (5432, TEST_DATABASE_URL, or the embedded one). */
export const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Databases of this run are named after the process that started it, so that a later run can drop those of runs that died. */
const runId = () => process.env.IOC_TEST_RUN ?? String(process.pid);

const withAdmin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const urlOf = (name: string) => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** Makes the run's copy of `template` unless another suite already did; suites of other workers wait on an advisory lock meanwhile. */
async function ensureTemplate(client: Client, template: DatabaseTemplate): Promise<string> {
  const name = `ioc_test_${runId()}_template_${template.name}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return name;
    await client.query(`CREATE DATABASE "${name}"`);
    try {
      await template.prepare(urlOf(name));
    } catch (error) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      throw error;
    }
    return name;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}

/**
 * A fresh database on the test server for one suite: empty, or a copy of `options.template` (prepared
 * the first time a suite of this run asks for it).
 */
export async function createTestDatabase(options: { template?: DatabaseTemplate } = {}): Promise<TestDatabase> {
  const name = `ioc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    if (!options.template) return void (await client.query(`CREATE DATABASE "${name}"`));
    const template = await ensureTemplate(client, options.template);
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } catch (error) {
      // A connection of the preparation still closing: PostgreSQL copies only a database nobody is in.
      if ((error as { code?: string }).code !== '55006') throw error;
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [template]);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    }
  });
  return {
    url: urlOf(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
