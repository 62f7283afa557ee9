// The hub in a process of its own, so that a benchmark's clients do not share its CPU:
// forked by support.js's spawnStack(), it reports the gateway URL and demo tokens over IPC and stops
// when its parent says so (or goes away).
const { startStack, withDatabase } = require('./support');

withDatabase(async (databaseUrl) => {
  const hub = await startStack(databaseUrl, JSON.parse(process.env.BENCH_STACK_ENV ?? '{}'));
  const tokens = {};
  for (const role of ['OPERATOR', 'SYSTEM', 'AGENCY_STAFF']) tokens[role] = await hub.tokenFor(role);
  process.send({ gatewayUrl: hub.gatewayUrl, databaseUrl, tokens });
  await new Promise((resolve) => {
    process.on('message', (message) => {
      if (message === 'stop') resolve();
      // Each subgraph's SQL statements so far, for benchmarks that report statements per operation.
      else if (message === 'counts') process.send({ counts: { ...hub.counts } });
    });
    process.on('disconnect', resolve);
  });
  await hub.stop();
}).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
