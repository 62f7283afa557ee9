import { connect, DebugEvents, Events, StorageType, type ConsumerMessages, type JsMsg } from 'nats';
import type { Logger } from '../logging';
import type { BusEvent, BusFeed, EventBus, OutboxRecord } from './bus';

/** Where the NATS adapter keeps events. */
export interface NatsBusOptions {
  /** NATS server URL(s), comma-separated, e.g. `nats://127.0.0.1:4222`. */
  servers: string;
  /** The JetStream stream holding every event; created (file storage) if missing, reused as is if present. */
  stream: string;
  /** Subjects are `${subjectPrefix}.${source}.${entityType}`; the stream captures `${subjectPrefix}.>`. Default `ioc.events`. */
  subjectPrefix?: string;
  logger?: Logger;
}

/** At most this many events per `onEvents` call, and per pull from the server. */
const BATCH = 1000;
/** Pause before a failed `onEvents` is retried or a broken feed is resumed. */
const RETRY_MS = 1000;
/** Subject tokens: a dot, a wildcard or a space in `source`/`entityType` would change what the subject means. */
const TOKEN = /^[A-Za-z0-9_-]+$/;

/** The stored form: the outbox record as JSON, dates as ISO strings. */
type Stored = Omit<OutboxRecord, 'occurredAt'> & { occurredAt: string };

const toEvent = (msg: JsMsg): BusEvent => {
  const data = msg.json<Stored>();
  return {
    id: data.id,
    source: data.source,
    type: data.type,
    entityType: data.entityType,
    entityKey: data.entityKey,
    payload: data.payload,
    actor: data.actor,
    occurredAt: new Date(data.occurredAt),
    audience: data.audience,
    seq: msg.seq,
    // Nanoseconds since the epoch exceed 2^53, but the millisecond part a Date keeps is exact enough.
    storedAt: new Date(Math.floor(msg.info.timestampNanos / 1e6)),
  };
};

/**
 * The event bus on NATS JetStream, for several gateways on several machines: one stream, the stream
 * sequence as the cursor (gap-free while nothing is deleted from the stream), the event id as the
 * JetStream message id. Duplicates are dropped only within the stream's duplicate window (2 minutes
 * by default), which covers a relay re-publishing after a crash between publishing and marking.
 * The connection reconnects forever; losses and recoveries are logged.
 */
export async function createNatsBus(options: NatsBusOptions): Promise<EventBus> {
  const prefix = options.subjectPrefix ?? 'ioc.events';
  const { stream, logger } = options;
  // The default gives up after 10 attempts; a data hub's bus must outlive any outage of NATS.
  const nc = await connect({ servers: options.servers.split(','), name: 'ioc-graph-event-bus', maxReconnectAttempts: -1 });
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) logger?.warn({ server: status.data }, 'event bus connection lost; reconnecting');
      else if (status.type === Events.Reconnect) logger?.info({ server: status.data }, 'event bus reconnected');
      else if (status.type === Events.Error) logger?.warn({ err: status.data }, 'event bus error');
      else if (status.type !== DebugEvents.PingTimer) logger?.debug({ status }, 'event bus status');
    }
  })().catch((error) => logger?.warn({ err: error }, 'event bus status monitor failed'));
  void nc.closed().then((error) => error && logger?.error({ err: error }, 'event bus connection closed'));

  try {
    const jsm = await nc.jetstreamManager();
    const js = nc.jetstream();
    // Reuse an existing stream as is (its operator may have tuned limits/replicas); create it otherwise.
    await jsm.streams.info(stream).catch(async (error: Error & { api_error?: { err_code?: number } }) => {
      if (error.api_error?.err_code !== 10059) throw error; // 10059: stream not found
      await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], storage: StorageType.File });
    });

    const head = async () => (await jsm.streams.info(stream)).state.last_seq;
    const feeds = new Set<BusFeed>();

    return {
      async publish(records) {
        for (const record of records) {
          if (!TOKEN.test(record.source) || !TOKEN.test(record.entityType))
            throw new Error(`event ${record.id}: source and entityType must be subject tokens`);
        }
        // One at a time: pipelined publishes can be stored out of order when one is lost on a
        // reconnect and a later one is not, and the bus promises outbox order.
        for (const record of records) {
          const { id, source, type, entityType, entityKey, payload, actor, occurredAt, audience } = record;
          const data = JSON.stringify({ id, source, type, entityType, entityKey, payload, actor, occurredAt, audience });
          await js.publish(`${prefix}.${source}.${entityType}`, data, { msgID: id });
        }
      },

      head,

      async read(after, limit) {
        const last = await head();
        if (limit <= 0 || after >= last) return [];
        // An ordered consumer streams the range in one pull, instead of one request per message.
        const consumer = await js.consumers.get(stream, { opt_start_seq: after + 1 });
        const wanted = Math.min(limit, last - after);
        const events: BusEvent[] = [];
        try {
          // `expires` only bounds the wait if messages were deleted and fewer than `wanted` exist.
          const messages = await consumer.fetch({ max_messages: wanted, expires: 5000 });
          for await (const msg of messages) {
            events.push(toEvent(msg));
            if (events.length >= wanted || msg.info.pending === 0) break;
          }
        } finally {
          // Ordered consumers linger 5 minutes on the server otherwise; one per read would pile up.
          void consumer.delete().catch(() => undefined);
        }
        return events;
      },

      async follow(after, onEvents) {
        let position = after;
        let closed = false;
        let messages: ConsumerMessages | null = null;
        let wake = () => {};
        const pause = () =>
          new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, RETRY_MS).unref();
          });
        const deliver = async (batch: BusEvent[]) => {
          // Retry the same batch rather than skip it: the feed promises no gaps (as the PostgreSQL one).
          while (!closed) {
            try {
              await onEvents(batch);
              position = batch.at(-1)!.seq;
              return;
            } catch (error) {
              logger?.warn({ err: error, seq: batch[0].seq }, 'event handler failed; retrying');
              await pause();
            }
          }
        };
        // One ordered consumer at a time, from the last delivered sequence + 1: the client recreates
        // it after a gap or missed heartbeats; `run` recreates it if its iterator ever fails.
        const open = async () => {
          const consumer = await js.consumers.get(stream, { opt_start_seq: position + 1 });
          return { consumer, messages: await consumer.consume({ max_messages: BATCH }) };
        };
        const run = async (first: Awaited<ReturnType<typeof open>>) => {
          for (let current: typeof first | null = first; !closed; current = null) {
            try {
              current ??= await open();
              messages = current.messages;
              if (closed) await messages.close();
              let batch: BusEvent[] = [];
              for await (const msg of messages) {
                if (msg.seq <= (batch.at(-1)?.seq ?? position)) continue; // cheap guard: never repeat a sequence
                batch.push(toEvent(msg));
                // Flush when caught up with the stream or nothing more is buffered (the iterator
                // counts the message in hand), so a live event is never held back for a full batch.
                if (batch.length >= BATCH || msg.info.pending === 0 || messages.getPending() <= 1) {
                  await deliver(batch);
                  batch = [];
                  if (closed) break;
                }
              }
            } catch (error) {
              if (!closed) logger?.warn({ err: error, after: position }, 'event feed failed; resuming');
            }
            void current?.consumer.delete().catch(() => undefined);
            if (!closed) await pause();
          }
        };
        // The first consumer is created before returning, so a missing stream fails `follow` itself.
        const running = run(await open());
        const feed: BusFeed = {
          async close() {
            closed = true;
            feeds.delete(feed);
            wake();
            await messages?.close().catch(() => undefined);
            await running;
          },
        };
        feeds.add(feed);
        return feed;
      },

      async close() {
        await Promise.all([...feeds].map((feed) => feed.close()));
        await nc.drain();
      },
    };
  } catch (error) {
    await nc.close();
    throw error;
  }
}
