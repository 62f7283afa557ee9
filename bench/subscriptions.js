#!/usr/bin/env node
// Fan-out of live events: `npm run bench:subscriptions -- [subscribers] [events] [events per second]`
// (defaults 2000, 100, 5). Opens that many graphql-ws subscribers on one gateway, each following
// `alertReceived` with fields of two subgraphs (the alert's category from incidents, its unit from the
// directory), reports the alerts through the gateway at the given rate, and prints delivered/expected
// and the p50/p99/max lag from each alert's commit (its occurredAt) to its delivery, measured in this run.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (default the local server's `postgres` database);
// EVENT_BUS=nats runs it on NATS JetStream (NATS_URL, a scratch stream) instead of the event log.
const { createClient } = require('graphql-ws');
const WebSocketClient = require('ws');
const { randomBytes } = require('node:crypto');
const { graphql, percentile, spawnStack } = require('./support');
const { demoId } = require('../subgraphs/directory/dist/src/server');
const { categoryId } = require('../subgraphs/incidents/dist/src/server');

const [SUBSCRIBERS = 2000, EVENTS = 100, RATE = 5] = process.argv.slice(2).map(Number);
const SUBSCRIPTION = `subscription { alertReceived { cursor occurredAt alert { headline category { code } unit { nameVi } } } }`;
const REPORT = `mutation Report($input: ReportAlertInput!) { reportAlert(input: $input) { id } }`;

async function main() {
  const tag = randomBytes(3).toString('hex');
  const natsEnv = process.env.EVENT_BUS === 'nats' ? { NATS_STREAM: `IOC_BENCH_${tag}`, NATS_SUBJECT_PREFIX: `ioc.bench.${tag}` } : {};
  {
    // The hub runs in a child process: the clients here do not take its CPU.
    const hub = await spawnStack({ SUBSCRIBER_MAX_LAG: '100000', ...natsEnv });
    const clients = [];
    try {
      const { OPERATOR: operator, SYSTEM: system } = hub.tokens;
      const wsUrl = hub.gatewayUrl.replace(/^http/, 'ws');
      const lags = [];
      let delivered = 0;
      let subscribed = 0;
      let failures = 0;
      for (let i = 0; i < SUBSCRIBERS; i++) {
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocketClient,
          connectionParams: { authorization: `Bearer ${operator}` },
          retryAttempts: 0,
          lazy: false,
        });
        clients.push(client);
        client.subscribe(
          { query: SUBSCRIPTION },
          {
            next: ({ data }) => {
              delivered++;
              lags.push(Date.now() - Date.parse(data.alertReceived.occurredAt));
            },
            error: () => failures++,
            complete: () => undefined,
          },
        );
      }
      // Every subscription is registered once the gateway counts them all.
      const started = Date.now();
      while (subscribed < SUBSCRIBERS && Date.now() - started < 60_000) {
        const metrics = await (await fetch(new URL('/metrics', hub.gatewayUrl))).text();
        subscribed = Number(/^graphql_subscribers\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? 0);
        if (subscribed < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 100));
      }
      console.log(`${subscribed} subscribers connected in ${((Date.now() - started) / 1000).toFixed(1)} s`);

      const interval = 1000 / RATE;
      const sendStart = Date.now();
      const sends = [];
      for (let i = 0; i < EVENTS; i++) {
        const due = sendStart + i * interval;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        sends.push(
          graphql(hub.gatewayUrl, system, REPORT, {
            input: {
              sourceSystem: 'bench',
              sourceRef: `${tag}-${i}`,
              categoryId: categoryId('TRF_ACCIDENT'),
              headline: `Tai nạn thử nghiệm ${i}`,
              occurredAt: new Date().toISOString(),
              unitId: demoId('unit', 'BP-689-TANPHU'),
            },
          }),
        );
      }
      await Promise.all(sends);
      const expected = SUBSCRIBERS * EVENTS;
      const waitStart = Date.now();
      while (delivered < expected && Date.now() - waitStart < 60_000) await new Promise((r) => setTimeout(r, 100));
      lags.sort((a, b) => a - b);
      console.log(`events: ${EVENTS} at ${RATE}/s; subscribers: ${SUBSCRIBERS}; bus: ${process.env.EVENT_BUS ?? 'postgres'}`);
      console.log(
        `delivered/expected: ${delivered}/${expected} (${((100 * delivered) / expected).toFixed(2)} %), subscription errors: ${failures}`,
      );
      console.log(`lag from commit to delivery: p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${lags.at(-1)} ms`);
      if (delivered !== expected) process.exitCode = 1;
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await hub.stop();
      if (natsEnv.NATS_STREAM) {
        const { connect } = require('nats');
        const nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
        await (await nc.jetstreamManager()).streams.delete(natsEnv.NATS_STREAM).catch(() => undefined);
        await nc.close();
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
