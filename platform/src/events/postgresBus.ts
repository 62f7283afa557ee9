import { Pool } from 'pg';
import type { Logger } from '../logging';
import type { BusEvent, BusFeed, EventBus, OutboxRecord } from './bus';
import { ListenConnection, type ReconnectBackoff } from './listenConnection';

/** The doorbell: rung (in the appending transaction, so at its commit) with the newest sequence. */
export const EVENT_CHANNEL = 'ioc_events';

const SCHEMA = `
  create schema if not exists events;
  create table if not exists events.event_log (
    seq bigint primary key,
    id uuid not null unique,
    source text not null,
    type text not null,
    entity_type text not null,
    entity_key text not null,
    payload jsonb not null,
    actor text not null,
    audience jsonb not null,
    occurred_at timestamptz not null,
    stored_at timestamptz not null default clock_timestamp()
  );`;

// Appends are serialised by one transaction-scoped lock: each takes max(seq) + 1, + 2… only after the
// previous append committed, so the sequence has no gaps and a reader that has seen seq n has seen
// every event before it. Ids already stored are left out before numbering.
const APPEND = `
  insert into events.event_log (seq, id, source, type, entity_type, entity_key, payload, actor, audience, occurred_at)
  select (select coalesce(max(seq), 0) from events.event_log) + row_number() over (order by r.ord),
         (r.doc->>'id')::uuid, r.doc->>'source', r.doc->>'type', r.doc->>'entityType', r.doc->>'entityKey',
         r.doc->'payload', r.doc->>'actor', r.doc->'audience', (r.doc->>'occurredAt')::timestamptz
    from jsonb_array_elements($1::jsonb) with ordinality as r(doc, ord)
   where not exists (select 1 from events.event_log e where e.id = (r.doc->>'id')::uuid)
  returning seq`;

interface Row {
  seq: string;
  id: string;
  source: string;
  type: string;
  entity_type: string;
  entity_key: string;
  payload: Record<string, unknown>;
  actor: string;
  audience: BusEvent['audience'];
  occurred_at: Date;
  stored_at: Date;
}

const toEvent = (row: Row): BusEvent => ({
  seq: Number(row.seq),
  id: row.id,
  source: row.source,
  type: row.type,
  entityType: row.entity_type,
  entityKey: row.entity_key,
  payload: row.payload,
  actor: row.actor,
  audience: row.audience,
  occurredAt: row.occurred_at,
  storedAt: row.stored_at,
});

export interface PostgresBusOptions {
  url: string;
  logger?: Logger;
  /** How often a follower reads even without a doorbell (a NOTIFY over the payload limit, a bug). @default 1000 */
  pollMs?: number;
  /** Reconnection delays of a follower's LISTEN connection after it drops. @default 100 ms doubling to 5 s */
  backoff?: ReconnectBackoff;
}

/**
 * The event bus of the embedded default: a durable, gap-free event log in the `events` schema, read
 * by sequence. LISTEN/NOTIFY only rings the doorbell: followers always read the log itself, so a lost
 * notification or one over the payload limit delays an event by at most `pollMs`, never loses it. A
 * follower whose LISTEN connection drops (a database restart) reconnects, LISTENs again and catches up
 * from its last delivered seq, so live delivery does not fall back to the poll.
 */
export async function createPostgresBus(options: PostgresBusOptions): Promise<EventBus> {
  // Idle connections close after 5 s: a hub's every service has a bus, and most publish only now and then.
  const pool = new Pool({ connectionString: options.url, max: 4, idleTimeoutMillis: 5_000 });
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'event bus connection lost'));
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('events.schema'))`);
    await client.query(SCHEMA);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  const feeds = new Set<BusFeed>();

  const read = async (after: number, limit: number) => {
    const { rows } = await pool.query<Row>('select * from events.event_log where seq > $1 order by seq limit $2', [after, limit]);
    return rows.map(toEvent);
  };

  return {
    async publish(records: OutboxRecord[]) {
      if (!records.length) return;
      const connection = await pool.connect();
      // A checked-out client that loses its connection emits 'error' besides failing its query: without a
      // listener that would crash the process (the pool listens only while the client is idle).
      const lost = (error: Error) => options.logger?.debug({ err: error }, 'event bus connection lost while publishing');
      connection.on('error', lost);
      let failure: Error | undefined;
      try {
        await connection.query('begin');
        await connection.query(`select pg_advisory_xact_lock(hashtext('events.event_log'))`);
        const { rows } = await connection.query<{ seq: string }>(APPEND, [JSON.stringify(records)]);
        if (rows.length) await connection.query('select pg_notify($1, $2)', [EVENT_CHANNEL, rows.at(-1)!.seq]);
        await connection.query('commit');
      } catch (error) {
        failure = error as Error;
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.off('error', lost);
        // Released with the failure, the pool drops the client instead of handing out a broken one.
        connection.release(failure);
      }
    },

    async head() {
      const { rows } = await pool.query<{ seq: string | null }>('select max(seq) as seq from events.event_log');
      return Number(rows[0].seq ?? 0);
    },

    read,

    async follow(after, onEvents) {
      let position = after;
      let closed = false;
      let draining: Promise<void> | null = null;
      let again = false;
      let failures = 0;
      let retry: NodeJS.Timeout | null = null;
      // Reads from the last delivered seq, so a catch-up after any pause (a lost doorbell, a reconnection,
      // a failed read) delivers what came meanwhile without gap or repeat.
      const drain = (): Promise<void> => {
        if (closed) return Promise.resolve();
        if (draining) {
          again = true;
          return draining;
        }
        draining = (async () => {
          do {
            again = false;
            for (let batch = await read(position, 1000); batch.length && !closed; batch = await read(position, 1000)) {
              await onEvents(batch);
              position = batch.at(-1)!.seq;
            }
          } while (again && !closed);
          failures = 0;
        })()
          .catch((error) => {
            // Retried with backoff, not on the next poll (far off where the doorbell is trusted); logged once per run of failures.
            if (closed) return;
            if (failures++ === 0) options.logger?.warn({ err: error }, 'reading the event log failed; retrying');
            if (retry) clearTimeout(retry);
            retry = setTimeout(() => void drain(), Math.min(100 * 2 ** (failures - 1), 5000));
          })
          .finally(() => {
            draining = null;
          });
        return draining;
      };
      const listener = await ListenConnection.open({
        url: options.url,
        channel: EVENT_CHANNEL,
        what: 'event bus feed',
        logger: options.logger,
        backoff: options.backoff,
        onNotification: () => void drain(),
        // Doorbells rung while it was away are gone: catch up from the last delivered seq.
        onReconnected: () => void drain(),
      });
      const timer = setInterval(() => void drain(), options.pollMs ?? 1000);
      await drain();
      const feed: BusFeed = {
        async close() {
          closed = true;
          clearInterval(timer);
          if (retry) clearTimeout(retry);
          feeds.delete(feed);
          await draining;
          await listener.close();
        },
      };
      feeds.add(feed);
      return feed;
    },

    async close() {
      await Promise.all([...feeds].map((feed) => feed.close()));
      await pool.end();
    },
  };
}
