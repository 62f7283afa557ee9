#!/usr/bin/env node
// Follows incident changes over graphql-ws, as an agency's dispatch screen would:
//   TOKEN=<a token from the npm start banner> node examples/watchIncidents.js [after-cursor]
// Prints one line per event; pass the last cursor printed to resume after a restart of this script.
const { createClient } = require('graphql-ws');
const WebSocketClient = require('ws');

const url = process.env.GATEWAY_WS_URL ?? 'ws://127.0.0.1:4000/graphql';
const after = process.argv[2] ?? null;

const client = createClient({
  url,
  webSocketImpl: WebSocketClient,
  connectionParams: { authorization: `Bearer ${process.env.TOKEN}` },
});

client.subscribe(
  {
    query: `subscription Watch($after: String) {
      incidentChanged(after: $after) {
        cursor type action fromState toState occurredAt actor
        incident { code title state deadline agency { nameVi } unit { nameVi } }
      }
    }`,
    variables: { after },
  },
  {
    next: ({ data, errors }) => {
      if (errors) return console.error('error:', errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
      const { cursor, type, fromState, toState, incident } = data.incidentChanged;
      console.log(
        `[${cursor}] ${type} ${incident.code} ${fromState ?? '-'} → ${toState ?? '-'} ${incident.title} (${incident.agency?.nameVi ?? 'chưa giao'})`,
      );
    },
    error: (error) => {
      console.error('subscription ended:', error instanceof Error ? error.message : JSON.stringify(error));
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);
console.error(`watching incidents at ${url}${after ? ` after ${after}` : ''}; Ctrl-C to stop`);
