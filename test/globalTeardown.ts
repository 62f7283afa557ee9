// Runs once after the suites: drops this run's template databases and stops the embedded PostgreSQL
// if test/globalSetup.ts started it.
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `ioc\\_test\\_${process.pid}\\_%`,
      ]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  await (globalThis as { iocTestPostgres?: { stop(): Promise<void> } }).iocTestPostgres?.stop();
}
