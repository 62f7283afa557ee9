// Runs once before the suites: checks that the test PostgreSQL answers, and drops databases left
// behind by interrupted runs (whose process is gone). Each suite then makes its own database (test/support/database.ts).
const { Client } = require('pg');

module.exports = async () => {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`The tests need PostgreSQL at TEST_DATABASE_URL (${url}): ${error.message}. .ci/run starts it.`);
  }
  const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'ioc\\_test\\_%'");
  // Only databases of runs that have ended: another run on this machine may be using its own.
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  };
  for (const { datname } of rows) {
    const pid = Number(/^ioc_test_(\d+)_/.exec(datname)?.[1]);
    if (!pid || !alive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await client.end();
};
