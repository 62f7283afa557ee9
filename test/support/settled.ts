import { Client } from 'pg';
import { eventually } from './eventually';

/**
 * Resolves once the hub's events have all gone through, on the PostgreSQL bus of `databaseUrl`: every
 * subgraph's outbox relayed, and every consumer (`bus_cursor`) at the bus's head. What a test waits on
 * before asserting that something did NOT happen (a second alert), instead of sleeping.
 */
export async function busSettled(databaseUrl: string, timeout = 30_000): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = async (name: string) =>
      (
        await client.query<{ schema: string }>('SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = $1', [name])
      ).rows.map((r) => r.schema);
    const outboxes = await tables('outbox_event');
    const cursors = await tables('bus_cursor');
    await eventually(
      async () => {
        for (const schema of outboxes) {
          const { rows } = await client.query(`SELECT 1 FROM "${schema}".outbox_event WHERE relayed_at IS NULL LIMIT 1`);
          if (rows.length) return false;
        }
        const head = Number((await client.query('SELECT coalesce(max(seq), 0) AS seq FROM events.event_log')).rows[0].seq);
        for (const schema of cursors) {
          // No row yet: that consumer has read nothing since it started, at the head of its day.
          const { rows } = await client.query(`SELECT min(position) AS position FROM "${schema}".bus_cursor`);
          if (rows[0].position !== null && Number(rows[0].position) < head) return false;
        }
        return true;
      },
      { timeout, what: 'every outbox relayed and every consumer at the head of the bus' },
    );
  } finally {
    await client.end();
  }
}
