import { Client, Pool } from 'pg';
import type { Logger } from '../logging';
import type { BusEvent, BusFeed, EventBus, OutboxRecord } from './bus';

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
  /** How often a follower reads even without a doorbell (NOTIFY can be lost with a dropped connection). */
  pollMs?: number;
}

/**
 * The event bus of the embedded default: a durable, gap-free event log in the `events` schema, read
 * by sequence. LISTEN/NOTIFY only rings the doorbell: followers always read the log itself, so a lost
 * notification or one over the payload limit delays an event by at most `pollMs`, never loses it.
 */
export async function createPostgresBus(options: PostgresBusOptions): Promise<EventBus> {
  const pool = new Pool({ connectionString: options.url, max: 4 });
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
      try {
        await connection.query('begin');
        await connection.query(`select pg_advisory_xact_lock(hashtext('events.event_log'))`);
        const { rows } = await connection.query<{ seq: string }>(APPEND, [JSON.stringify(records)]);
        if (rows.length) await connection.query('select pg_notify($1, $2)', [EVENT_CHANNEL, rows.at(-1)!.seq]);
        await connection.query('commit');
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
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
      const drain = (): Promise<void> => {
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
        })()
          .catch((error) => options.logger?.warn({ err: error }, 'reading the event log failed; retrying'))
          .finally(() => {
            draining = null;
          });
        return draining;
      };
      const listener = new Client({ connectionString: options.url });
      listener.on('error', (error) => options.logger?.warn({ err: error }, 'event doorbell connection lost; polling'));
      listener.on('notification', () => void drain());
      await listener.connect();
      await listener.query(`listen ${EVENT_CHANNEL}`);
      const timer = setInterval(() => void drain(), options.pollMs ?? 1000);
      await drain();
      const feed: BusFeed = {
        async close() {
          closed = true;
          clearInterval(timer);
          feeds.delete(feed);
          await draining;
          await listener.end().catch(() => undefined);
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
