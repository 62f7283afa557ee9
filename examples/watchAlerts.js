#!/usr/bin/env node
// The monitoring wall's alert feed over graphql-ws:
//   TOKEN=<an OPERATOR or LEADER token from the npm start banner> node examples/watchAlerts.js
const { createClient } = require('graphql-ws');
const WebSocketClient = require('ws');

const client = createClient({
  url: process.env.GATEWAY_WS_URL ?? 'ws://127.0.0.1:4000/graphql',
  webSocketImpl: WebSocketClient,
  connectionParams: { authorization: `Bearer ${process.env.TOKEN}` },
});

client.subscribe(
  { query: 'subscription { alertReceived { cursor type alert { headline severity category { nameVi } unit { nameVi } } } }' },
  {
    next: ({ data, errors }) => {
      if (errors) return console.error('error:', errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
      const { cursor, type, alert } = data.alertReceived;
      console.log(`[${cursor}] ${type} ${alert.severity} ${alert.category.nameVi}: ${alert.headline} (${alert.unit?.nameVi ?? '—'})`);
    },
    error: (error) => {
      console.error('subscription ended:', error instanceof Error ? error.message : JSON.stringify(error));
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);
console.error('watching alerts; Ctrl-C to stop');
